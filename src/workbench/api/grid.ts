/**
 * Bulk reads and writes of a range's cells (values, formulas, number formats, text, value types).
 */
import { invalidArgument } from "./errors";
import type { Located } from "./located";
import { columnCount, rowCount } from "../model/address";
import {
  checkTyped,
  getCell,
  numberFormatOf,
  refuseBadFormula,
  writeFormula,
  writeValue,
} from "../model/cells";
import type { SheetModel } from "../model/types";
import { displayText } from "../model/text";

export type CellReader = (sheet: SheetModel, r: number, c: number) => unknown;

export const readValue: CellReader = (sheet, r, c) => getCell(sheet, r, c)?.v ?? "";
export const readFormula: CellReader = (sheet, r, c) => {
  const cell = getCell(sheet, r, c);
  return cell?.f ?? cell?.v ?? "";
};
export const readNumberFormat: CellReader = (sheet, r, c) => numberFormatOf(sheet, r, c);
export const readText: CellReader = (sheet, r, c) =>
  displayText(getCell(sheet, r, c)?.v ?? "", numberFormatOf(sheet, r, c));
export const readValueType: CellReader = (sheet, r, c) => {
  const v = getCell(sheet, r, c)?.v ?? "";
  if (v === "") return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!)$/.test(v) ? "Error" : "String";
};

const MAX_READ_CELLS = 5_000_000;

export function readGrid(located: Located, read: CellReader, location: string): unknown[][] {
  const { sheet, rect } = located;
  if (rowCount(rect) * columnCount(rect) > MAX_READ_CELLS) {
    throw invalidArgument(location, "The range is too large to read at once.");
  }
  const out: unknown[][] = new Array<unknown[]>(rowCount(rect));
  for (let r = rect.r0; r <= rect.r1; r++) {
    const line = new Array<unknown>(columnCount(rect));
    for (let c = rect.c0; c <= rect.c1; c++) line[c - rect.c0] = read(sheet, r, c);
    out[r - rect.r0] = line;
  }
  return out;
}

/** A 2-D input must match the range's shape exactly; a single value fills the whole range. */
export function forEachInput(
  located: Located,
  input: unknown,
  location: string,
  put: (r: number, c: number, value: unknown) => void,
): void {
  const { rect } = located;
  if (!Array.isArray(input)) {
    for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) put(r, c, input);
    return;
  }
  const rows = input as unknown[];
  const badShape =
    rows.length !== rowCount(rect) ||
    rows.some((row) => !Array.isArray(row) || (row as unknown[]).length !== columnCount(rect));
  if (badShape) {
    throw invalidArgument(
      location,
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    );
  }
  rows.forEach((row, i) => {
    (row as unknown[]).forEach((value, j) => {
      put(rect.r0 + i, rect.c0 + j, value);
    });
  });
}

/** Excel's limit on the text in one cell. */
const MAX_CELL_TEXT = 32_767;

function checkScalar(value: unknown, location: string): void {
  if (typeof value === "string" && value.length > MAX_CELL_TEXT)
    throw invalidArgument(location, `A cell holds at most ${MAX_CELL_TEXT} characters.`);
  if (typeof value === "number" && !Number.isFinite(value))
    throw invalidArgument(location, `Invalid number ${value}.`);
  if (value !== null && typeof value === "object")
    throw invalidArgument(location, "Cell values must be strings, numbers or booleans.");
}

export function writeValues(located: Located, input: unknown, location: string): void {
  // Excel refuses the whole write when one cell's text is a bad formula: nothing of it is applied.
  forEachInput(located, input, location, (r, c, value) => {
    checkScalar(value, location);
    checkTyped(located.sheet, r, c, value, location);
  });
  forEachInput(located, input, location, (r, c, value) => {
    writeValue(located.sheet, r, c, value);
  });
}

export function writeFormulas(located: Located, input: unknown, location: string): void {
  forEachInput(located, input, location, (_r, _c, value) => {
    checkScalar(value, location);
    if (typeof value === "string" && value.startsWith("=")) refuseBadFormula(value, location);
  });
  forEachInput(located, input, location, (r, c, value) => {
    writeFormula(located.sheet, r, c, value);
  });
}
