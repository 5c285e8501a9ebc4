import { Button, Field, Input, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { ReactNode } from "react";
import type { WorkbookGateway } from "../../excel/gateway.types";
import { useI18n } from "../i18n/useI18n";
import { errorText } from "../shell/errorText";
import { addDays, todayIso } from "../shell/today";
import { useTrackStyles } from "../track/useTrackStyles.styles";
import { TourDrawing } from "./TourDrawing";
import { useTours } from "./useTours";

export interface ToursViewProps {
  gateway: WorkbookGateway;
  /** The first day of the period shown first (default: next Monday). */
  initialStart?: string;
}

function nextMonday(today: string): string {
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  return addDays(today, (8 - weekday) % 7 || 7);
}

export function ToursView({ gateway, initialStart }: ToursViewProps): ReactNode {
  const { t, language, number } = useI18n();
  const styles = useTrackStyles();
  const [start, setStart] = useState(() => initialStart ?? nextMonday(todayIso()));
  const [weeks, setWeeks] = useState("4");
  const [base, setBase] = useState("");
  const [perDay, setPerDay] = useState("4");
  const tours = useTours(gateway, language);
  // The base recorded in Settings by the last tours, until the rep types another.
  useEffect(() => {
    let live = true;
    gateway.readTourBase().then(
      (recorded) => {
        if (live && recorded !== "") setBase((typed) => (typed === "" ? recorded : typed));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [gateway]);
  const busy = tours.phase === "planning";
  const outcome = tours.outcome;
  const visits = outcome?.plan.days.reduce((n, d) => n + d.stops.length, 0) ?? 0;
  const km = (v: number): string => number(Math.round(v * 10) / 10);

  return (
    <section className={styles.root} aria-label={t("tab.tours")}>
      <div className={styles.row}>
        <Field label={t("tours.start")}>
          <Input
            type="date"
            value={start}
            onChange={(_, d) => {
              setStart(d.value);
            }}
          />
        </Field>
        <Field label={t("tours.weeks")}>
          <Input
            type="number"
            min={1}
            max={104}
            value={weeks}
            onChange={(_, d) => {
              setWeeks(d.value);
            }}
          />
        </Field>
        <Field label={t("tours.base")} hint={t("tours.baseHint")}>
          <Input
            value={base}
            onChange={(_, d) => {
              setBase(d.value);
            }}
          />
        </Field>
        <Field label={t("tours.perDay")}>
          <Input
            type="number"
            min={1}
            max={30}
            value={perDay}
            onChange={(_, d) => {
              setPerDay(d.value);
            }}
          />
        </Field>
      </div>
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={busy || base.trim() === ""}
          onClick={() =>
            void tours.plan({ start, weeks: Number(weeks), base: base.trim(), perDay: Number(perDay) })
          }
        >
          {t("tours.plan")}
        </Button>
        {tours.phase === "done" && <Button onClick={() => void tours.undo()}>{t("tours.undo")}</Button>}
        {busy && <Spinner size="tiny" label={t("tours.planning")} />}
      </div>
      {tours.phase === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>{errorText(tours.error, language, t("tours.failed"))}</MessageBarBody>
        </MessageBar>
      )}
      {tours.phase === "undone" && (
        <MessageBar intent="info">
          <MessageBarBody>{t("tours.undone")}</MessageBarBody>
        </MessageBar>
      )}
      {tours.phase === "done" && outcome !== null && (
        <>
          <MessageBar intent="success">
            <MessageBarBody>
              {t("tours.summary", {
                sheet: tours.receipt?.sheet ?? "",
                days: number(outcome.plan.days.length),
                visits: number(visits),
                km: km(outcome.plan.km),
                road: km(outcome.plan.km * outcome.plan.roadFactor),
              })}
            </MessageBarBody>
          </MessageBar>
          {outcome.plan.unscheduled.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                {t("tours.unscheduled", {
                  count: number(outcome.plan.unscheduled.length),
                  ids: outcome.plan.unscheduled
                    .slice(0, 10)
                    .map((u) => u.id)
                    .join(", "),
                })}
              </MessageBarBody>
            </MessageBar>
          )}
          {outcome.notGeocoded.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                {t("tours.notGeocoded", {
                  count: number(outcome.notGeocoded.length),
                  rows: outcome.notGeocoded
                    .slice(0, 10)
                    .map((n) => `${String(n.row)} (${n.id})`)
                    .join(", "),
                })}
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.cards} aria-label={t("tours.drawings")}>
            {outcome.plan.days
              .filter((d) => d.stops.length > 0)
              .map((d) => (
                <figure key={d.date} className={styles.card}>
                  <TourDrawing
                    day={d}
                    base={outcome.base}
                    label={t("tours.dayLabel", { date: d.date, km: km(d.km) })}
                  />
                  <figcaption>{t("tours.dayLabel", { date: d.date, km: km(d.km) })}</figcaption>
                </figure>
              ))}
          </div>
        </>
      )}
    </section>
  );
}
