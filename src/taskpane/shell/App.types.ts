import type { WorkbookGateway } from "../../excel/gateway.types";
import type { Language } from "../i18n/catalogue.types";
import type { SyncService } from "../sync/syncService";

export type TabId = "plan" | "track" | "actions" | "tours" | "team";

export interface AppProps {
  gateway: WorkbookGateway;
  initialLanguage: Language;
  /** The host's language tag (Office display language or browser), for regional formats. */
  hostTag?: string;
  initialTab?: TabId;
  /** Told the rep's choice of language (the pane remembers it for next time). */
  onLanguageChange?: (language: Language) => void;
  /** The shared store's client; without it the Team tab says the store is not set up. */
  sync?: SyncService;
}
