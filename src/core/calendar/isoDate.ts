/**
 * ISO calendar dates ("YYYY-MM-DD") as plain day numbers, with no Date object and so no time zone:
 * a day number is the count of days since 1970-01-01 in the proleptic Gregorian calendar.
 */
import { InvalidDateError } from "./errors";

const DIGIT_0 = 48;

function digit(iso: string, index: number): number {
  const d = iso.charCodeAt(index) - DIGIT_0;
  return d >= 0 && d <= 9 ? d : Number.NaN;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day number of a civil date (Howard Hinnant's days_from_civil). */
export function dayNumberFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Civil date of a day number (Howard Hinnant's civil_from_days). */
export function partsFromDayNumber(dayNumber: number): DateParts {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Parses a strict "YYYY-MM-DD" string; throws InvalidDateError naming `field` otherwise. */
export function parseIsoDate(iso: string, field = "date"): DateParts {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) {
    throw new InvalidDateError(iso, field);
  }
  const year = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
  const month = digit(iso, 5) * 10 + digit(iso, 6);
  const day = digit(iso, 8) * 10 + digit(iso, 9);
  if (
    Number.isNaN(year + month + day) ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month)
  ) {
    throw new InvalidDateError(iso, field);
  }
  return { year, month, day };
}

export function isoToDayNumber(iso: string, field = "date"): number {
  const { year, month, day } = parseIsoDate(iso, field);
  return dayNumberFromParts(year, month, day);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function dayNumberToIso(dayNumber: number): string {
  const { year, month, day } = partsFromDayNumber(dayNumber);
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday. */
export function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

export function isWeekend(dayNumber: number): boolean {
  return isoWeekday(dayNumber) >= 6;
}
