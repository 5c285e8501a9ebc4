import type { Lang } from "../../core/types";
import type { en } from "./en";

/** The pane speaks the core's languages. */
export type Language = Lang;
/** Every message the pane shows; fr.ts must provide exactly the keys en.ts defines. */
export type MessageKey = keyof typeof en;
export type Messages = Readonly<Record<MessageKey, string>>;
