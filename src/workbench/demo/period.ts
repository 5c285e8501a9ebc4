/**
 * When the demo rep worked, relative to a reference date ("today"): the 52 working weeks that end with
 * the last completed one (Monday … the Friday before the reference date), so a CRM export pasted
 * today runs to last Friday. The pane's wizard plans the reference date's calendar year and Track's
 * "as of" is today: the weeks of that year inside the demo are tracked against the plan, the ones
 * of the year before only give each client's last contact. In the first days of January, before the
 * year's first full week, the demo's contacts all belong to the year before.
 * Working days are Monday–Friday minus France's public holidays (the core's calendar, date-holidays)
 * minus the rep's leave: Christmas week, a winter week (ISO week 8) and three weeks from the first
 * Monday of August, every year.
 */
import {
  createWorkCalendar,
  dayNumberToIso,
  isoToDayNumber,
  isoWeekday,
  parseIsoDate,
} from "../../core/calendar";

export interface DemoPeriod {
  /** The reference date the period was computed from (ISO). */
  today: string;
  /** A Monday, 52 weeks before `end`'s week. */
  start: string;
  /** The last Friday strictly before `today`. */
  end: string;
}

const WEEK = 7;

/** The demo's period for a reference date; throws InvalidDateError (naming `field`) on a bad date. */
export function demoPeriod(today: string, field = "today"): DemoPeriod {
  const day = isoToDayNumber(today, field);
  // Friday is ISO weekday 5: back to the Friday before (a week back when today is a Friday).
  const end = day - (((isoWeekday(day) - 5 + WEEK - 1) % WEEK) + 1);
  const start = end - 52 * WEEK + 3;
  return { today, start: dayNumberToIso(start), end: dayNumberToIso(end) };
}

/** Monday of ISO week `week` of `year` (week 1 holds the year's first Thursday). */
function isoWeekMonday(year: number, week: number): number {
  const jan4 = isoToDayNumber(`${String(year).padStart(4, "0")}-01-04`);
  return jan4 - (isoWeekday(jan4) - 1) + (week - 1) * WEEK;
}

/** The rep's leave in a year, as [first, last] day numbers. */
export function leaveOf(year: number): [number, number][] {
  const y = String(year).padStart(4, "0");
  const august = isoToDayNumber(`${y}-08-01`);
  const summer = august + ((8 - isoWeekday(august)) % WEEK);
  const winter = isoWeekMonday(year, 8);
  return [
    [winter, winter + 4],
    [summer, summer + 2 * WEEK + 4],
    [isoToDayNumber(`${y}-12-24`), isoToDayNumber(`${y}-12-31`)],
  ];
}

/** Working days of the period (Mon–Fri, not French public holidays, not on leave), as ISO dates. */
export function workingDays(period: DemoPeriod): string[] {
  const calendar = createWorkCalendar({ country: "FR" });
  const first = isoToDayNumber(period.start);
  const last = isoToDayNumber(period.end);
  const leave: [number, number][] = [];
  for (let y = parseIsoDate(period.start).year; y <= parseIsoDate(period.end).year; y++)
    leave.push(...leaveOf(y));
  const days: string[] = [];
  for (let d = first; d <= last; d++) {
    const iso = dayNumberToIso(d);
    if (calendar.isWorkingDay(iso) && !leave.some(([from, to]) => d >= from && d <= to)) days.push(iso);
  }
  return days;
}

/** Today in the browser's (the rep's) time zone, as ISO. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface ReferenceDate {
  today: string;
  /** Why the requested date was not used (French / English), or null. */
  problem: string | null;
}

/** The workbench page's `?today=YYYY-MM-DD`, or today; a bad value is named and today used instead. */
export function referenceDate(requested: string | null, now: Date = new Date()): ReferenceDate {
  const today = localToday(now);
  if (requested === null || requested === "") return { today, problem: null };
  const year = Number(requested.slice(0, 4));
  try {
    demoPeriod(requested);
    // The wizard's years (2000 … 2100).
    if (year >= 2000 && year <= 2100) return { today: requested, problem: null };
  } catch {
    // Named below.
  }
  return {
    today,
    problem:
      `Paramètre « today=${requested} » : date AAAA-MM-JJ attendue (2000 à 2100), démo datée d'aujourd'hui (${today}) / ` +
      `Parameter "today=${requested}": expected a YYYY-MM-DD date (2000 to 2100), demo dated today (${today})`,
  };
}
