/**
 * Undo of the last Cadence write: 1 round trip to read the record (from memory or the hidden sheet)
 * and check the sheets, then ceil(bytes / budget) batches restoring cells, dropping what was added.
 */
import * as schema from "../core/workbook/schema";
import { executeWrites } from "./batches";
import type { CellWrite } from "./chunks";
import { gatewayError } from "./errors";
import type { ProgressFn } from "./gateway.types";
import type { ExcelRun } from "./office";
import { schemaWrite } from "./undoStore";
import type { UndoStore } from "./undoStore";
import { fromUndoCells } from "./undo";
import type { UndoRecord } from "./undo";

/**
 * Queues and sends the replay of a record: cells restored, added columns and rows deleted, the schema
 * sheet put back, the undo sheet cleared. `schemaNow` is the schema sheet's current rows.
 */
export async function replay(
  context: Excel.RequestContext,
  record: UndoRecord,
  budget: number,
  schemaNow: readonly (readonly string[])[],
  undoSheetExists: boolean,
  progress?: ProgressFn,
): Promise<void> {
  const writes: CellWrite[] = record.cells.map((c) => ({
    sheet: c.sheet,
    address: c.address,
    values: c.formulas,
    asFormulas: true,
  }));
  if (record.schemaBefore !== null) writes.push(schemaWrite(schemaNow, record.schemaBefore));
  await executeWrites(
    context,
    writes,
    budget,
    () => undefined,
    progress,
    () => {
      for (const c of record.addedColumns)
        context.workbook.tables.getItem(c.table).columns.getItem(c.name).delete();
      // Later rows first, so earlier indices stay valid. The rows' cells are deleted (shifting up), which
      // shrinks the table: TableRowCollection.deleteRowsAt is ExcelApiOnline only (not on Windows/Mac).
      for (const r of [...record.addedRows].sort((a, b) => b.index - a.index)) {
        if (r.count > 0)
          context.workbook.tables
            .getItem(r.table)
            .getDataBodyRange()
            .getRow(r.index)
            .getResizedRange(r.count - 1, 0)
            .delete("Up");
      }
      if (undoSheetExists) context.workbook.worksheets.getItem(schema.UNDO_SHEET).getRange().clear();
    },
  );
}

export async function undoLastWrite(
  run: ExcelRun,
  store: UndoStore,
  budget: number,
  progress?: ProgressFn,
): Promise<boolean> {
  const done = await run(async (context) => {
    const sheets = context.workbook.worksheets;
    const undoSheet = sheets.getItemOrNullObject(schema.UNDO_SHEET).load("name");
    const stored = undoSheet.getUsedRangeOrNullObject(true).load("values");
    const schemaRange = sheets
      .getItemOrNullObject(schema.SCHEMA_SHEET)
      .getUsedRangeOrNullObject(true)
      .load("values");
    const protectedSheets = sheets.load("items/name,items/protection/protected");
    await context.sync();
    const record = store.record ?? (stored.isNullObject ? null : fromUndoCells(stored.values as unknown[][]));
    if (record === null) return false;
    const touched = new Set(record.cells.map((c) => c.sheet));
    const locked = protectedSheets.items.find((ws) => touched.has(ws.name) && ws.protection.protected);
    if (locked !== undefined) throw gatewayError("sheetProtected", { sheet: locked.name });
    const now = schemaRange.isNullObject
      ? []
      : (schemaRange.values as unknown[][]).map((r) => r.map((v) => (typeof v === "string" ? v : "")));
    await replay(context, record, budget, now, !undoSheet.isNullObject, progress);
    return true;
  });
  store.record = null;
  store.onSheet = false;
  return done;
}
