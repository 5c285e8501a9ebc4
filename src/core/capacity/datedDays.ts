/**
 * Leave, RTT and non-field days given as dated periods: the working days they cover inside the
 * plan's period, each day counted once (a day in both a leave and an RTT period is leave).
 */
import * as calendar from "../calendar";
import type { WorkCalendar } from "../calendar";
import { InvalidCapacityInputError } from "./errors";

/** A dated absence, both ends inclusive (ISO dates). */
export interface DatedPeriod {
  start: string;
  end: string;
}

/** Days as a count, or as dated periods whose working days are counted. */
export type DaysInput = number | readonly DatedPeriod[];

export const isDated = (value: unknown): value is readonly DatedPeriod[] => Array.isArray(value);

/**
 * The working days of `periods` that fall in [start, end] and are not in `taken` (which is
 * updated), as ISO dates in ascending order.
 */
export function claimWorkingDays(
  cal: WorkCalendar,
  field: string,
  periods: readonly DatedPeriod[],
  start: string,
  end: string,
  taken: Set<string>,
): string[] {
  const first = calendar.isoToDayNumber(start, "period.start");
  const last = calendar.isoToDayNumber(end, "period.end");
  const out: string[] = [];
  periods.forEach((p, k) => {
    const s = calendar.isoToDayNumber(p.start, `${field}[${k + 1}].start`);
    const e = calendar.isoToDayNumber(p.end, `${field}[${k + 1}].end`);
    if (e < s) {
      throw new InvalidCapacityInputError(`${field}[${k + 1}].end`, p.end, {
        kind: "notBeforeStart",
        start: p.start,
      });
    }
    for (let d = Math.max(s, first); d <= Math.min(e, last); d++) {
      const iso = calendar.dayNumberToIso(d);
      if (taken.has(iso) || !cal.isWorkingDay(iso)) continue;
      taken.add(iso);
      out.push(iso);
    }
  });
  return out.sort();
}
