/**
 * A1-style addresses and rectangles (0-based, inclusive) for the workbench's in-memory workbook.
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A block of cells, 0-based and inclusive on both ends. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** An address could not be understood. */
export class AddressError extends Error {
  constructor(readonly address: string) {
    super(`Invalid address "${address}" / Adresse invalide « ${address} »`);
    this.name = "AddressError";
  }
}

export function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

interface Part {
  row: number | null;
  col: number | null;
}

function parsePart(text: string, address: string): Part {
  const cell = CELL.exec(text);
  if (cell) return { col: columnIndex(cell[1]), row: Number(cell[2]) - 1 };
  const col = COL.exec(text);
  if (col) return { col: columnIndex(col[1]), row: null };
  const row = ROW.exec(text);
  if (row) return { col: null, row: Number(row[1]) - 1 };
  throw new AddressError(address);
}

/** Splits "'My sheet'!A1:B2" into sheet name (or null) and the local part. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, local: address.trim() };
  let sheet = address.slice(0, bang).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1).trim() };
}

/** Parses "A1", "A1:C3", "A:C", "2:5" (no sheet part) into a rectangle. */
export function parseRect(address: string): Rect {
  const pieces = address.split(":");
  const first = pieces.at(0);
  const second = pieces.at(1);
  if (pieces.length > 2 || !first) throw new AddressError(address);
  const a = parsePart(first, address);
  const b = second === undefined ? a : parsePart(second, address);
  if ((a.row === null) !== (b.row === null) || (a.col === null) !== (b.col === null)) {
    throw new AddressError(address);
  }
  const rect: Rect = {
    r0: Math.min(a.row ?? 0, b.row ?? 0),
    r1: a.row === null ? MAX_ROWS - 1 : Math.max(a.row, b.row ?? a.row),
    c0: Math.min(a.col ?? 0, b.col ?? 0),
    c1: a.col === null ? MAX_COLUMNS - 1 : Math.max(a.col, b.col ?? a.col),
  };
  if (!rectInBounds(rect)) throw new AddressError(address);
  return rect;
}

export function rectInBounds(rect: Rect): boolean {
  return (
    rect.r0 >= 0 &&
    rect.c0 >= 0 &&
    rect.r1 < MAX_ROWS &&
    rect.c1 < MAX_COLUMNS &&
    rect.r0 <= rect.r1 &&
    rect.c0 <= rect.c1
  );
}

/** "A1:C3" (or "A1" for one cell, "A:C" / "2:5" for whole columns / rows), optionally absolute. */
export function formatRect(rect: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  const wholeColumns = rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
  const wholeRows = rect.c0 === 0 && rect.c1 === MAX_COLUMNS - 1;
  if (wholeColumns && !wholeRows) {
    return `${d}${columnLetters(rect.c0)}:${d}${columnLetters(rect.c1)}`;
  }
  if (wholeRows && !wholeColumns) return `${d}${rect.r0 + 1}:${d}${rect.r1 + 1}`;
  const first = `${d}${columnLetters(rect.c0)}${d}${rect.r0 + 1}`;
  if (rect.r0 === rect.r1 && rect.c0 === rect.c1) return first;
  return `${first}:${d}${columnLetters(rect.c1)}${d}${rect.r1 + 1}`;
}

/** Quotes a sheet name as Excel does in addresses ('Contacts export'!A1). */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function rowCount(rect: Rect): number {
  return rect.r1 - rect.r0 + 1;
}

export function columnCount(rect: Rect): number {
  return rect.c1 - rect.c0 + 1;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return outer.r0 <= inner.r0 && outer.c0 <= inner.c0 && outer.r1 >= inner.r1 && outer.c1 >= inner.c1;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  if (!overlaps(a, b)) return null;
  return {
    r0: Math.max(a.r0, b.r0),
    c0: Math.max(a.c0, b.c0),
    r1: Math.min(a.r1, b.r1),
    c1: Math.min(a.c1, b.c1),
  };
}

/** The parts of `a` outside `b` (at most four rectangles). */
export function subtract(a: Rect, b: Rect): Rect[] {
  const cut = intersect(a, b);
  if (!cut) return [a];
  const out: Rect[] = [];
  if (a.r0 < cut.r0) out.push({ r0: a.r0, c0: a.c0, r1: cut.r0 - 1, c1: a.c1 });
  if (cut.r1 < a.r1) out.push({ r0: cut.r1 + 1, c0: a.c0, r1: a.r1, c1: a.c1 });
  if (a.c0 < cut.c0) out.push({ r0: cut.r0, c0: a.c0, r1: cut.r1, c1: cut.c0 - 1 });
  if (cut.c1 < a.c1) out.push({ r0: cut.r0, c0: cut.c1 + 1, r1: cut.r1, c1: a.c1 });
  return out;
}
