import { Button, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ReactNode } from "react";
import type { WorkbookGateway } from "../../excel/gateway.types";
import { useI18n } from "../i18n/useI18n";
import { errorText } from "../shell/errorText";
import { addDays, todayIso } from "../shell/today";
import type { TrackFigures } from "../engine/calendarEngine";
import { useTrackStyles } from "./useTrackStyles.styles";
import { singleClick } from "../shared/singleClick";

export type SymptomKind = "saturated" | "neglected" | "overdue";

export interface SymptomListProps {
  gateway: WorkbookGateway;
  figures: TrackFigures;
}

/** Days given to act on a symptom before the action plan is overdue. */
const ACTION_DAYS = 14;

/** The two symptoms by name, and overdue clients; each client becomes an action plan in one click. */
export function SymptomList({ gateway, figures }: SymptomListProps): ReactNode {
  const { t, language } = useI18n();
  const styles = useTrackStyles();
  const [created, setCreated] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const inFlight = useRef(new Set<string>());
  const groups: { kind: SymptomKind; ids: readonly string[] }[] = [
    { kind: "saturated", ids: figures.kpis.saturatedTopAccounts },
    { kind: "neglected", ids: figures.kpis.neglectedAtRisk },
    { kind: "overdue", ids: figures.kpis.overdue },
  ];
  const actionText = (kind: SymptomKind): string => t(`track.action.${kind}`);
  /** The symptom/client pairs that already have an open action plan in the Actions table. */
  const openPairs = useCallback(async (): Promise<Set<string>> => {
    const rows = await gateway.readActions();
    const kinds: SymptomKind[] = ["saturated", "neglected", "overdue"];
    const pairs = new Set<string>();
    for (const row of rows) {
      if (row.status !== "open") continue;
      for (const kind of kinds)
        if (row.action === t(`track.action.${kind}`)) pairs.add(`${kind}/${row.clientId}`);
    }
    return pairs;
  }, [gateway, t]);
  // New figures (an import, a reload): the buttons say which clients already have their action plan.
  useEffect(() => {
    let live = true;
    openPairs()
      .then((pairs) => {
        if (live) setCreated(pairs);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [figures, openPairs]);

  const createAction = async (kind: SymptomKind, clientId: string): Promise<void> => {
    const key = `${kind}/${clientId}`;
    if (inFlight.current.has(key)) return;
    inFlight.current.add(key);
    setError(null);
    try {
      // The Actions table decides, not this view's memory: one open plan per client and symptom.
      if (!(await openPairs()).has(key))
        await gateway.writeAction({
          clientId,
          action: actionText(kind),
          owner: "",
          due: addDays(todayIso(), ACTION_DAYS),
          status: "open",
        });
      setCreated((s) => new Set([...s, key]));
    } catch (caught: unknown) {
      setError(caught);
    } finally {
      inFlight.current.delete(key);
    }
  };

  return (
    <section aria-label={t("track.symptoms")}>
      {error !== null && (
        <MessageBar intent="error">
          <MessageBarBody>{errorText(error, language, t("actions.error"))}</MessageBarBody>
        </MessageBar>
      )}
      {groups.map(({ kind, ids }) => (
        <section key={kind} aria-label={t(`track.symptom.${kind}`)}>
          <Text weight="semibold" block>
            {t(`track.symptom.${kind}`)} ({ids.length})
          </Text>
          {ids.length === 0 ? (
            <Text size={200}>{t("track.symptomNone")}</Text>
          ) : (
            <ul className={styles.list}>
              {ids.map((id) => {
                const label = `${id} · ${figures.names.get(id) ?? ""}`;
                const done = created.has(`${kind}/${id}`);
                return (
                  <li key={id} className={styles.item}>
                    <span>{label}</span>
                    <Button
                      size="small"
                      disabled={done}
                      aria-label={t("track.createActionFor", {
                        client: id,
                        symptom: t(`track.symptom.${kind}`),
                      })}
                      onClick={singleClick(() => void createAction(kind, id))}
                    >
                      {done ? t("track.actionCreated") : t("track.createAction")}
                    </Button>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ))}
    </section>
  );
}
