import type { WorkbookGateway } from "../../excel/gateway.types";
import type { Language } from "../i18n/catalogue.types";

export type TabId = "plan" | "track" | "actions" | "tours" | "team";

export interface AppProps {
  gateway: WorkbookGateway;
  initialLanguage: Language;
  /** The host's language tag (Office display language or browser), for regional formats. */
  hostTag?: string;
  initialTab?: TabId;
}
