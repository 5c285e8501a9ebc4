import type { en } from "./en";

export type Language = "fr" | "en";
/** Every message the pane shows; fr.ts must provide exactly the keys en.ts defines. */
export type MessageKey = keyof typeof en;
export type Messages = Readonly<Record<MessageKey, string>>;
