/**
 * The Sync panel (the Team tab for reps): the store, who is signed in and their role, last sync,
 * pending changes, Sync now, the conflicts with keep mine / take the store's, errors in the rep's
 * language. Managers get the team views of the next issue here.
 */
import { Button, Field, Input, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { ReactNode } from "react";
import type { MessageKey } from "../i18n/catalogue.types";
import { useI18n } from "../i18n/useI18n";
import { errorText } from "../shell/errorText";
import { GatewayError } from "../../excel/gateway.types";
import type { SyncTrigger } from "./autoSync";
import type { Session, SyncService } from "./syncService";
import { statusLine, syncErrorText } from "./syncText";
import { useSync } from "./useSync";

export interface SyncPanelProps {
  service: SyncService;
  onSession?: (s: Session | null) => void;
  /** Writes elsewhere in the pane that call for a sync. */
  trigger?: SyncTrigger;
  now?: () => Date;
}

const show = (v: unknown): string =>
  v === null || v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v);

export function SyncPanel({
  service,
  onSession,
  trigger,
  now = () => new Date(),
}: SyncPanelProps): ReactNode {
  const { t, language } = useI18n();
  const s = useSync(service, onSession);
  const { syncNow } = s;
  useEffect(
    () =>
      trigger?.subscribe(() => {
        void syncNow();
      }),
    [trigger, syncNow],
  );
  const [token, setToken] = useState("");
  const gatewayText = (e: unknown): string | null =>
    e instanceof GatewayError ? errorText(e, language, t("sync.err.generic")) : null;
  const held = s.status?.held ?? [];
  return (
    <section aria-labelledby="sync-title" data-testid="sync-panel">
      <Text as="h2" weight="semibold" id="sync-title">
        {t("sync.title")}
      </Text>
      <Text as="p" size={200}>
        {t("sync.store", { url: service.storeUrl })}
      </Text>
      {s.session === null ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void s.signIn(token);
          }}
        >
          <Field label={t("sync.tokenLabel")} hint={t("sync.tokenHint")}>
            <Input
              type="password"
              value={token}
              data-testid="sync-token"
              onChange={(_, d) => {
                setToken(d.value);
              }}
            />
          </Field>
          <Button appearance="primary" type="submit" disabled={token.trim() === ""}>
            {t("sync.signIn")}
          </Button>
        </form>
      ) : (
        <div>
          <Text as="p" data-testid="sync-who">
            {t("sync.signedInAs", {
              name: s.session.person.name,
              role: t(`sync.role.${s.session.person.role}` as MessageKey),
            })}
          </Text>
          <Button
            onClick={() => {
              void s.signOut();
            }}
          >
            {t("sync.signOut")}
          </Button>
        </div>
      )}
      {s.status !== null && (
        <Text as="p" role="status" data-testid="sync-status">
          {statusLine(t, s.status, s.offline, now())}
        </Text>
      )}
      {s.session !== null && (
        <Button
          appearance="primary"
          disabled={s.busy}
          onClick={() => {
            void s.syncNow();
          }}
        >
          {s.busy ? t("sync.syncing") : t("sync.now")}
        </Button>
      )}
      {s.last !== null && s.error === null && (
        <Text as="p" data-testid="sync-result">
          {t("sync.result", {
            pushed: s.last.pushed,
            pulled: Object.values(s.last.pulled).reduce((a, b) => a + b, 0),
          })}
        </Text>
      )}
      {s.error !== null && (
        <MessageBar intent="error">
          <MessageBarBody data-testid="sync-error">{syncErrorText(t, s.error, gatewayText)}</MessageBarBody>
        </MessageBar>
      )}
      {held.length > 0 && (
        <section aria-labelledby="sync-conflicts" data-testid="sync-conflicts">
          <Text as="h3" weight="semibold" id="sync-conflicts">
            {t("sync.conflicts", { n: held.length })}
          </Text>
          <ul>
            {held.map((h) => (
              <li key={`${h.table}/${h.rowId}#${h.field}`}>
                <Text>
                  {t("sync.conflictRow", {
                    table: h.table,
                    row: "",
                    field: h.field,
                    mine: show(h.mine),
                    theirs: show(h.theirs),
                  })}
                </Text>{" "}
                <Button
                  size="small"
                  disabled={s.busy || s.session === null}
                  onClick={() => {
                    void s.syncNow([
                      { table: h.table, rowId: h.rowId, field: h.field, choice: "mine", mine: h.mine },
                    ]);
                  }}
                >
                  {t("sync.keepMine")}
                </Button>{" "}
                <Button
                  size="small"
                  disabled={s.busy || s.session === null}
                  onClick={() => {
                    void s.syncNow([
                      { table: h.table, rowId: h.rowId, field: h.field, choice: "theirs", mine: h.mine },
                    ]);
                  }}
                >
                  {t("sync.takeTheirs")}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {s.session !== null && s.session.person.role !== "rep" && (
        <Text as="p" size={200}>
          {t("sync.managerTeam")}
        </Text>
      )}
    </section>
  );
}
