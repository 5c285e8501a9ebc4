/**
 * Writes the Tours sheet: the core's tour rows (core/tours/sheet.ts) replace what the sheet held, in
 * place (the sheet is created when missing). What the write replaces is kept, so Undo restores it.
 * Round trips: 1 read + ceil(bytes / budget) write batches.
 */
import * as schema from "../core/workbook/schema";
import type { CellValue } from "../core/types";
import { rectAddress } from "./a1";
import { executeWrites } from "./batches";
import type { CellWrite } from "./chunks";
import type { ProgressFn } from "./gateway.types";
import type { ExcelRun } from "./office";
import { rectangular } from "./office";
import { restorable, type UndoRecord } from "./undo";
import { TOUR_BASE_NAME } from "./settings";
import { resetUndoSheet, undoWrite } from "./undoStore";

export async function writeTours(
  run: ExcelRun,
  options: { lang: schema.Lang; budget: number },
  rows: readonly (readonly CellValue[])[],
  progress?: ProgressFn,
  base?: string,
): Promise<{ rowsWritten: number; sheet: string; record: UndoRecord }> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    const candidates = (["fr", "en"] as const).map((l) =>
      sheets.getItemOrNullObject(schema.SHEET_NAMES.tours[l]).load("name"),
    );
    const used = candidates.map((ws) =>
      ws.getUsedRangeOrNullObject(true).load("address,formulas,values,rowCount,columnCount"),
    );
    const undoSheet = sheets.getItemOrNullObject(schema.UNDO_SHEET).load("name");
    // The base is recorded in Settings (Cadence_TourBase) when the workbook has that setting.
    const baseCell = context.workbook.names
      .getItemOrNullObject(TOUR_BASE_NAME)
      .getRangeOrNullObject()
      .load("address,formulas,values");
    await context.sync();

    const found = candidates.findIndex((ws) => !ws.isNullObject);
    const sheetName = found >= 0 ? candidates[found].name : schema.SHEET_NAMES.tours[options.lang];
    const before = found >= 0 ? used[found] : null;
    const oldRows = before === null || before.isNullObject ? 0 : before.rowCount;
    const oldColumns = before === null || before.isNullObject ? 0 : before.columnCount;
    const oldFormulas =
      before === null || before.isNullObject ? [] : restorable(before.formulas, before.values);
    // The used range starts at A1 on a Cadence-written sheet; a rep's cells further down are kept blanked only within the rectangle.
    const width = Math.max(1, oldColumns, ...rows.map((r) => r.length));
    const height = Math.max(1, oldRows, rows.length);
    const address = rectAddress({ r0: 0, c0: 0, r1: height - 1, c1: width - 1 });
    const previous = rectangular(
      Array.from({ length: height }, (_, r) =>
        Array.from({ length: width }, (_, c) => oldFormulas[r]?.[c] ?? ""),
      ),
      width,
    );
    const values = rectangular(
      Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => rows[r]?.[c] ?? "")),
      width,
    );
    const baseWrites: CellWrite[] = [];
    const baseUndo: UndoRecord["cells"] = [];
    if (base !== undefined && !baseCell.isNullObject) {
      const [where = "", cell = ""] = baseCell.address.split("!");
      const sheet = where.replace(/^'|'$/g, "").replace(/''/g, "'");
      baseUndo.push({ sheet, address: cell, formulas: restorable(baseCell.formulas, baseCell.values) });
      baseWrites.push(
        { sheet, address: cell, values: [[base]], numberFormat: "@" },
        { sheet, address: cell, values: [[base]] },
      );
    }
    const record: UndoRecord = {
      action: "writeTours",
      at: new Date().toISOString(),
      cells: [{ sheet: sheetName, address, formulas: previous }, ...baseUndo],
      addedColumns: [],
      addedRows: [],
      schemaBefore: null,
    };
    // Postal codes stay text ("01000" is not 1000): the column is formatted as Text, then written again.
    const postal = rows[0]?.findIndex((h) => h === "Code postal" || h === "Postal code") ?? -1;
    const postalWrites: CellWrite[] = [];
    if (postal >= 0 && rows.length > 1) {
      const column = {
        sheet: sheetName,
        address: rectAddress({ r0: 1, c0: postal, r1: rows.length - 1, c1: postal }),
        values: rows.slice(1).map((r) => [r[postal] ?? ""]),
      };
      postalWrites.push({ ...column, numberFormat: "@" }, column);
    }
    const writes: CellWrite[] = [
      undoWrite(record),
      { sheet: sheetName, address, values },
      ...postalWrites,
      ...baseWrites,
    ];
    await executeWrites(
      context,
      writes,
      options.budget,
      () => {
        if (found < 0) sheets.add(sheetName);
        resetUndoSheet(context, !undoSheet.isNullObject);
      },
      progress,
    );
    return { rowsWritten: Math.max(0, rows.length - 1), sheet: sheetName, record };
  });
}
