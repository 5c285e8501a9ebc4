/**
 * The plan workbook as a file (ExcelJS): the same sheets, tables, headers, validation lists, formats
 * and hidden schema sheet as the add-in creates, so reps without the add-in can fill it.
 */
import ExcelJS from "exceljs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_CHANNELS, STRATEGIC_SEGMENTS } from "../../core/types";
import * as schema from "../../core/workbook/schema";
import type { ColumnSpec, Lang, TableSpec } from "../../core/workbook/schema";

/** Rows given data validation and number formats below each table's header. */
export const TEMPLATE_ROWS = 5000;

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E79" } };
const STATUS_FILLS: Readonly<Record<schema.PlannedStatus, string>> = {
  Under: "FFF8CBAD",
  OnTrack: "FFC6EFCE",
  Over: "FFFFEB9C",
};

interface ValidationSheet {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

function listValidation(values: readonly string[]): ExcelJS.DataValidation {
  return { type: "list", allowBlank: true, formulae: [`"${values.join(",")}"`] };
}

function tableRows(spec: TableSpec, lang: Lang): (string | number | null)[][] {
  if (spec.name === "Norms") {
    return STRATEGIC_SEGMENTS.map((s) => [
      lang === "fr" ? s.labelFr : s.labelEn,
      ...DEFAULT_CHANNELS.map((c) => schema.DEFAULT_NORMS[s.id][c.id] ?? 0),
    ]);
  }
  if (spec.name === "Channels") {
    return DEFAULT_CHANNELS.map((c) => [c.id, lang === "fr" ? c.labelFr : c.labelEn, c.weight]);
  }
  // ExcelJS needs one data row; an empty one is what Excel itself creates for a new table.
  return [spec.columns.map(() => null)];
}

function formatColumns(ws: ExcelJS.Worksheet, spec: TableSpec, lang: Lang): void {
  const anchor = schema.parseCell(spec.anchor);
  const first = anchor.row + 1;
  const last = anchor.row + TEMPLATE_ROWS;
  spec.columns.forEach((c: ColumnSpec, i) => {
    const letters = schema.columnLetters(anchor.col + i);
    const range = `${letters}${first}:${letters}${last}`;
    if (spec.sheet !== "settings") {
      const column = ws.getColumn(anchor.col + i + 1);
      column.numFmt = schema.NUMBER_FORMATS[c.kind];
      column.width = Math.max(12, schema.header(c, lang).length + 4);
      // Sync's row ids stay with their rows, out of the rep's way.
      if (c.id === schema.ROW_ID_COLUMN.id) column.hidden = true;
    }
    if (c.list !== undefined) {
      (ws as unknown as ValidationSheet).dataValidations.add(
        range,
        listValidation(schema.listValues(c.list, lang)),
      );
    }
    if (c.list === "status") {
      ws.addConditionalFormatting({
        ref: range,
        rules: (Object.keys(STATUS_FILLS) as schema.PlannedStatus[]).map((s, priority) => ({
          type: "cellIs",
          operator: "equal",
          priority: priority + 1,
          formulae: [`"${schema.STATUS_LABELS[s][lang]}"`],
          style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: STATUS_FILLS[s] } } },
        })),
      });
    }
  });
}

function addTable(ws: ExcelJS.Worksheet, spec: TableSpec, lang: Lang): void {
  ws.addTable({
    name: spec.name,
    ref: spec.anchor,
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: spec.columns.map((c) => ({ name: schema.header(c, lang), filterButton: true })),
    rows: tableRows(spec, lang),
  });
  formatColumns(ws, spec, lang);
}

function headerRow(ws: ExcelJS.Worksheet, row: number, values: readonly string[]): void {
  const r = ws.getRow(row);
  values.forEach((v, i) => {
    const cell = r.getCell(i + 1);
    cell.value = v;
    cell.font = { bold: true, color: { argb: "FFFFFFFF" } };
    cell.fill = HEADER_FILL;
    ws.getColumn(i + 1).width = Math.max(14, v.length + 4);
  });
}

function settingsSheet(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, lang: Lang, year: number): void {
  const title = lang === "fr" ? ["Paramètre", "Valeur"] : ["Setting", "Value"];
  headerRow(ws, 1, title);
  schema.initialSettings(year).forEach((s, i) => {
    const row = i + 2;
    ws.getCell(`A${row}`).value = lang === "fr" ? s.fr : s.en;
    const cell = ws.getCell(`B${row}`);
    cell.value =
      s.kind === "date" && typeof s.value === "string" ? new Date(`${s.value}T00:00:00Z`) : s.value;
    cell.numFmt = schema.NUMBER_FORMATS[s.kind];
    wb.definedNames.add(`'${ws.name}'!$B$${row}`, s.name);
  });
  ws.getColumn(1).width = 24;
  ws.getColumn(2).width = 14;
}

/** Builds the plan workbook in memory, its Settings over the calendar year `year`. */
export function buildPlanWorkbook(lang: Lang, year: number = new Date().getFullYear()): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Cadence";
  const frozen: Partial<ExcelJS.WorksheetView>[] = [{ state: "frozen", ySplit: 1, xSplit: 0 }];
  const sheet = (id: schema.SheetId): ExcelJS.Worksheet =>
    wb.getWorksheet(schema.SHEET_NAMES[id][lang]) ??
    wb.addWorksheet(schema.SHEET_NAMES[id][lang], { views: frozen });
  for (const id of ["clients", "contacts", "actions", "settings", "dashboard", "tours", "team"] as const)
    sheet(id);
  for (const spec of schema.TABLES) addTable(sheet(spec.sheet), spec, lang);
  settingsSheet(wb, sheet("settings"), lang, year);
  const dash = schema.PLACEHOLDER_HEADERS;
  headerRow(sheet("dashboard"), 1, dash.dashboardSegments[lang]);
  STRATEGIC_SEGMENTS.forEach((s, i) => {
    sheet("dashboard").getCell(`A${i + 2}`).value = lang === "fr" ? s.labelFr : s.labelEn;
  });
  sheet("dashboard").getCell("E1").value = dash.dashboardLorenz[lang][0] ?? "";
  sheet("dashboard").getCell("F1").value = dash.dashboardLorenz[lang][1] ?? "";
  headerRow(sheet("tours"), 1, dash.tours[lang]);
  headerRow(sheet("team"), 1, dash.team[lang]);
  const hidden = wb.addWorksheet(schema.SCHEMA_SHEET, { state: "hidden" });
  hidden.addRows(schema.schemaRows(lang));
  return wb;
}

/** Writes the template to `out` atomically: a temp file in the same folder, then a rename. */
export async function writePlanTemplate(out: string, lang: Lang, year?: number): Promise<void> {
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    await buildPlanWorkbook(lang, year).xlsx.writeFile(tmp);
    await rename(tmp, out);
  } catch (error: unknown) {
    await rm(tmp, { force: true });
    throw error;
  }
}
