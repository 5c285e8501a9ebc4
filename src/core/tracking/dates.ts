/**
 * Dates of the contacts log, as Excel or a CRM export gives them. Accepted:
 * - Excel serial numbers (1900 date system, with Lotus's fake 1900-02-29 = serial 60, which is refused);
 *   the fraction (time of day) is ignored;
 * - ISO "2026-03-05", optionally with a time "2026-03-05T10:00" or "2026-03-05 10:00:00", with or
 *   without zone (the date is taken as written, not shifted to UTC);
 * - French day-first "05/03/2026", "5/3/2026", "05-03-2026", "05.03.2026" (= 5 March), optionally
 *   followed by a time; two-digit years follow Excel's rule: 00–29 → 2000–2029, 30–99 → 1930–1999;
 * - text holding only a serial number ("45658").
 * Anything else is refused (null): no month-first guessing.
 */
import * as calendar from "../calendar";

/** Serial of 1970-01-01 in Excel's 1900 system. */
const SERIAL_OF_EPOCH = 25569;
/** Serial of 9999-12-31, the last date Excel knows. */
const MAX_SERIAL = 2958465;

/** ISO date of an Excel serial number, or null for serials that are no date (< 1, 60, beyond 9999). */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (whole < 1 || whole > MAX_SERIAL || whole === 60) return null;
  // Serials 1..59 sit before the fake leap day, so they are one day later than the formula below says.
  const dayNumber = whole < 60 ? whole - SERIAL_OF_EPOCH + 1 : whole - SERIAL_OF_EPOCH;
  return calendar.dayNumberToIso(dayNumber);
}

/** Excel serial of an ISO date (inverse of excelSerialToIso for real dates). */
export function isoToExcelSerial(iso: string): number {
  const dayNumber = calendar.isoToDayNumber(iso);
  const serial = dayNumber + SERIAL_OF_EPOCH;
  return serial <= 60 ? serial - 1 : serial;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

function validIso(year: number, month: number, day: number): string | null {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > calendar.daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?`;
const ISO_RE = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`);
const FRENCH_RE = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})${TIME}$`);
const SERIAL_RE = /^\d+(?:[.,]\d+)?$/;

/** Two-digit years as Excel reads them: 00–29 → 20xx, 30–99 → 19xx. */
function fullYear(text: string): number {
  const y = Number(text);
  if (text.length === 4) return y;
  return y < 30 ? 2000 + y : 1900 + y;
}

/** The ISO date a text holds, or null. */
export function parseDateText(raw: string): string | null {
  const text = raw.trim();
  if (text === "") return null;
  const iso = ISO_RE.exec(text);
  if (iso) return validIso(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const fr = FRENCH_RE.exec(text);
  if (fr) return validIso(fullYear(fr[3]), Number(fr[2]), Number(fr[1]));
  if (SERIAL_RE.test(text)) return excelSerialToIso(Number(text.replace(",", ".")));
  return null;
}

/** The ISO date a cell holds (serial number or text), or null when it holds none. */
export function parseDateCell(cell: unknown): string | null {
  if (typeof cell === "number") return excelSerialToIso(cell);
  if (typeof cell === "string") return parseDateText(cell);
  return null;
}
