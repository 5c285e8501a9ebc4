/**
 * Cell storage and Excel's value coercion: what a write of a string turns into, what reads give back.
 */
import { invalidArgument } from "../api/errors";
import type { Rect } from "./address";
import { FormulaSyntaxError, parseFormula } from "./formula";
import type { Cell, CellFormat, Scalar, SheetModel } from "./types";

export const GENERAL = "General";

export function getCell(sheet: SheetModel, r: number, c: number): Cell | undefined {
  return sheet.rows[r]?.[c];
}

/** The cell at (r, c), created when missing. */
export function cellAt(sheet: SheetModel, r: number, c: number): Cell {
  let row = sheet.rows[r];
  if (!row) {
    row = [];
    sheet.rows[r] = row;
  }
  let cell = row[c];
  if (!cell) {
    cell = { v: "" };
    row[c] = cell;
  }
  return cell;
}

/** Drops a cell that holds nothing any more, keeping storage sparse. */
export function compact(sheet: SheetModel, r: number, c: number): void {
  const row = sheet.rows[r];
  const cell = row?.[c];
  if (
    row &&
    cell &&
    cell.v === "" &&
    cell.f === undefined &&
    (!cell.fmt || Object.keys(cell.fmt).length === 0)
  ) {
    row[c] = undefined;
  }
}

export function formatOf(sheet: SheetModel, r: number, c: number): CellFormat {
  const own = getCell(sheet, r, c)?.fmt;
  const row = sheet.rowFormats.get(r);
  const col = sheet.columnFormats.get(c);
  if (!own && !row && !col) return {};
  return { ...col, ...row, ...own };
}

export function numberFormatOf(sheet: SheetModel, r: number, c: number): string {
  return formatOf(sheet, r, c).numberFormat ?? GENERAL;
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Excel's serial day number for a calendar date (1900 date system). */
export function dateToSerial(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - EXCEL_EPOCH) / DAY_MS;
}

export function serialToIso(serial: number): string {
  return new Date(EXCEL_EPOCH + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The formula a typed string stands for, or null for text: Excel reads "=…", and "+…", "-…" that are
 * not numbers, as formulas ("+33 6 12" is "=+33 6 12"), and "@…" as Lotus's formula start.
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member
 */
export function typedFormula(input: string): string | null {
  if (input.length < 2) return null;
  const first = input.charAt(0);
  if (first === "=") return input;
  if ((first === "+" || first === "-") && !NUMERIC.test(input.trim())) return `=${input}`;
  if (first === "@") return `=${input.slice(1)}`;
  return null;
}

/** Refuses, before anything is written, text that a write would turn into a bad formula. */
export function checkTyped(sheet: SheetModel, r: number, c: number, input: unknown, location: string): void {
  if (typeof input !== "string" || numberFormatOf(sheet, r, c) === "@") return;
  const formula = typedFormula(input);
  if (formula !== null) refuseBadFormula(formula, location);
}

/**
 * Writes one input value as Excel does when an add-in sets Range.values: "=…" (and "+…", "-…",
 * "@…" that are not numbers) becomes a formula, refused when it does not parse; a leading
 * apostrophe keeps the rest as text (the apostrophe is not part of the value); numeric text becomes
 * a number unless the cell is formatted as Text ("@"), which keeps any text as typed; ISO dates
 * become date serials. null leaves the cell unchanged.
 */
export function writeValue(sheet: SheetModel, r: number, c: number, input: unknown): void {
  if (input === null || input === undefined) return;
  sheet.dirty = true;
  const nf = numberFormatOf(sheet, r, c);
  const formula = typeof input === "string" && nf !== "@" ? typedFormula(input) : null;
  if (formula !== null) {
    writeFormula(sheet, r, c, formula);
    return;
  }
  const cell = cellAt(sheet, r, c);
  delete cell.f;
  if (typeof input === "number" || typeof input === "boolean") {
    cell.v = input;
  } else if (typeof input === "string") {
    // The apostrophe is a prefix in any cell, Text ones included: what follows is the text.
    cell.v = input.startsWith("'") ? input.slice(1) : coerceText(input, nf, cell);
  } else {
    cell.v = JSON.stringify(input);
  }
  compact(sheet, r, c);
}

function coerceText(input: string, nf: string, cell: Cell): Scalar {
  if (nf === "@" || input === "") return input;
  const trimmed = input.trim();
  if (NUMERIC.test(trimmed)) return Number(trimmed);
  const upper = trimmed.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return upper === "TRUE";
  const iso = ISO_DATE.exec(trimmed);
  if (iso) {
    if (nf === GENERAL) cell.fmt = { ...cell.fmt, numberFormat: "yyyy-mm-dd" };
    return dateToSerial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  }
  return input;
}

/** Stores a formula; recalculation (calc.ts) computes its value before the next read. */
export function writeFormula(sheet: SheetModel, r: number, c: number, input: unknown): void {
  if (input === null || input === undefined) return;
  if (typeof input !== "string" || !input.startsWith("=") || input.length < 2) {
    writeValue(sheet, r, c, input);
    return;
  }
  refuseBadFormula(input);
  const cell = cellAt(sheet, r, c);
  cell.f = input;
  cell.v = evaluateConstant(input);
  sheet.dirty = true;
  sheet.hasFormulas = true;
}

/**
 * Excel refuses a formula that does not parse (the whole batch fails with InvalidArgument). The
 * workbench's grammar is smaller than Excel's, so only a formula in that grammar's alphabet (ASCII,
 * no structured reference, array, spill, intersection or whole-column reference) is judged.
 */
export function refuseBadFormula(formula: string, location = "Range.values"): void {
  if (!/^[\x20-\x7e]*$/.test(formula) || /[[\]{}#@:]/.test(formula)) return;
  try {
    parseFormula(formula);
  } catch (error) {
    if (error instanceof FormulaSyntaxError)
      throw invalidArgument(location, `There's a problem with this formula: ${formula}`);
    throw error;
  }
}

/** Constant formulas (="x", =12, =TRUE) have their value at once; others get theirs at recalculation. */
function evaluateConstant(formula: string): Scalar {
  const body = formula.slice(1).trim();
  if (NUMERIC.test(body)) return Number(body);
  if (/^"([^"]|"")*"$/.test(body)) return body.slice(1, -1).replace(/""/g, '"');
  if (/^(TRUE|FALSE)$/i.test(body)) return body.toUpperCase() === "TRUE";
  return 0;
}

export function clearCells(sheet: SheetModel, rect: Rect, what: "All" | "Contents" | "Formats"): void {
  sheet.dirty = true;
  const lastRow = Math.min(rect.r1, sheet.rows.length - 1);
  for (let r = rect.r0; r <= lastRow; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    const lastCol = Math.min(rect.c1, row.length - 1);
    for (let c = rect.c0; c <= lastCol; c++) {
      const cell = row[c];
      if (!cell) continue;
      if (what !== "Formats") {
        cell.v = "";
        delete cell.f;
      }
      if (what !== "Contents") delete cell.fmt;
      compact(sheet, r, c);
    }
  }
}

/** The smallest rectangle holding every stored cell (values only, or values and formats), or null. */
export function usedRect(sheet: SheetModel, valuesOnly: boolean): Rect | null {
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  sheet.rows.forEach((row, r) => {
    if (!row) return;
    row.forEach((cell, c) => {
      if (!cell) return;
      if (valuesOnly && cell.v === "" && cell.f === undefined) return;
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    });
  });
  return r1 < 0 ? null : { r0, c0, r1, c1 };
}

/** Moves every cell at row >= at in columns c0..c1 down by n (n < 0 moves up, deleting rows at..at-n-1). */
export function shiftRows(sheet: SheetModel, at: number, n: number, c0: number, c1: number): void {
  sheet.dirty = true;
  const last = sheet.rows.length - 1;
  if (n > 0) {
    for (let r = last; r >= at; r--) moveRowPart(sheet, r, r + n, c0, c1);
  } else if (n < 0) {
    for (let r = at; r <= last; r++) {
      if (r < at - n) clearRowPart(sheet, r, c0, c1);
      moveRowPart(sheet, r - n, r, c0, c1);
    }
  }
}

function clearRowPart(sheet: SheetModel, r: number, c0: number, c1: number): void {
  const row = sheet.rows[r];
  if (!row) return;
  for (let c = c0; c <= Math.min(c1, row.length - 1); c++) row[c] = undefined;
}

function moveRowPart(sheet: SheetModel, from: number, to: number, c0: number, c1: number): void {
  const src = sheet.rows[from];
  const wholeRow = c0 === 0 && c1 >= 16_383;
  if (wholeRow) {
    sheet.rows[to] = src;
    sheet.rows[from] = undefined;
    return;
  }
  clearRowPart(sheet, to, c0, c1);
  if (!src) return;
  for (let c = c0; c <= Math.min(c1, src.length - 1); c++) {
    const cell = src[c];
    if (!cell) continue;
    let dst = sheet.rows[to];
    if (!dst) {
      dst = [];
      sheet.rows[to] = dst;
    }
    dst[c] = cell;
    src[c] = undefined;
  }
}
