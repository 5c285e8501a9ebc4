import type { CellValue } from "../types";

/**
 * Number reading from cells as Excel hands them over.
 *
 * Accepted: JS numbers; strings with an optional sign or accounting parentheses "(1 234)"; a
 * currency sign or code before or after (€ $ £ EUR USD GBP CHF); a trailing "%" (value ÷ 100);
 * thousands separated by spaces (also U+00A0 and U+202F), apostrophes (Swiss "1'234.50"), dots or
 * commas; decimals by dot or comma;
 * an exponent ("1.5e3").
 *
 * Ambiguity rule: a single separator followed by exactly three digits ("1,234", "1.234") could be
 * a thousands separator or a decimal point. It is read with `decimalSeparator` when one is given
 * (parsePortfolio infers it per column from the column's unambiguous cells, e.g. "12,5" or
 * "1 234,50" → ","), otherwise in the English way: "1,234" = 1234 and "1.234" = 1.234.
 */
export type NumberParse =
  | { kind: "blank" }
  | {
      kind: "number";
      value: number;
      /** The text ended with "%" and the value was divided by 100. */
      percent: boolean;
      /** The decimal separator the text proves ("," or "."), or null when it proves none. */
      evidence: "," | "." | null;
      /** The text was ambiguous and read with the rule above. */
      ambiguous: boolean;
    }
  | { kind: "excelError"; code: string }
  | { kind: "text"; text: string };

export interface NumberOptions {
  decimalSeparator?: "," | ".";
}

/** Excel's error values as Range.values reports them. */
export const EXCEL_ERRORS: readonly string[] = [
  "#N/A",
  "#VALUE!",
  "#DIV/0!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#PYTHON!",
];

const ERROR_SET = new Set(EXCEL_ERRORS);
const PLAIN_INTEGER = /^\s*-?\d{1,15}\s*$/;

/** The Excel error code when the cell holds one ("#N/A" …), else null. */
export function excelError(cell: CellValue): string | null {
  if (typeof cell !== "string" || !cell.includes("#")) return null;
  const t = cell.trim().toUpperCase();
  return ERROR_SET.has(t) ? t : null;
}

/** True for "", whitespace-only strings, null and undefined. */
export function isBlank(cell: CellValue): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/** Thousands separators that are never decimal points: spaces (also no-break ones) and apostrophes (Swiss). */
const GROUP = "[\\s\\u00a0\\u202f\\u2009\\u2007'\\u2019]";
const HAS_GROUP = new RegExp(GROUP);
const ALL_GROUPS = new RegExp(GROUP, "g");
const GROUPED_INT = new RegExp(`^\\d{1,3}(?:${GROUP}\\d{3})+$`);
const SPACED_NUMBER = new RegExp(`^([\\d]+(?:${GROUP}[\\d]+)*)([.,]\\d+|)$`);
const CURRENCY = /^(?:€|\$|£|eur|usd|gbp|chf)|(?:€|\$|£|eur|usd|gbp|chf)$/i;

/** Reads a cell as a number; see the module comment for formats and the ambiguity rule. */
export function parseNumber(cell: CellValue, options: NumberOptions = {}): NumberParse {
  if (isBlank(cell)) return { kind: "blank" };
  if (typeof cell === "number") {
    return Number.isFinite(cell)
      ? { kind: "number", value: cell, percent: false, evidence: null, ambiguous: false }
      : { kind: "text", text: String(cell) };
  }
  if (typeof cell === "boolean") return { kind: "text", text: String(cell) };
  const raw = String(cell);
  // Fast path for the common case of plain digits.
  if (PLAIN_INTEGER.test(raw)) {
    return { kind: "number", value: Number(raw), percent: false, evidence: null, ambiguous: false };
  }
  const error = excelError(raw);
  if (error !== null) return { kind: "excelError", code: error };
  const read = readText(raw, options.decimalSeparator);
  return read ?? { kind: "text", text: raw.trim() };
}

function readText(raw: string, hint: "," | "." | undefined): NumberParse | null {
  let t = raw.trim().replace(/\u2212/g, "-");
  let negative = false;
  let percent = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  if (t.endsWith("%")) {
    percent = true;
    t = t.slice(0, -1).trim();
  }
  t = t.replace(CURRENCY, "").trim();
  if (/^[+-]/.test(t)) {
    if (t.startsWith("-")) negative = !negative;
    t = t.slice(1).trim();
  }
  t = t.replace(CURRENCY, "").trim();
  if (!percent && t.endsWith("%")) {
    percent = true;
    t = t.slice(0, -1).trim();
  }
  const parsed = readUnsigned(t, hint);
  if (parsed === null) return null;
  let value = negative ? -parsed.value : parsed.value;
  if (percent) value /= 100;
  if (!Number.isFinite(value)) return null;
  return { kind: "number", value, percent, evidence: parsed.evidence, ambiguous: parsed.ambiguous };
}

type Unsigned = { value: number; evidence: "," | "." | null; ambiguous: boolean };

const GROUPED_BY_COMMA = /^\d{1,3}(?:,\d{3})+$/;
const GROUPED_BY_DOT = /^\d{1,3}(?:\.\d{3})+$/;
const grouped = (intPart: string, sep: string): boolean =>
  (sep === "." ? GROUPED_BY_DOT : GROUPED_BY_COMMA).test(intPart);

/** Digits with separators, no sign. */
function readUnsigned(t: string, hint: "," | "." | undefined): Unsigned | null {
  if (/^\d+(?:\.\d+)?e[+-]?\d+$/i.test(t)) return { value: Number(t), evidence: null, ambiguous: false };
  let spaced = false;
  if (HAS_GROUP.test(t)) {
    // Spaces and apostrophes only group thousands: the integer part must be grouped by three.
    const m = SPACED_NUMBER.exec(t);
    const intPart = m?.[1];
    if (!m || intPart === undefined || !GROUPED_INT.test(intPart)) return null;
    t = intPart.replace(ALL_GROUPS, "") + m[2];
    spaced = true;
  }
  if (!/^[\d.,]+$/.test(t) || !/\d/.test(t)) return null;
  const commas = (t.match(/,/g) ?? []).length;
  const dots = (t.match(/\./g) ?? []).length;
  const num = (intDigits: string, frac: string): number => Number(`${intDigits}.${frac || "0"}`);
  if (commas === 0 && dots === 0) return { value: Number(t), evidence: null, ambiguous: false };
  if (commas > 0 && dots > 0) {
    // Both: the last one is the decimal separator, the other groups thousands.
    const dec = t.lastIndexOf(",") > t.lastIndexOf(".") ? "," : ".";
    const thousands = dec === "," ? "." : ",";
    const [intPart = "", frac = "", ...rest] = t.split(dec);
    if (rest.length > 0 || !/^\d+$/.test(frac) || !grouped(intPart, thousands)) return null;
    return { value: num(intPart.split(thousands).join(""), frac), evidence: dec, ambiguous: false };
  }
  const sep = commas > 0 ? "," : ".";
  const count = commas + dots;
  const [intPart = "", frac = ""] = t.split(sep);
  if (count > 1) {
    // Several of one separator: thousands grouping ("1,234,567", "1.234.567").
    if (!grouped(t, sep)) return null;
    return { value: Number(t.split(sep).join("")), evidence: sep === "," ? "." : ",", ambiguous: false };
  }
  if (!/^\d+$/.test(frac) || !/^\d*$/.test(intPart)) return null;
  if (spaced) return { value: num(intPart, frac), evidence: sep, ambiguous: false };
  const couldBeThousands = frac.length === 3 && /^[1-9]\d{0,2}$/.test(intPart);
  if (!couldBeThousands) return { value: num(intPart, frac), evidence: sep, ambiguous: false };
  const asDecimal = hint !== undefined ? hint === sep : sep === ".";
  return asDecimal
    ? { value: num(intPart, frac), evidence: null, ambiguous: true }
    : { value: Number(intPart + frac), evidence: null, ambiguous: true };
}
