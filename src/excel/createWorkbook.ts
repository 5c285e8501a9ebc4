/**
 * Creates the plan workbook in the open workbook: 2 round trips (check, then build everything).
 */
import { DEFAULT_CHANNELS, STRATEGIC_SEGMENTS } from "../core/types";
import * as schema from "../core/workbook/schema";
import type { Lang, TableSpec } from "../core/workbook/schema";
import { isoToExcelSerial } from "../core/tracking";
import { rectAddress } from "./a1";
import { checkAborted, gatewayError } from "./errors";
import type { ProgressFn } from "./gateway.types";
import { broadcastNumberFormat } from "./office";
import { schemaState } from "./readSource";
import { addHiddenSheet, schemaWrite } from "./undoStore";
import type { ExcelRun } from "./office";

const STATUS_COLOURS: Readonly<Record<schema.TrackingStatus, string>> = {
  under: "#F8CBAD",
  onTrack: "#C6EFCE",
  over: "#FFEB9C",
};

function tableBody(spec: TableSpec, lang: Lang): unknown[][] {
  if (spec.name === "Norms") {
    return STRATEGIC_SEGMENTS.map((s) => [
      lang === "fr" ? s.labelFr : s.labelEn,
      ...DEFAULT_CHANNELS.map((c) => schema.DEFAULT_NORMS[s.id]?.[c.id] ?? 0),
    ]);
  }
  if (spec.name === "Channels")
    return DEFAULT_CHANNELS.map((c) => [c.id, lang === "fr" ? c.labelFr : c.labelEn, c.weight]);
  return [spec.columns.map(() => "")];
}

function addTable(ws: Excel.Worksheet, spec: TableSpec, lang: Lang): void {
  const anchor = schema.parseCell(spec.anchor);
  const body = tableBody(spec, lang);
  const rect = {
    r0: anchor.row - 1,
    c0: anchor.col,
    r1: anchor.row - 1 + body.length,
    c1: anchor.col + spec.columns.length - 1,
  };
  ws.getRange(rectAddress(rect)).values = [spec.columns.map((c) => schema.header(c, lang)), ...body];
  const table = ws.tables.add(rectAddress(rect), true);
  table.name = spec.name;
  spec.columns.forEach((c, i) => {
    // The table's body only: Excel extends a table column's format, validation and conditional
    // formats to the rows added later, so the sheet's used range stays the table.
    const col = rect.c0 + i;
    const range = ws.getRange(rectAddress({ r0: rect.r0 + 1, c0: col, r1: rect.r1, c1: col }));
    if (spec.sheet !== "settings") broadcastNumberFormat(range, schema.NUMBER_FORMATS[c.kind]);
    if (c.list !== undefined) {
      range.dataValidation.rule = {
        list: { inCellDropDown: true, source: schema.listValues(c.list, lang).join(",") },
      };
    }
    if (c.list === "status") {
      for (const status of Object.keys(STATUS_COLOURS) as schema.TrackingStatus[]) {
        const cf = range.conditionalFormats.add("ContainsText");
        cf.textComparison.format.fill.color = STATUS_COLOURS[status];
        cf.textComparison.rule = { operator: "Contains", text: schema.STATUS_LABELS[status][lang] };
      }
    }
  });
}

function settings(context: Excel.RequestContext, ws: Excel.Worksheet, lang: Lang): void {
  const rows = schema.SETTINGS.map((s) => [
    lang === "fr" ? s.fr : s.en,
    s.kind === "date" && typeof s.value === "string" ? isoToExcelSerial(s.value) : s.value,
  ]);
  ws.getRange(`A1:B${rows.length + 1}`).values = [
    lang === "fr" ? ["Paramètre", "Valeur"] : ["Setting", "Value"],
    ...rows,
  ];
  schema.SETTINGS.forEach((s, i) => {
    const cell = ws.getRange(`B${i + 2}`);
    cell.numberFormat = [[schema.NUMBER_FORMATS[s.kind]]];
    context.workbook.names.add(s.name, cell);
  });
}

function dashboard(ws: Excel.Worksheet, lang: Lang): void {
  const h = schema.PLACEHOLDER_HEADERS;
  const segments = STRATEGIC_SEGMENTS.map((s) => [lang === "fr" ? s.labelFr : s.labelEn, 0, 0]);
  ws.getRange(`A1:C${segments.length + 1}`).values = [h.dashboardSegments[lang], ...segments];
  const lorenz = Array.from({ length: 11 }, (_, i) => [i / 10, i / 10]);
  ws.getRange(`E1:F${lorenz.length + 1}`).values = [h.dashboardLorenz[lang], ...lorenz];
  const bars = ws.charts.add("ColumnClustered", ws.getRange(`A1:C${segments.length + 1}`), "Columns");
  bars.name = "CadencePlannedVsActual";
  bars.title.text = lang === "fr" ? "Prévu et réalisé par segment" : "Planned vs actual by segment";
  bars.setPosition("H1", "O16");
  const curve = ws.charts.add("XYScatterLines", ws.getRange(`E1:F${lorenz.length + 1}`), "Columns");
  curve.name = "CadenceLorenz";
  curve.title.text = lang === "fr" ? "Contacts et potentiel (Lorenz)" : "Contacts against potential (Lorenz)";
  curve.setPosition("H18", "O33");
}

export async function createPlanWorkbook(
  run: ExcelRun,
  lang: Lang,
  progress?: ProgressFn,
  signal?: AbortSignal,
): Promise<void> {
  const names = (Object.keys(schema.SHEET_NAMES) as schema.SheetId[]).map(
    (id) => schema.SHEET_NAMES[id][lang],
  );
  await run(async (context) => {
    progress?.({ phase: "check", done: 0, total: 2 });
    const clients = context.workbook.tables.getItemOrNullObject("Clients");
    clients.load("name");
    const existing = names.map((n) => context.workbook.worksheets.getItemOrNullObject(n).load("name"));
    // A rep who adopted their own table first already has the hidden sheets: they are kept and merged.
    const schemaSheet = context.workbook.worksheets.getItemOrNullObject(schema.SCHEMA_SHEET).load("name");
    const schemaUsed = schemaSheet.getUsedRangeOrNullObject(true).load("values");
    const undoSheet = context.workbook.worksheets.getItemOrNullObject(schema.UNDO_SHEET).load("name");
    await context.sync();
    if (!clients.isNullObject) throw gatewayError("alreadyExists", { name: "Clients" });
    const clash = existing.find((ws) => !ws.isNullObject);
    if (clash !== undefined) throw gatewayError("alreadyExists", { name: clash.name });
    const previous = schemaState(schemaUsed.isNullObject ? null : (schemaUsed.values as unknown[][])).rows;
    checkAborted(signal);

    progress?.({ phase: "write", done: 1, total: 2 });
    context.workbook.application.suspendApiCalculationUntilNextSync();
    const sheets = new Map<schema.SheetId, Excel.Worksheet>();
    for (const id of Object.keys(schema.SHEET_NAMES) as schema.SheetId[]) {
      const ws = context.workbook.worksheets.add(schema.SHEET_NAMES[id][lang]);
      ws.freezePanes.freezeRows(1);
      sheets.set(id, ws);
    }
    const sheet = (id: schema.SheetId): Excel.Worksheet => {
      const ws = sheets.get(id);
      if (ws === undefined) throw new RangeError(id);
      return ws;
    };
    for (const spec of schema.TABLES) addTable(sheet(spec.sheet), spec, lang);
    settings(context, sheet("settings"), lang);
    dashboard(sheet("dashboard"), lang);
    for (const id of ["tours", "team"] as const) {
      const headers = schema.PLACEHOLDER_HEADERS[id][lang];
      sheet(id).getRange(rectAddress({ r0: 0, c0: 0, r1: 0, c1: headers.length - 1 })).values = [headers];
    }
    if (schemaSheet.isNullObject) addHiddenSheet(context, schema.SCHEMA_SHEET);
    const own = new Set<string>(["cadence.schema", ...schema.TABLES.map((t) => t.name)]);
    const merged = [
      ...schema.schemaRows(lang),
      ...previous.filter((r) => !own.has(r[0] ?? "") && (r[0] ?? "") !== ""),
    ];
    const write = schemaWrite(previous, merged);
    context.workbook.worksheets.getItem(schema.SCHEMA_SHEET).getRange(write.address).values =
      write.values as string[][];
    if (undoSheet.isNullObject) addHiddenSheet(context, schema.UNDO_SHEET);
    sheet("clients").activate();
    await context.sync();
    progress?.({ phase: "write", done: 2, total: 2 });
  });
}
