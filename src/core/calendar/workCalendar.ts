/**
 * Working days of a country (and region): Monday–Friday minus public holidays (date-holidays,
 * type "public" only) minus the caller's extra days off. Saturday and Sunday are the weekend for
 * every country. Per year, a prefix-sum table makes workingDaysBetween O(1) (plus O(years) across years).
 */
import Holidays from "date-holidays";
import {
  daysInYear,
  dayNumberFromParts,
  dayNumberToIso,
  isoToDayNumber,
  isWeekend,
  parseIsoDate,
} from "./isoDate";
import type { WorkingDays } from "../types";
import { workingDays } from "../types";
import { resolvePlace } from "./regions";

export interface CalendarOptions {
  /** date-holidays country code; default "FR". */
  country?: string;
  /** date-holidays state code ("67") or an alias ("alsace-moselle", "FR-67"); default none. */
  region?: string | null;
  /** Further days off (company bridge days…), ISO dates. */
  extraDaysOff?: readonly string[];
}

export interface PublicHoliday {
  date: string;
  /** Name in the country's own language (French for France). */
  name: string;
  nameEn: string;
  /** True when the holiday falls on a Saturday or Sunday (it costs no working day). */
  weekend: boolean;
}

export interface WorkCalendar {
  readonly country: string;
  readonly region: string | null;
  isWorkingDay(iso: string): boolean;
  /** Working days from start to end, both inclusive; 0 when end is before start. */
  workingDaysBetween(startIso: string, endIso: string): WorkingDays;
  /** Public holidays from start to end (inclusive), weekend ones flagged, in date order. */
  holidaysBetween(startIso: string, endIso: string): PublicHoliday[];
}

interface YearTable {
  firstDay: number;
  /** prefix[i] = working days among the year's first i days. */
  prefix: Int32Array;
  holidays: readonly PublicHoliday[];
}

function readHolidays(source: Holidays, language: string, year: number): PublicHoliday[] {
  const local = source.getHolidays(year, language).filter((h) => h.type === "public");
  const english = source.getHolidays(year, "en").filter((h) => h.type === "public");
  const seen = new Set<string>();
  const out: PublicHoliday[] = [];
  local.forEach((h, i) => {
    const date = h.date.slice(0, 10);
    // Keep only the year's own days (a rule could spill over a year boundary), once each.
    if (seen.has(date) || !date.startsWith(String(year).padStart(4, "0"))) return;
    seen.add(date);
    out.push({
      date,
      name: h.name,
      nameEn: english[i]?.name ?? h.name,
      weekend: isWeekend(isoToDayNumber(date)),
    });
  });
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Holidays depend only on place and year, so they are shared by every calendar of that place. */
const sources = new Map<string, { holidays: Holidays; language: string }>();
const holidayCache = new Map<string, readonly PublicHoliday[]>();

function publicHolidays(country: string, region: string | null, year: number): readonly PublicHoliday[] {
  const place = `${country}/${region ?? ""}`;
  const key = `${place}/${year}`;
  const cached = holidayCache.get(key);
  if (cached !== undefined) return cached;
  let source = sources.get(place);
  if (source === undefined) {
    const holidays = region === null ? new Holidays(country) : new Holidays(country, region);
    // The place's own language, named on every read: getHolidays(year, "en") leaves the source speaking
    // English, so the next year read without a language came out English ("New Year's Day" in France).
    source = { holidays, language: holidays.getLanguages()[0] ?? "en" };
    sources.set(place, source);
  }
  const list = readHolidays(source.holidays, source.language, year);
  holidayCache.set(key, list);
  return list;
}

export function createWorkCalendar(opts: CalendarOptions = {}): WorkCalendar {
  const place = resolvePlace(opts.country ?? "FR", opts.region);
  const extraOff = new Set<number>(
    (opts.extraDaysOff ?? []).map((iso, i) => isoToDayNumber(iso, `extraDaysOff[${i}]`)),
  );
  const years = new Map<number, YearTable>();

  function table(year: number): YearTable {
    const cached = years.get(year);
    if (cached !== undefined) return cached;
    const firstDay = dayNumberFromParts(year, 1, 1);
    const length = daysInYear(year);
    const holidays = publicHolidays(place.country, place.region, year);
    const off = new Uint8Array(length);
    for (const h of holidays) off[isoToDayNumber(h.date) - firstDay] = 1;
    const prefix = new Int32Array(length + 1);
    for (let i = 0; i < length; i++) {
      const day = firstDay + i;
      const working = off[i] === 0 && !isWeekend(day) && !extraOff.has(day);
      prefix[i + 1] = (prefix[i] ?? 0) + (working ? 1 : 0);
    }
    const built = { firstDay, prefix, holidays };
    years.set(year, built);
    return built;
  }

  /** Working days among the first `count` days of `year`. */
  const upTo = (year: number, count: number): number => table(year).prefix[count] ?? 0;

  function isWorkingDay(iso: string): boolean {
    const { year, month, day } = parseIsoDate(iso);
    const t = table(year);
    const i = dayNumberFromParts(year, month, day) - t.firstDay;
    return (t.prefix[i + 1] ?? 0) - (t.prefix[i] ?? 0) === 1;
  }

  function workingDaysBetween(startIso: string, endIso: string): WorkingDays {
    const s = parseIsoDate(startIso, "start");
    const e = parseIsoDate(endIso, "end");
    const sIndex = dayNumberFromParts(s.year, s.month, s.day) - table(s.year).firstDay;
    const eIndex = dayNumberFromParts(e.year, e.month, e.day) - table(e.year).firstDay;
    if (s.year > e.year || (s.year === e.year && sIndex > eIndex)) return workingDays(0);
    if (s.year === e.year) return workingDays(upTo(s.year, eIndex + 1) - upTo(s.year, sIndex));
    let total = upTo(s.year, daysInYear(s.year)) - upTo(s.year, sIndex);
    for (let y = s.year + 1; y < e.year; y++) total += upTo(y, daysInYear(y));
    return workingDays(total + upTo(e.year, eIndex + 1));
  }

  function holidaysBetween(startIso: string, endIso: string): PublicHoliday[] {
    const s = parseIsoDate(startIso, "start");
    const e = parseIsoDate(endIso, "end");
    const out: PublicHoliday[] = [];
    for (let y = s.year; y <= e.year; y++) {
      for (const h of table(y).holidays) if (h.date >= startIso && h.date <= endIso) out.push({ ...h });
    }
    return out;
  }

  return { country: place.country, region: place.region, isWorkingDay, workingDaysBetween, holidaysBetween };
}

/** Every ISO date from start to end inclusive (for callers that walk a period day by day). */
export function eachDay(startIso: string, endIso: string): string[] {
  const s = isoToDayNumber(startIso, "start");
  const e = isoToDayNumber(endIso, "end");
  const out: string[] = [];
  for (let d = s; d <= e; d++) out.push(dayNumberToIso(d));
  return out;
}
