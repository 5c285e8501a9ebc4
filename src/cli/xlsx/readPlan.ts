/**
 * Reads a plan workbook file (the template, once a rep filled it) back into plain grids keyed by
 * Cadence's stable column ids, so the CLI can parse it with the core.
 */
import ExcelJS from "exceljs";
import type { CellValue, Grid } from "../../core/types";
import * as schema from "../../core/workbook/schema";
import type { Lang, TableId } from "../../core/workbook/schema";
import { CliError } from "../errors";

export interface PlanTableRead {
  /** Sheet the table is on, and the 1-based row of its header. */
  sheet: string;
  headerRow: number;
  headers: string[];
  /** Cadence column id of each header (null for a rep's own extra column). */
  columnIds: (string | null)[];
  /** Header row first, then data rows; trailing blank rows dropped, inner blanks kept (row numbers stay true). */
  grid: Grid;
}

export interface PlanWorkbookRead {
  lang: Lang;
  schemaVersion: number | null;
  tables: Record<TableId, PlanTableRead>;
  /** Setting name (e.g. Cadence_PeriodStart) → value. Dates as ISO yyyy-mm-dd. */
  settings: Record<string, CellValue>;
}

const iso = (d: Date): string => d.toISOString().slice(0, 10);

/** ExcelJS cell values (dates, formulas, rich text, hyperlinks, errors) → the plain values Excel's API hands over. */
export function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return iso(value);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("error" in value) return value.error;
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return result === undefined ? "" : plainValue(result);
  }
  if ("text" in value) return typeof value.text === "string" ? value.text : plainValue(value.text);
  return "";
}

function readTable(
  wb: ExcelJS.Workbook,
  spec: schema.TableSpec,
  lang: Lang,
  ids: readonly string[] | undefined,
): PlanTableRead {
  const sheetName = schema.SHEET_NAMES[spec.sheet][lang];
  const ws = wb.getWorksheet(sheetName);
  if (ws === undefined) {
    throw new CliError(`Sheet "${sheetName}" is missing (feuille « ${sheetName} » absente).`);
  }
  const anchor = schema.parseCell(spec.anchor);
  const row = (r: number): CellValue[] => {
    const out: CellValue[] = [];
    const values = ws.getRow(r);
    for (let c = anchor.col; c < anchor.col + width; c++) out.push(plainValue(values.getCell(c + 1).value));
    return out;
  };
  let width = 0;
  while (plainValue(ws.getRow(anchor.row).getCell(anchor.col + width + 1).value) !== "") width++;
  const headers = row(anchor.row).map(String);
  const byText = new Map(spec.columns.flatMap((c) => [[c.fr, c.id] as const, [c.en, c.id] as const]));
  const columnIds = headers.map((h, i) => ids?.[i] ?? byText.get(h) ?? null);
  // A table on a shared sheet (Norms, Channels) ends at its first blank row; elsewhere blanks are kept.
  const grid: CellValue[][] = [headers];
  const blank = (r: readonly CellValue[]): boolean => r.every((v) => v === "");
  for (let r = anchor.row + 1; r <= ws.rowCount; r++) {
    const values = row(r);
    if (spec.sheet === "settings" && blank(values)) break;
    grid.push(values);
  }
  while (grid.length > 1 && blank(grid[grid.length - 1] ?? [])) grid.pop();
  return { sheet: sheetName, headerRow: anchor.row, headers, columnIds, grid };
}

function detectLang(wb: ExcelJS.Workbook, fromSchema: Lang | null): Lang {
  if (fromSchema !== null) return fromSchema;
  return wb.getWorksheet(schema.SHEET_NAMES.settings.en) === undefined ? "fr" : "en";
}

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (error: unknown) {
    const why = error instanceof Error ? error.message : String(error);
    throw new CliError(`${file}: not a readable .xlsx file (fichier illisible): ${why}`);
  }
  return wb;
}

/** Whether a loaded workbook is a plan workbook (the add-in's or the template's: it has the schema sheet). */
export const isPlanWorkbook = (wb: ExcelJS.Workbook): boolean =>
  wb.getWorksheet(schema.SCHEMA_SHEET) !== undefined;

export async function readPlanWorkbook(file: string): Promise<PlanWorkbookRead> {
  return planWorkbookOf(await loadWorkbook(file));
}

export function planWorkbookOf(wb: ExcelJS.Workbook): PlanWorkbookRead {
  const hidden = wb.getWorksheet(schema.SCHEMA_SHEET);
  const rows: unknown[][] = [];
  hidden?.eachRow((r) =>
    rows.push(Array.from({ length: r.cellCount }, (_, i) => plainValue(r.getCell(i + 1).value))),
  );
  const parsed = schema.parseSchemaRows(rows);
  const lang = detectLang(wb, hidden === undefined ? null : parsed.lang);
  const tables = {} as Record<TableId, PlanTableRead>;
  for (const spec of schema.TABLES)
    tables[spec.name] = readTable(wb, spec, lang, parsed.tables.get(spec.name));
  const settings: Record<string, CellValue> = {};
  for (const s of schema.SETTINGS) {
    const ranges = wb.definedNames.getRanges(s.name).ranges;
    const parts = (ranges[0] ?? "").split("!");
    const ws = parts.length === 2 ? wb.getWorksheet((parts[0] ?? "").replace(/^'|'$/g, "")) : undefined;
    settings[s.name] =
      ws === undefined ? "" : plainValue(ws.getCell((parts[1] ?? "").replace(/\$/g, "")).value);
  }
  return { lang, schemaVersion: hidden === undefined ? null : parsed.version, tables, settings };
}
