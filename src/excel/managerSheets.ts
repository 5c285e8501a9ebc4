/**
 * Writes a manager's sheet (Équipe / Team, N+1, Revues / Reviews: core/workbook/teamSheets.ts) in
 * place: the grid replaces what the sheet held (created when missing), number formats per column,
 * conditional formats on the cells outside their band, and the Team sheet's native chart (attainment
 * and pace per rep). What the write replaces is kept, so Undo restores the values.
 * Round trips: 1 read + ceil(bytes / budget) write batches (2 for a 200-rep team).
 */
import * as schema from "../core/workbook/schema";
import type { ManagerSheet, SheetColumnKind } from "../core/workbook/teamSheets";
import { rectAddress } from "./a1";
import { executeWrites } from "./batches";
import type { CellWrite } from "./chunks";
import type { ManagerSheetReceipt, ProgressFn } from "./gateway.types";
import type { ExcelRun } from "./office";
import { broadcastNumberFormat, rectangular } from "./office";
import { restorable, type UndoRecord } from "./undo";
import { resetUndoSheet, undoWrite } from "./undoStore";

export const MANAGER_CHART = "CadenceTeamChart";
const OUTSIDE_BAND_FILL = "#F8CBAD";
const FORMATS: Record<SheetColumnKind, string> = {
  text: schema.NUMBER_FORMATS.text,
  integer: schema.NUMBER_FORMATS.integer,
  number: schema.NUMBER_FORMATS.number,
  percent: "0.0%",
  date: schema.NUMBER_FORMATS.date,
};

export async function writeManagerSheet(
  run: ExcelRun,
  options: { budget: number },
  sheet: ManagerSheet,
  progress?: ProgressFn,
): Promise<ManagerSheetReceipt & { record: UndoRecord }> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    const ws = sheets.getItemOrNullObject(sheet.name).load("name");
    const used = ws.getUsedRangeOrNullObject(true).load("formulas,values,rowCount,columnCount");
    const chart = ws.charts.getItemOrNullObject(MANAGER_CHART).load("name");
    const undoSheet = sheets.getItemOrNullObject(schema.UNDO_SHEET).load("name");
    await context.sync();

    const exists = !ws.isNullObject;
    const oldRows = exists && !used.isNullObject ? used.rowCount : 0;
    const oldColumns = exists && !used.isNullObject ? used.columnCount : 0;
    const oldFormulas = exists && !used.isNullObject ? restorable(used.formulas, used.values) : [];
    const width = Math.max(1, oldColumns, ...sheet.rows.map((r) => r.length));
    const height = Math.max(1, oldRows, sheet.rows.length);
    const address = rectAddress({ r0: 0, c0: 0, r1: height - 1, c1: width - 1 });
    const previous = rectangular(
      Array.from({ length: height }, (_, r) =>
        Array.from({ length: width }, (_, c) => oldFormulas[r]?.[c] ?? ""),
      ),
      width,
    );
    const values = rectangular(
      Array.from({ length: height }, (_, r) =>
        Array.from({ length: width }, (_, c) => sheet.rows[r]?.[c] ?? ""),
      ),
      width,
    );
    const record: UndoRecord = {
      action: "writeManagerSheet",
      at: new Date().toISOString(),
      cells: [{ sheet: sheet.name, address, formulas: previous }],
      addedColumns: [],
      addedRows: [],
      schemaBefore: null,
    };
    const writes: CellWrite[] = [undoWrite(record), { sheet: sheet.name, address, values }];
    const body = sheet.rows.length - 1;
    await executeWrites(
      context,
      writes,
      options.budget,
      () => {
        const target = exists ? sheets.getItem(sheet.name) : sheets.add(sheet.name);
        resetUndoSheet(context, !undoSheet.isNullObject);
        if (exists) {
          target.getRange().conditionalFormats.clearAll();
          if (!chart.isNullObject) target.charts.getItem(MANAGER_CHART).delete();
        }
      },
      progress,
      () => {
        formatSheet(context.workbook.worksheets.getItem(sheet.name), sheet, body);
      },
    );
    return { sheet: sheet.name, rowsWritten: Math.max(0, body), record };
  });
}

/** Queues the number formats, the bands' conditional formats, the header's style and the chart. */
function formatSheet(ws: Excel.Worksheet, sheet: ManagerSheet, body: number): void {
  const width = sheet.kinds.length;
  const header = ws.getRange(rectAddress({ r0: 0, c0: 0, r1: 0, c1: Math.max(0, width - 1) }));
  header.format.font.bold = true;
  if (body <= 0) return;
  sheet.kinds.forEach((kind, c) => {
    if (kind === "text") return;
    broadcastNumberFormat(ws.getRange(rectAddress({ r0: 1, c0: c, r1: body, c1: c })), FORMATS[kind]);
  });
  for (const band of sheet.bands) {
    const range = ws.getRange(rectAddress({ r0: 1, c0: band.column, r1: body, c1: band.column }));
    const rules: { operator: "LessThan" | "GreaterThan"; formula1: string }[] = [
      { operator: "LessThan", formula1: String(band.low) },
    ];
    if (Number.isFinite(band.high)) rules.push({ operator: "GreaterThan", formula1: String(band.high) });
    for (const rule of rules) {
      const cf = range.conditionalFormats.add("CellValue");
      cf.cellValue.format.fill.color = OUTSIDE_BAND_FILL;
      cf.cellValue.rule = rule;
    }
  }
  if (sheet.chart !== null && sheet.chart.to - sheet.chart.from > 1) {
    const { c0, from, to } = sheet.chart;
    const source = ws.getRange(rectAddress({ r0: from, c0, r1: to - 1, c1: c0 + 2 }));
    const chart = ws.charts.add("ColumnClustered", source, "Columns");
    chart.name = MANAGER_CHART;
    chart.title.text = sheet.chart.title;
    chart.setPosition(
      rectAddress({ r0: to + 1, c0, r1: to + 1, c1: c0 }),
      rectAddress({ r0: to + 16, c0: c0 + 7, r1: to + 16, c1: c0 + 7 }),
    );
  }
}
