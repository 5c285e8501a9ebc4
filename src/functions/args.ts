/**
 * Reading custom function arguments the way Excel passes them: 2-D arrays (or scalars) of numbers,
 * text, booleans, blanks (null or "") and error text. Numbers written as text ("12 345,67 €") are read
 * with the core's parseNumber; anything else that is not a number is a #VALUE! naming the cell.
 */
import * as parse from "../core/parse";
import * as tracking from "../core/tracking";
import { FunctionInputError } from "./excelErrors";

export type Cell = number | string | boolean | null | undefined;
export type Matrix = readonly (readonly Cell[])[];

export const isBlank = (v: Cell): boolean =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** "row 3" in a column, "row 3, column 2" in a block (1-based within the range). */
export function where(index: number, columns: number): { en: string; fr: string } {
  const r = Math.floor(index / columns) + 1;
  const c = (index % columns) + 1;
  return columns <= 1
    ? { en: `row ${r}`, fr: `ligne ${r}` }
    : { en: `row ${r}, column ${c}`, fr: `ligne ${r}, colonne ${c}` };
}

const shown = (v: Cell): string => (typeof v === "string" ? `text '${v}'` : String(v));
const shownFr = (v: Cell): string =>
  typeof v === "string" ? `le texte « ${v} »` : v === true ? "VRAI" : v === false ? "FAUX" : String(v);

/** The code of an error value Excel passes as an object (CustomFunctions.Error) when errors are allowed. */
function errorCodeOf(v: unknown): string | null {
  if (typeof v !== "object" || v === null) return null;
  const code = (v as { code?: unknown }).code;
  return typeof code === "string" ? code : null;
}

function notANumber(v: Cell, field: string, at: { en: string; fr: string }): FunctionInputError {
  const err = parse.excelError(typeof v === "string" ? v : null) ?? errorCodeOf(v);
  if (err !== null)
    return new FunctionInputError(
      "value",
      `${at.en}: ${field} holds the error ${err}`,
      `${at.fr} : ${field} contient l'erreur ${err}`,
    );
  return new FunctionInputError(
    "value",
    `${at.en}: ${field} is ${shown(v)}, not a number`,
    `${at.fr} : ${field} est ${shownFr(v)}, pas un nombre`,
  );
}

/** All cells of a range, row by row; a scalar counts as a 1×1 range. */
export function cells(range: Matrix | Cell): { values: Cell[]; rows: number; columns: number } {
  if (!Array.isArray(range)) return { values: [range as Cell], rows: 1, columns: 1 };
  const m = range as Matrix;
  const columns = m[0]?.length ?? 0;
  const values: Cell[] = [];
  for (const row of m) for (const v of row) values.push(v);
  return { values, rows: m.length, columns };
}

/**
 * Numbers of a range (null for blanks). A column's unambiguous texts decide how "1,234" is read
 * (e.g. "12,5" elsewhere in the column proves a decimal comma), as parsePortfolio does.
 */
export function numbers(range: Matrix | Cell, field: string): (number | null)[] {
  const { values, columns } = cells(range);
  const out: (number | null)[] = new Array<number | null>(values.length).fill(null);
  // Plain numbers and blanks are most cells: only text goes through parseNumber.
  const texts: { i: number; parse: parse.NumberParse }[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === "number" && Number.isFinite(v)) out[i] = v;
    // Cells are typed as Excel's scalars, but an error value may arrive as an object.
    else if (errorCodeOf(v) !== null) throw notANumber(v, field, where(i, columns));
    else if (v !== null && v !== undefined && v !== "") texts.push({ i, parse: parse.parseNumber(v) });
  }
  let comma = 0;
  let dot = 0;
  for (const { parse: p } of texts) {
    if (p.kind === "number" && p.evidence === ",") comma++;
    if (p.kind === "number" && p.evidence === ".") dot++;
  }
  const hint = comma > dot ? "," : dot > comma ? "." : undefined;
  for (const { i, parse: p } of texts) {
    if (p.kind === "blank") continue;
    if (p.kind !== "number") throw notANumber(values[i], field, where(i, columns));
    out[i] = p.value;
    if (p.ambiguous && hint !== undefined) {
      const again = parse.parseNumber(values[i], { decimalSeparator: hint });
      if (again.kind === "number") out[i] = again.value;
    }
  }
  return out;
}

/** Like numbers(), with negatives refused as #NUM!. */
export function nonNegatives(range: Matrix | Cell, field: string): (number | null)[] {
  const { columns } = cells(range);
  return numbers(range, field).map((v, i) => {
    if (v !== null && v < 0) {
      const at = where(i, columns);
      throw new FunctionInputError(
        "value",
        `${at.en}: ${field} is ${v}; it cannot be negative`,
        `${at.fr} : ${field} vaut ${v} ; il ne peut pas être négatif`,
      );
    }
    return v;
  });
}

/** One number from a scalar argument; `fallback` when omitted or blank (null: required). */
export function scalarNumber(value: Cell | Matrix, field: string, fallback: number | null): number {
  const v = numbers(value, field)[0] ?? null;
  if (v !== null) return v;
  if (fallback !== null) return fallback;
  throw new FunctionInputError("value", `${field} is missing`, `${field} est manquant`);
}

/** A text cell as a trimmed string; numbers become their digits (ids such as 1042); blanks "". */
export function text(value: Cell): string {
  if (isBlank(value)) return "";
  const code = errorCodeOf(value);
  if (code !== null) return code;
  return String(value).trim();
}

export function texts(range: Matrix | Cell): string[] {
  return cells(range).values.map(text);
}

/** A text option; `fallback` when omitted or blank. */
export function scalarText(value: Cell | Matrix, fallback: string): string {
  const t = text(cells(value).values[0]);
  return t === "" ? fallback : t;
}

/** A yes/no option: TRUE/FALSE, 1/0, or "yes"/"oui"/"no"/"non"; `fallback` when omitted. */
export function scalarBoolean(value: Cell | Matrix, field: string, fallback: boolean): boolean {
  const v = cells(value).values[0];
  if (isBlank(v)) return fallback;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  const t = String(v).trim().toLowerCase();
  if (["true", "vrai", "yes", "oui", "1"].includes(t)) return true;
  if (["false", "faux", "no", "non", "0"].includes(t)) return false;
  throw new FunctionInputError(
    "value",
    `${field} is ${shown(v)}; give TRUE or FALSE`,
    `${field} est ${shownFr(v)} ; donnez VRAI ou FAUX`,
  );
}

/** An ISO date from a date cell (Excel serial, ISO text, dd/mm/yyyy); null when blank. */
export function date(value: Cell, field: string, at?: { en: string; fr: string }): string | null {
  if (isBlank(value)) return null;
  const iso = tracking.parseDateCell(value);
  if (iso !== null) return iso;
  const prefix = at ? `${at.en}: ` : "";
  const prefixFr = at ? `${at.fr} : ` : "";
  throw new FunctionInputError(
    "value",
    `${prefix}${field} is ${shown(value)}, not a date`,
    `${prefixFr}${field} est ${shownFr(value)}, pas une date`,
  );
}

/** A required date from a scalar argument. */
export function scalarDate(value: Cell | Matrix, field: string): string {
  const iso = date(cells(value).values[0], field);
  if (iso === null) throw new FunctionInputError("value", `${field} is missing`, `${field} est manquant`);
  return iso;
}

/** Refuses ranges of different sizes, naming them. */
export function sameSize(lengths: readonly number[], names: readonly string[]): void {
  const first = lengths[0] ?? 0;
  lengths.forEach((n, i) => {
    if (n !== first) {
      const name = names[i] ?? "range";
      const firstName = names[0] ?? "the first range";
      throw new FunctionInputError(
        "value",
        `${name} has ${n} cells; ${firstName} has ${first}: give ranges of the same size`,
        `${name} a ${n} cellules ; ${firstName} en a ${first} : donnez des plages de même taille`,
      );
    }
  });
}

/** Lays flat results back out in the shape of the input range, so a column spills as a column. */
export function reshape<T>(values: readonly T[], rows: number, columns: number): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < rows; r++) out.push(values.slice(r * columns, (r + 1) * columns));
  return out;
}
