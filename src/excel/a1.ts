/** A1 addresses: Excel hands them over as "Sheet1!A1:C10" (quoted names: "'My sheet'!A1"). */
import { columnLetters, parseCell } from "../core/workbook/schema";

/** 0-based, inclusive rectangle. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function rectAddress(rect: Rect): string {
  const a = `${columnLetters(rect.c0)}${rect.r0 + 1}`;
  const b = `${columnLetters(rect.c1)}${rect.r1 + 1}`;
  return a === b ? a : `${a}:${b}`;
}

/** Excel's grid: 1,048,576 rows by 16,384 columns. */
export const SHEET_ROWS = 1_048_576;
export const SHEET_COLUMNS = 16_384;

/** One end of a range: a cell ("B2"), a whole column ("B") or a whole row ("2"). */
function parseEnd(text: string): { row: number | null; col: number | null } {
  const clean = text.replace(/\$/g, "");
  if (/^\d+$/.test(clean)) return { row: Number(clean), col: null };
  if (/^[A-Za-z]{1,3}$/.test(clean)) return { row: null, col: parseCell(`${clean}1`).col };
  return parseCell(clean);
}

/**
 * "Sheet1!B2:D9", "B2:D9", whole columns "Feuil1!A:C" or whole rows "1:4" → the rectangle (sheet
 * part dropped). Throws RangeError on anything else (several areas included).
 */
export function parseAddress(address: string): Rect {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [from = "", to = from, ...rest] = local.split(":");
  const a = parseEnd(from);
  const b = parseEnd(to);
  if (rest.length > 0 || (a.row === null) !== (b.row === null) || (a.col === null) !== (b.col === null))
    throw new RangeError(`Not a range address: ${address}`);
  return {
    r0: a.row === null ? 0 : Math.min(a.row, b.row ?? a.row) - 1,
    c0: a.col === null ? 0 : Math.min(a.col, b.col ?? a.col),
    r1: a.row === null ? SHEET_ROWS - 1 : Math.max(a.row, b.row ?? a.row) - 1,
    c1: a.col === null ? SHEET_COLUMNS - 1 : Math.max(a.col, b.col ?? a.col),
  };
}

/** The overlap of two rectangles, or null. */
export function intersectRects(a: Rect, b: Rect): Rect | null {
  const r = {
    r0: Math.max(a.r0, b.r0),
    c0: Math.max(a.c0, b.c0),
    r1: Math.min(a.r1, b.r1),
    c1: Math.min(a.c1, b.c1),
  };
  return r.r0 <= r.r1 && r.c0 <= r.c1 ? r : null;
}

/** The sheet name of a full address ("'My sheet'!A1" → "My sheet"). */
export function sheetOf(address: string): string {
  const i = address.lastIndexOf("!");
  if (i < 0) return "";
  const raw = address.slice(0, i);
  return raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
}
