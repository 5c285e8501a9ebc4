/**
 * Inserting and deleting cells that shift rows, and everything anchored to them
 * (tables, data validation, conditional formats, defined names, chart sources).
 */
import { ErrorCodes, WorkbenchApiError } from "../api/errors";
import { columnCount } from "./address";
import type { Rect } from "./address";
import { cellAt, formatOf, shiftRows } from "./cells";
import type { SheetModel, WorkbookModel } from "./types";
import { shiftRect, tablesOn } from "./workbook";

function conflict(location: string): WorkbenchApiError {
  return new WorkbenchApiError(
    ErrorCodes.insertDeleteConflict,
    "The insert or delete operation attempted resulted in a conflict: it would shift cells in a table on your worksheet.",
    location,
  );
}

/** Refuses a shift that would cut through a table, as Excel does. */
function checkTables(
  model: WorkbookModel,
  sheet: SheetModel,
  at: number,
  c0: number,
  c1: number,
  except: string | null,
  location: string,
): void {
  for (const table of tablesOn(model, sheet.id)) {
    if (table.id === except || table.rect.r1 < at) continue;
    const inside = table.rect.c0 >= c0 && table.rect.c1 <= c1;
    const apart = table.rect.c1 < c0 || table.rect.c0 > c1;
    if (!inside && !apart) throw conflict(location);
  }
}

/**
 * Inserts n rows of cells at row `at` in columns c0..c1, shifting what is below down. New cells take the
 * formats of the row above when `inheritFrom` is given (tables extend their column formats).
 */
export function insertRows(
  model: WorkbookModel,
  sheet: SheetModel,
  at: number,
  n: number,
  cols: { c0: number; c1: number },
  options: { exceptTable?: string; location: string; inheritFrom?: number },
): void {
  const { c0, c1 } = cols;
  checkTables(model, sheet, at, c0, c1, options.exceptTable ?? null, options.location);
  shiftRows(sheet, at, n, c0, c1);
  moveAnchors(model, sheet, at, n, c0, c1, options.exceptTable ?? null);
  const from = options.inheritFrom;
  if (from !== undefined && from >= 0) {
    for (let c = c0; c <= Math.min(c1, 16_383); c++) {
      const fmt = formatOf(sheet, from, c);
      if (Object.keys(fmt).length === 0) continue;
      for (let r = at; r < at + n; r++) cellAt(sheet, r, c).fmt = { ...fmt };
    }
  }
}

/** Deletes n rows of cells from row `at` in columns c0..c1, shifting what is below up. */
export function deleteRows(
  model: WorkbookModel,
  sheet: SheetModel,
  at: number,
  n: number,
  cols: { c0: number; c1: number },
  options: { exceptTable?: string; location: string },
): void {
  const { c0, c1 } = cols;
  checkTables(model, sheet, at, c0, c1, options.exceptTable ?? null, options.location);
  shiftRows(sheet, at, -n, c0, c1);
  moveAnchors(model, sheet, at, -n, c0, c1, options.exceptTable ?? null);
}

function moveAnchors(
  model: WorkbookModel,
  sheet: SheetModel,
  at: number,
  n: number,
  c0: number,
  c1: number,
  exceptTable: string | null,
): void {
  for (const table of tablesOn(model, sheet.id)) {
    if (table.id === exceptTable) continue;
    const moved = shiftRect(table.rect, at, n, c0, c1);
    if (moved) table.rect = moved;
    else model.tables = model.tables.filter((t) => t !== table);
  }
  sheet.validations = keepShifted(sheet.validations, at, n, c0, c1);
  sheet.conditionalFormats = keepShifted(sheet.conditionalFormats, at, n, c0, c1);
  for (const chart of sheet.charts) chart.source = shiftRect(chart.source, at, n, c0, c1) ?? chart.source;
  for (const name of model.names) {
    if ("sheetId" in name.ref && name.ref.sheetId === sheet.id) {
      const moved = shiftRect(name.ref.rect, at, n, c0, c1);
      if (moved) name.ref = { sheetId: sheet.id, rect: moved };
      else name.ref = { formula: "=#REF!" };
    }
  }
}

function keepShifted<T extends { rect: Rect }>(
  items: T[],
  at: number,
  n: number,
  c0: number,
  c1: number,
): T[] {
  const out: T[] = [];
  for (const item of items) {
    const moved = shiftRect(item.rect, at, n, c0, c1);
    if (moved) out.push({ ...item, rect: moved });
  }
  return out;
}

/** Grows validation and conditional-format areas that end on row `lastRow` by n rows (tables extending). */
export function extendAnchorsBelow(sheet: SheetModel, lastRow: number, n: number, cols: Rect): void {
  const grow = <T extends { rect: Rect }>(item: T): T => {
    const r = item.rect;
    const within = r.c0 >= cols.c0 && r.c1 <= cols.c1 && r.r0 >= cols.r0;
    return within && r.r1 === lastRow && columnCount(r) > 0
      ? { ...item, rect: { ...r, r1: r.r1 + n } }
      : item;
  };
  sheet.validations = sheet.validations.map(grow);
  sheet.conditionalFormats = sheet.conditionalFormats.map(grow);
}
