/**
 * Cell formats over rectangles: whole columns and rows are stored once, other cells one by one.
 */
import { MAX_COLUMNS, MAX_ROWS } from "./address";
import type { Rect } from "./address";
import { cellAt, compact, formatOf } from "./cells";
import type { CellFormat, SheetModel } from "./types";

export type FormatKey = keyof CellFormat;

function dropKey(sheet: SheetModel, r: number, c: number, key: FormatKey): void {
  const cell = sheet.rows[r]?.[c];
  if (cell?.fmt && key in cell.fmt) {
    const rest = { ...cell.fmt };
    Reflect.deleteProperty(rest, key);
    cell.fmt = rest;
    compact(sheet, r, c);
  }
}

/** Sets (or, with undefined, removes) one format over a rectangle. */
export function setFormat(
  sheet: SheetModel,
  rect: Rect,
  key: FormatKey,
  value: CellFormat[FormatKey] | undefined,
): void {
  const wholeColumns = rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
  const wholeRows = rect.c0 === 0 && rect.c1 === MAX_COLUMNS - 1;
  if (wholeColumns || wholeRows) {
    const store = wholeColumns ? sheet.columnFormats : sheet.rowFormats;
    const [from, to] = wholeColumns ? [rect.c0, rect.c1] : [rect.r0, rect.r1];
    for (let i = from; i <= to; i++) {
      const next = { ...store.get(i), [key]: value };
      if (value === undefined) Reflect.deleteProperty(next, key);
      store.set(i, next);
    }
    const lastRow = Math.min(rect.r1, sheet.rows.length - 1);
    for (let r = rect.r0; r <= lastRow; r++) {
      const row = sheet.rows[r];
      if (!row) continue;
      for (let c = rect.c0; c <= Math.min(rect.c1, row.length - 1); c++) dropKey(sheet, r, c, key);
    }
    return;
  }
  for (let r = rect.r0; r <= rect.r1; r++) {
    for (let c = rect.c0; c <= rect.c1; c++) {
      if (value === undefined) {
        dropKey(sheet, r, c, key);
      } else {
        const cell = cellAt(sheet, r, c);
        cell.fmt = { ...cell.fmt, [key]: value };
      }
    }
  }
}

/** The format shared by every cell of the rectangle, or null when they differ (as Excel reports). */
export function uniformFormat(sheet: SheetModel, rect: Rect, key: FormatKey, fallback: unknown): unknown {
  const lastRow = Math.min(rect.r1, Math.max(sheet.rows.length, rect.r0 + 1));
  let widest = 0;
  for (const row of sheet.rows) if (row && row.length > widest) widest = row.length;
  const lastCol = Math.min(rect.c1, Math.max(widest, rect.c0 + 1));
  let seen: unknown = undefined;
  let first = true;
  for (let r = rect.r0; r <= lastRow; r++) {
    for (let c = rect.c0; c <= lastCol; c++) {
      const value = formatOf(sheet, r, c)[key] ?? fallback;
      if (first) {
        seen = value;
        first = false;
      } else if (seen !== value) {
        return null;
      }
    }
  }
  return seen;
}
