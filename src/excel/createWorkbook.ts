/**
 * Creates the plan workbook in the open workbook: 1 round trip to check, then the build, which carries
 * the copied portfolio in ceil(bytes / budget) batches (1 for an empty table or a 10,000-row portfolio);
 * 1 more to take it all away again if a batch fails or the rep cancels.
 */
import { DEFAULT_CHANNELS, STRATEGIC_SEGMENTS } from "../core/types";
import * as schema from "../core/workbook/schema";
import type { Lang, TableSpec } from "../core/workbook/schema";
import { isoToExcelSerial } from "../core/tracking";
import { rectAddress } from "./a1";
import { beforeCreate, clashOf, queueCreateCheck } from "./createCheck";
import type { BeforeCreate } from "./createCheck";
import { rollBack } from "./createRollback";
import { checkAborted, gatewayError } from "./errors";
import type { PortfolioCopy, ProgressFn } from "./gateway.types";
import { broadcastNumberFormat } from "./office";
import { addHiddenSheet, schemaWrite } from "./undoStore";
import type { ExcelRun } from "./office";
import { executeWrites } from "./batches";
import { copyLayout } from "./portfolioCopy";
import type { CopyLayout } from "./portfolioCopy";
import { asTypedText, textAsTyped } from "./typedText";

const STATUS_COLOURS: Readonly<Record<schema.PlannedStatus, string>> = {
  Under: "#F8CBAD",
  OnTrack: "#C6EFCE",
  Over: "#FFEB9C",
};

function tableBody(spec: TableSpec, lang: Lang): unknown[][] {
  if (spec.name === "Norms") {
    return STRATEGIC_SEGMENTS.map((s) => [
      lang === "fr" ? s.labelFr : s.labelEn,
      ...DEFAULT_CHANNELS.map((c) => schema.DEFAULT_NORMS[s.id][c.id] ?? 0),
    ]);
  }
  if (spec.name === "Channels")
    return DEFAULT_CHANNELS.map((c) => [c.id, lang === "fr" ? c.labelFr : c.labelEn, c.weight]);
  return [spec.columns.map(() => "")];
}

/**
 * Adds a table. A copied portfolio sizes the body (`copy.rows`), whose values come in the copy's
 * writes, and adds the rep's own columns (`copy.extraHeaders`) at the table's right.
 */
function addTable(
  ws: Excel.Worksheet,
  spec: TableSpec,
  lang: Lang,
  copy?: { rows: number; extraHeaders: readonly string[] },
): void {
  const anchor = schema.parseCell(spec.anchor);
  const body = tableBody(spec, lang);
  const extra = copy?.extraHeaders ?? [];
  const rect = {
    r0: anchor.row - 1,
    c0: anchor.col,
    r1: anchor.row - 1 + (copy === undefined ? body.length : Math.max(1, copy.rows)),
    c1: anchor.col + spec.columns.length + extra.length - 1,
  };
  const headers = [...spec.columns.map((c) => schema.header(c, lang)), ...extra];
  // The rep's own headers are text as they are (a column named "-" or "+ info").
  const typed = headers.map(asTypedText);
  if (copy === undefined) ws.getRange(rectAddress(rect)).values = [typed, ...body];
  else ws.getRange(rectAddress({ ...rect, r1: rect.r0 })).values = [typed];
  const table = ws.tables.add(rectAddress(rect), true);
  table.name = spec.name;
  spec.columns.forEach((c, i) => {
    // The table's body only: Excel extends a table column's format, validation and conditional
    // formats to the rows added later, so the sheet's used range stays the table.
    const col = rect.c0 + i;
    const range = ws.getRange(rectAddress({ r0: rect.r0 + 1, c0: col, r1: rect.r1, c1: col }));
    if (spec.sheet !== "settings") broadcastNumberFormat(range, schema.NUMBER_FORMATS[c.kind]);
    // Sync's row id is Cadence's, not the rep's: kept with the row, out of sight (ExcelApi 1.2).
    if (c.id === schema.ROW_ID_COLUMN.id) range.columnHidden = true;
    if (c.list !== undefined) {
      range.dataValidation.rule = {
        list: { inCellDropDown: true, source: schema.listValues(c.list, lang).join(",") },
      };
    }
    if (c.list === "status") {
      for (const status of Object.keys(STATUS_COLOURS) as schema.PlannedStatus[]) {
        const cf = range.conditionalFormats.add("ContainsText");
        cf.textComparison.format.fill.color = STATUS_COLOURS[status];
        cf.textComparison.rule = { operator: "Contains", text: schema.STATUS_LABELS[status][lang] };
      }
    }
  });
}

function settings(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  lang: Lang,
  specs: readonly schema.SettingSpec[],
): void {
  const rows = specs.map((s) => [
    lang === "fr" ? s.fr : s.en,
    s.kind === "date" && typeof s.value === "string" ? isoToExcelSerial(s.value) : s.value,
  ]);
  ws.getRange(`A1:B${rows.length + 1}`).values = [
    lang === "fr" ? ["Paramètre", "Valeur"] : ["Setting", "Value"],
    ...rows,
  ];
  specs.forEach((s, i) => {
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

/** The schema rows after the creation: Cadence's tables, then what another source had recorded. */
function mergedSchema(lang: Lang, previous: readonly string[][]): string[][] {
  const own = new Set<string>(["cadence.schema", ...schema.TABLES.map((t) => t.name)]);
  return [...schema.schemaRows(lang), ...previous.filter((r) => !own.has(r[0] ?? "") && (r[0] ?? "") !== "")];
}

/** Queues every sheet, table, name, chart and the schema rows (the build's structure). */
function queueBuild(
  context: Excel.RequestContext,
  lang: Lang,
  copy: CopyLayout | null,
  before: BeforeCreate,
  merged: readonly (readonly string[])[],
  specs: readonly schema.SettingSpec[],
): () => void {
  return () => {
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
    for (const spec of schema.TABLES) {
      const copied = spec.name === "Clients" && copy !== null ? copy : undefined;
      addTable(sheet(spec.sheet), spec, lang, copied);
    }
    settings(context, sheet("settings"), lang, specs);
    dashboard(sheet("dashboard"), lang);
    for (const id of ["tours", "team"] as const) {
      const headers = schema.PLACEHOLDER_HEADERS[id][lang];
      sheet(id).getRange(rectAddress({ r0: 0, c0: 0, r1: 0, c1: headers.length - 1 })).values = [headers];
    }
    if (before.schemaRows === null) addHiddenSheet(context, schema.SCHEMA_SHEET);
    const write = schemaWrite(before.schemaRows ?? [], merged);
    context.workbook.worksheets.getItem(schema.SCHEMA_SHEET).getRange(write.address).values = textAsTyped(
      write.values as string[][],
    );
    if (!before.undoSheet) addHiddenSheet(context, schema.UNDO_SHEET);
    sheet("clients").activate();
  };
}

/** Forwards the build's progress; a cancel stops it before its next batch (not after the last). */
function cancellable(progress: ProgressFn | undefined, signal: AbortSignal | undefined): ProgressFn {
  return (p) => {
    progress?.(p);
    if (p.done < p.total) checkAborted(signal);
  };
}

/**
 * All or nothing: when a batch of the build fails or the rep cancels between batches, one more
 * round trip removes what the creation added and the error says so (createRollback.ts).
 */
export async function createPlanWorkbook(
  run: ExcelRun,
  options: { lang: Lang; budget: number; portfolio?: PortfolioCopy; year?: number },
  progress?: ProgressFn,
  signal?: AbortSignal,
): Promise<void> {
  const { lang } = options;
  const copy = options.portfolio === undefined ? null : copyLayout(options.portfolio, lang);
  const specs = options.year === undefined ? schema.SETTINGS : schema.initialSettings(options.year);
  await run(async (context) => {
    progress?.({ phase: "check", done: 0, total: 1 });
    // A rep who adopted their own table first already has the hidden sheets: they are kept and merged.
    const check = queueCreateCheck(context, lang);
    await context.sync();
    const clash = clashOf(check);
    if (clash !== null) throw gatewayError("alreadyExists", { name: clash });
    const before = beforeCreate(check, lang);
    const merged = mergedSchema(lang, before.schemaRows ?? []);
    checkAborted(signal);

    // The build goes with the first batch of copied rows; a large portfolio adds batches under the budget.
    try {
      await executeWrites(
        context,
        copy?.writes(schema.SHEET_NAMES.clients[lang]) ?? [],
        options.budget,
        queueBuild(context, lang, copy, before, merged, specs),
        cancellable(progress, signal),
      );
    } catch (error: unknown) {
      throw await rollBack(context, before, merged, error);
    }
  });
}
