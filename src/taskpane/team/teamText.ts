/** The Team tab's error texts, in the manager's language. */
import { GatewayError } from "../../excel/gateway.types";
import { ReviewRefusedError } from "../../sync";
import type { MessageKey } from "../i18n/catalogue.types";
import type { MessageParams } from "../i18n/format";
import type { Language } from "../i18n/catalogue.types";
import { errorText } from "../shell/errorText";
import { syncErrorText } from "../sync/syncText";

type T = (key: MessageKey, params?: MessageParams) => string;

export function teamErrorText(t: T, language: Language, error: unknown): string {
  if (error instanceof ReviewRefusedError)
    return t("team.err.refused", {
      reasons: error.results
        .map((r) => `${r.table} ${r.status}${r.reason ? ` (${r.reason})` : ""}`)
        .join(", "),
    });
  return syncErrorText(t, error, (e) =>
    e instanceof GatewayError ? errorText(e, language, t("team.err.generic")) : null,
  );
}
