/** The Sync panel's status line and error texts, in the rep's language. */
import { SyncHttpError, SyncUnavailableError, WrongPersonError } from "../../sync/errors";
import type { MessageKey } from "../i18n/catalogue.types";
import type { MessageParams } from "../i18n/format";
import type { SyncStatus } from "./syncService";

type T = (key: MessageKey, params?: MessageParams) => string;

export function agoText(t: T, lastSync: string, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(lastSync)) / 60_000));
  if (minutes < 1) return t("sync.justNow");
  if (minutes < 60) return t("sync.minutesAgo", { n: minutes });
  return t("sync.hoursAgo", { n: Math.floor(minutes / 60) });
}

/** "Synchronisé il y a 2 min · 12 modifications en attente · hors ligne". */
export function statusLine(t: T, status: SyncStatus, offline: boolean, now: Date): string {
  const parts = [
    status.lastSync === null ? t("sync.never") : t("sync.ago", { ago: agoText(t, status.lastSync, now) }),
  ];
  if (status.pending > 0) parts.push(t("sync.pending", { n: status.pending }));
  if (offline) parts.push(t("sync.offline"));
  return parts.join(" · ");
}

export function syncErrorText(t: T, error: unknown, gatewayText: (e: unknown) => string | null): string {
  if (error instanceof SyncUnavailableError) return t("sync.err.unreachable");
  if (error instanceof TypeError) return t("sync.err.unreachable");
  if (error instanceof WrongPersonError) return t("sync.err.otherPerson");
  if (error instanceof SyncHttpError) {
    if (error.status === 401) return t("sync.err.expired");
    if (error.status === 403) return t("sync.err.forbidden");
    return `${t("sync.err.generic")} (${error.code})`;
  }
  return (
    gatewayText(error) ?? `${t("sync.err.generic")}${error instanceof Error ? ` (${error.message})` : ""}`
  );
}
