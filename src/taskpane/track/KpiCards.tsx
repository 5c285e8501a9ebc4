import { MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { channelLabel } from "../i18n/labels";
import type { I18nValue } from "../i18n/I18nProvider";
import { useI18n } from "../i18n/useI18n";
import type { TrackFigures } from "../engine/calendarEngine";
import { useTrackStyles } from "./useTrackStyles.styles";

/** The five cards a rep reads each month: attainment, reach, coverage, pace, catch-up. */
export function KpiCards({ figures }: { figures: TrackFigures }): ReactNode {
  const { t, percent, number, date, language } = useI18n();
  const styles = useTrackStyles();
  const k = figures.kpis;
  // Before the first import every figure would read "nothing done": show none of them, say what to do.
  const empty = noContactsYet(figures);
  const pct = (v: number | null): string => (v === null || empty ? "—" : percent(v));
  const cards: { key: string; label: string; value: string; hint: string }[] = [
    {
      key: "attainment",
      label: t("track.kpi.attainment"),
      value: pct(k.attainment),
      hint: t("track.kpi.attainmentHint"),
    },
    {
      key: "reach",
      label: t("track.kpi.reach"),
      value: pct(k.reach),
      hint: t("track.kpi.reachHint", { n: number(k.reached), of: number(k.plannedClients) }),
    },
    {
      key: "coverage",
      label: t("track.kpi.coverage"),
      value: pct(k.coverage),
      hint: t("track.kpi.coverageHint"),
    },
    {
      key: "pace",
      label: t("track.kpi.pace"),
      value: pct(k.pace),
      hint: t("track.kpi.paceHint", { elapsed: percent(k.elapsedShare) }),
    },
    {
      key: "catchUp",
      label: t("track.kpi.catchUp"),
      value: figures.catchUp === null || empty ? "—" : number(figures.catchUp, 1),
      hint: t("track.kpi.catchUpHint", { days: number(figures.result.elapsed.remainingDays) }),
    },
  ];
  return (
    <section aria-label={t("track.kpis", { date: date(k.asOf) })}>
      <Text weight="semibold" block>
        {t("track.kpis", { date: date(k.asOf) })}
      </Text>
      <Text size={200} block>
        {t(figures.frame.settings.region === "" ? "track.frame" : "track.frameRegion", {
          start: date(figures.frame.settings.periodStart),
          end: date(figures.frame.settings.periodEnd),
          country: figures.frame.settings.country,
          region: figures.frame.settings.region,
        })}
      </Text>
      {empty && (
        <MessageBar intent="info">
          <MessageBarBody>{t("track.beforeImport")}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.cards}>
        {cards.map((card) => (
          <div key={card.key} className={styles.card} role="group" aria-label={card.label}>
            <Text size={200}>{card.label}</Text>
            <Text className={styles.value}>{card.value}</Text>
            <Text size={100}>{card.hint}</Text>
          </div>
        ))}
      </div>
      {!empty && <Text block>{todo(figures, t, number)}</Text>}
      {!empty && figures.catchUpLines.length > 0 && (
        <ul aria-label={t("track.catchUpPerChannel")}>
          {figures.catchUpLines.map((line) => (
            <li key={line.channel}>
              {line.channel === "visit"
                ? t(line.reachable ? "track.catchUp.visitOk" : "track.catchUp.visitShort", {
                    perDay: line.perDay === null ? "—" : number(line.perDay, 1),
                    holds: number(line.holds, 1),
                    missing: number(line.cannotMake),
                  })
                : t(line.reachable ? "track.catchUp.remoteOk" : "track.catchUp.remoteShort", {
                    channel: channelLabel(line.channel, language),
                    remaining: number(line.remaining),
                    perDay: line.perDay === null ? "—" : number(line.perDay, 1),
                    holds: number(line.holds, 1),
                    missing: number(line.cannotMake),
                  })}
            </li>
          ))}
        </ul>
      )}
      {!empty && (
        <Text size={200}>
          {t("track.statusCounts", {
            under: number(k.counts.Under),
            onTrack: number(k.counts.OnTrack),
            over: number(k.counts.Over),
          })}
        </Text>
      )}
    </section>
  );
}

/** No contact of the period in the workbook yet: the figures would only say "nothing done". */
export function noContactsYet(figures: TrackFigures): boolean {
  return figures.kpis.contacts === 0;
}

/**
 * What to do, in one line, from the cards together: behind the calendar, ahead in volume but spent on
 * clients already served (pace counts every contact, attainment only the planned ones), or on track.
 */
function todo(figures: TrackFigures, t: I18nValue["t"], number: I18nValue["number"]): string {
  const { pace, attainment, elapsedShare } = figures.kpis;
  if (pace === null) return "";
  if (pace < 1)
    return t("track.todo.behind", {
      catchUp: figures.catchUp === null ? "—" : number(figures.catchUp, 1),
    });
  if (attainment !== null && attainment < elapsedShare) return t("track.todo.misdirected");
  return t("track.todo.onTrack");
}
