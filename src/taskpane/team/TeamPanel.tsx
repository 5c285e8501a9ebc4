/**
 * The Team tab's manager side (shown under the Sync panel to a signed-in manager or director): year
 * and as-of date → the store's view → the Équipe / Team sheet (and N+1 for a director, with a Team
 * sheet per manager on demand); Prepare the reviews → a card per rep and the Revues / Reviews sheet.
 */
import { Button, Field, Input, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { WorkbookGateway } from "../../excel/gateway.types";
import type { StoreRequest } from "../../sync";
import { useI18n } from "../i18n/useI18n";
import { todayIso } from "../shell/today";
import { useTrackStyles } from "../track/useTrackStyles.styles";
import { ReviewCard } from "./ReviewCard";
import { teamErrorText } from "./teamText";
import { useTeam } from "./useTeam";
import * as sheets from "../../core/workbook/teamSheets";

export interface TeamPanelProps {
  gateway: WorkbookGateway;
  request: StoreRequest;
  me: { id: string; role: string };
  /** The as-of date shown first (default: today). */
  initialAsOf?: string;
}

export function TeamPanel({ gateway, request, me, initialAsOf }: TeamPanelProps): ReactNode {
  const { t, percent, language } = useI18n();
  const styles = useTrackStyles();
  const asOf0 = initialAsOf ?? todayIso();
  const s = useTeam(gateway, request, me, language, { year: Number(asOf0.slice(0, 4)), asOf: asOf0 });
  const pct = (v: number | null): string => (v === null ? "—" : percent(v));
  const view = s.view;
  return (
    <section className={styles.root} aria-labelledby="team-title" data-testid="team-panel">
      <Text as="h2" weight="semibold" id="team-title">
        {t("team.title")}
      </Text>
      <div className={styles.row}>
        <Field label={t("team.year")}>
          <Input
            type="number"
            value={String(s.year)}
            onChange={(_, d) => {
              const y = Number(d.value);
              if (Number.isInteger(y)) s.setYear(y);
            }}
          />
        </Field>
        <Field label={t("team.asOf")}>
          <Input
            type="date"
            value={s.asOf}
            data-testid="team-asof"
            onChange={(_, d) => {
              s.setAsOf(d.value);
            }}
          />
        </Field>
      </div>
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={s.busy !== null}
          onClick={() => {
            void s.refresh();
          }}
        >
          {s.busy === "refresh" ? t("team.refreshing") : t("team.refresh")}
        </Button>
        <Button
          disabled={s.busy !== null}
          onClick={() => {
            void s.prepareReviews();
          }}
        >
          {s.busy === "prepare" ? t("team.preparing") : t("team.prepare")}
        </Button>
        <Button
          disabled={s.busy !== null || !gateway.canUndo()}
          onClick={() => {
            void s.undo();
          }}
        >
          {t("team.undo")}
        </Button>
      </div>
      {s.error !== null && (
        <MessageBar intent="error">
          <MessageBarBody>{teamErrorText(t, language, s.error)}</MessageBarBody>
        </MessageBar>
      )}
      {s.written !== null && (
        <MessageBar intent="success" data-testid="team-written">
          <MessageBarBody>
            {t("team.written", {
              sheet: s.written.sheets.join(", "),
              rows: s.written.rows,
              asOf: s.written.asOf,
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      {view !== null && view.reps.length > 0 && (
        <div data-testid="team-reps">
          <Text weight="semibold">{t("team.reps")}</Text>
          <ul>
            {view.reps.map((r) => (
              <li key={r.repId}>
                <Text size={200}>
                  {t("team.repLine", {
                    rep: r.rep,
                    attainment: pct(r.attainment),
                    pace: pct(sheets.paceOfLine(r, r.elapsedShare)),
                    reach: pct(r.reach),
                    coverage: pct(r.coverage),
                  })}
                </Text>
              </li>
            ))}
          </ul>
          <Text size={200}>
            {t("team.teamLine", {
              attainment: pct(view.team.attainment),
              reach: pct(view.team.reach),
              coverage: pct(view.team.coverage),
            })}
          </Text>
        </div>
      )}
      {view !== null && me.role === "director" && view.managers.length > 0 && (
        <div data-testid="team-managers">
          <Text weight="semibold">{t("team.managers")}</Text>
          <ul>
            {view.managers.map((m) => (
              <li key={m.managerId}>
                <Text size={200}>
                  {t("team.managerLine", {
                    manager: m.manager,
                    reps: m.reps,
                    attainment: pct(m.attainment),
                    reviews: m.reviewsThisMonth,
                    open: m.actionsOpen,
                    overdue: m.actionsOverdue,
                  })}
                  {m.reviewsThisMonth === 0 ? ` — ${t("team.noReview")}` : ""}
                </Text>{" "}
                <Button
                  size="small"
                  disabled={s.busy !== null}
                  onClick={() => {
                    void s.refresh(m.managerId);
                  }}
                >
                  {t("team.drill", { manager: m.manager })}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {s.cards.length > 0 && (
        <div data-testid="review-cards">
          {s.cards.map((c) => (
            <ReviewCard
              key={c.card.repId}
              state={c}
              onDecisions={(text) => {
                s.setDecisions(c.card.repId, text);
              }}
              onAddAction={(a) => {
                s.addAction(c.card.repId, a);
              }}
              onRecord={() => {
                void s.record(c.card.repId);
              }}
            />
          ))}
        </div>
      )}
    </section>
  );
}
