/**
 * Elapsed share of a period at a date, in working days. Without seasonality,
 * e = working days from the period start to asOf (both inclusive) / working days in the period.
 * With 12 monthly weights, each working day weighs its month's weight:
 * e = Σ weights of working days in [start, asOf] / Σ weights of working days in [start, end].
 * Before the period e = 0; from its last day on e = 1.
 */
import * as calendar from "../calendar";
import { InvalidPeriodError, InvalidSeasonalityError } from "./errors";

export interface Period {
  /** ISO first day, inclusive. */
  start: string;
  /** ISO last day, inclusive. */
  end: string;
}

export type WorkingDayCalendar = Pick<calendar.WorkCalendar, "isWorkingDay" | "workingDaysBetween">;

export interface Elapsed {
  /** e in [0, 1]. */
  share: number;
  /** Working days from the period start to asOf, inclusive (0 before the period). */
  elapsedDays: number;
  /** Working days in the period. */
  totalDays: number;
  /** Working days after asOf until the period end. */
  remainingDays: number;
}

export function checkPeriod(period: Period): void {
  const start = calendar.isoToDayNumber(period.start, "period.start");
  const end = calendar.isoToDayNumber(period.end, "period.end");
  if (end < start) throw new InvalidPeriodError(period.start, period.end);
}

export function checkSeasonality(weights: readonly number[]): void {
  const valid =
    weights.length === 12 && weights.every((w) => Number.isFinite(w) && w >= 0) && weights.some((w) => w > 0);
  if (!valid) throw new InvalidSeasonalityError(weights);
}

function seasonalWeight(
  calendarOf: WorkingDayCalendar,
  from: number,
  to: number,
  weights: readonly number[],
): number {
  let sum = 0;
  for (let d = from; d <= to; d++) {
    const iso = calendar.dayNumberToIso(d);
    if (calendarOf.isWorkingDay(iso)) sum += weights[Number(iso.slice(5, 7)) - 1] ?? 0;
  }
  return sum;
}

export function elapsedShare(
  period: Period,
  asOf: string,
  cal: WorkingDayCalendar,
  seasonality?: readonly number[],
): Elapsed {
  checkPeriod(period);
  if (seasonality !== undefined) checkSeasonality(seasonality);
  const start = calendar.isoToDayNumber(period.start, "period.start");
  const end = calendar.isoToDayNumber(period.end, "period.end");
  const at = calendar.isoToDayNumber(asOf, "asOf");
  const totalDays = cal.workingDaysBetween(period.start, period.end);
  const last = Math.min(at, end);
  const elapsedDays = at < start ? 0 : cal.workingDaysBetween(period.start, calendar.dayNumberToIso(last));
  const remainingDays = totalDays - elapsedDays;
  let share: number;
  if (at >= end) share = 1;
  else if (at < start) share = 0;
  else if (seasonality === undefined) share = totalDays > 0 ? elapsedDays / totalDays : 0;
  else {
    const total = seasonalWeight(cal, start, end, seasonality);
    share = total > 0 ? seasonalWeight(cal, start, last, seasonality) / total : 0;
  }
  return { share, elapsedDays, totalDays, remainingDays };
}
