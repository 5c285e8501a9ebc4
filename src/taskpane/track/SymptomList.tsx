import { Button, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { ReactNode } from "react";
import type { WorkbookGateway } from "../../excel/gateway.types";
import { useI18n } from "../i18n/useI18n";
import { errorText } from "../shell/errorText";
import { addDays, todayIso } from "../shell/today";
import type { TrackFigures } from "../engine/calendarEngine";
import { useTrackStyles } from "./useTrackStyles.styles";

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
  const groups: { kind: SymptomKind; ids: readonly string[] }[] = [
    { kind: "saturated", ids: figures.kpis.saturatedTopAccounts },
    { kind: "neglected", ids: figures.kpis.neglectedAtRisk },
    { kind: "overdue", ids: figures.kpis.overdue },
  ];

  const createAction = async (kind: SymptomKind, clientId: string): Promise<void> => {
    setError(null);
    try {
      await gateway.writeAction({
        clientId,
        action: t(`track.action.${kind}`),
        owner: "",
        due: addDays(todayIso(), ACTION_DAYS),
        status: "open",
      });
      setCreated((s) => new Set([...s, `${kind}/${clientId}`]));
    } catch (caught: unknown) {
      setError(caught);
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
                      onClick={() => void createAction(kind, id)}
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
