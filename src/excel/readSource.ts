/** Reads a rep's table, the selection, or Cadence's Clients table: 1 round trip. */
import * as schema from "../core/workbook/schema";
import type { Lang } from "../core/workbook/schema";
import type { CellValue } from "../core/types";
import { intersectRects, parseAddress, rectAddress, sheetOf } from "./a1";
import type { Rect } from "./a1";
import { currentRegion } from "./region";
import { gatewayError } from "./errors";
import type { SourceLocation, SourceRead, SourceSpec } from "./gateway.types";

/** The key of a source in the schema sheet: its table name, or "Sheet!A1" of its header's first cell. */
export function sourceKey(location: SourceLocation): string {
  return (
    location.table ?? `${location.sheet}!${schema.columnLetters(location.firstColumn)}${location.headerRow}`
  );
}

export function cellString(v: unknown): string {
  if (typeof v === "string") return v;
  return typeof v === "number" || typeof v === "boolean" ? String(v) : "";
}

/** What the schema sheet says: language, and per source the Cadence columns it holds. */
export interface SchemaState {
  lang: Lang | null;
  rows: string[][];
  tables: Map<string, string[]>;
}

export function schemaState(values: readonly (readonly unknown[])[] | null): SchemaState {
  if (values === null) return { lang: null, rows: [], tables: new Map() };
  const rows = values.map((r) => r.map(cellString));
  const parsed = schema.parseSchemaRows(rows);
  return { lang: parsed.version === null ? null : parsed.lang, rows, tables: parsed.tables };
}

/**
 * Cadence column id → index in `headers`. Cadence's own tables record ids in column order; a rep's
 * source records "id=header written" entries, found again by that header wherever the rep moved it.
 */
export function cadenceColumnsOf(
  state: SchemaState,
  key: string,
  headers: readonly string[],
): Record<string, number> {
  const out: Record<string, number> = {};
  const entries = state.tables.get(key) ?? [];
  // A column deleted from one of Cadence's tables shifts the recorded positions: find them by header then.
  const shifted = entries.filter((e) => !e.includes("=")).length > headers.length;
  const spec = schema.TABLES.find((t) => t.name === key);
  entries.forEach((entry, i) => {
    const eq = entry.indexOf("=");
    if (eq < 0) {
      const column = shifted ? spec?.columns.find((c) => c.id === entry) : undefined;
      if (column !== undefined) {
        const at = headers.findIndex((h) => h === column.fr || h === column.en);
        if (at >= 0) out[entry] = at;
      } else if (!shifted && i < headers.length) out[entry] = i;
      return;
    }
    const index = headers.indexOf(entry.slice(eq + 1));
    if (index >= 0) out[entry.slice(0, eq)] = index;
  });
  return out;
}

export const headerText = (v: CellValue): string => cellString(v).trim();

/** The smallest rectangle holding every filled cell of `rect` (sheet coordinates), or null. */
function filledPart(all: readonly (readonly CellValue[])[], frame: Rect, rect: Rect): Rect | null {
  let out: Rect | null = null;
  for (let r = rect.r0; r <= rect.r1; r++) {
    const row = all[r - frame.r0] ?? [];
    for (let c = rect.c0; c <= rect.c1; c++) {
      const v = row[c - frame.c0];
      if (v === undefined || v === null || v === "") continue;
      out =
        out === null
          ? { r0: r, c0: c, r1: r, c1: c }
          : {
              r0: Math.min(out.r0, r),
              c0: Math.min(out.c0, c),
              r1: Math.max(out.r1, r),
              c1: Math.max(out.c1, c),
            };
    }
  }
  return out;
}

/**
 * The selected cells that hold something (the used part of whole columns or rows, "Feuil1!A:C",
 * "1:4"), or, for a single cell or row, its current region, out of the sheet's used range.
 */
function selectionGrid(
  address: string,
  used: Excel.Range | null,
): { rect: Rect; values: CellValue[][] } | null {
  if (used === null) return null;
  const selection = parseAddress(address);
  const frame = used.isNullObject ? null : parseAddress(used.address);
  const all = frame === null ? [] : (used.values as CellValue[][]);
  const overlap = frame === null ? null : intersectRects(selection, frame);
  const inUse = frame === null || overlap === null ? null : filledPart(all, frame, overlap);
  if (frame === null || inUse === null) return { rect: selection, values: [] };
  const rect =
    selection.r1 > selection.r0
      ? inUse
      : (() => {
          const r = currentRegion(all, inUse.r0 - frame.r0, inUse.c0 - frame.c0);
          return { r0: r.r0 + frame.r0, c0: r.c0 + frame.c0, r1: r.r1 + frame.r0, c1: r.c1 + frame.c0 };
        })();
  const values = Array.from({ length: rect.r1 - rect.r0 + 1 }, (_, i) =>
    Array.from(
      { length: rect.c1 - rect.c0 + 1 },
      (_, j) => all[rect.r0 + i - frame.r0]?.[rect.c0 + j - frame.c0] ?? "",
    ),
  );
  return { rect, values };
}

export async function readSource(
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>,
  from: SourceSpec,
): Promise<SourceRead & { undoPresent: boolean; lang: Lang | null }> {
  const tableName = from === "clients" ? "Clients" : from === "selection" ? null : from.table;
  return run(async (context) => {
    const table = tableName === null ? null : context.workbook.tables.getItemOrNullObject(tableName);
    table?.load("name");
    // A selection is read through its sheet's used range, so one clicked cell can stand for its list
    // and whole columns give their used part. getSelectedRanges: getSelectedRange fails on several areas.
    const range = table === null ? context.workbook.getSelectedRanges() : table.getRange();
    range.load(table === null ? "address,areaCount" : "address,values");
    const used =
      table === null ? range.worksheet.getUsedRangeOrNullObject(true).load("address,values") : null;
    const sheets = context.workbook.worksheets;
    const schemaRange = sheets.getItemOrNullObject(schema.SCHEMA_SHEET).getUsedRangeOrNullObject(true);
    schemaRange.load("values");
    const undoRange = sheets.getItemOrNullObject(schema.UNDO_SHEET).getUsedRangeOrNullObject(true);
    undoRange.load("address");
    await context.sync();
    if (table?.isNullObject === true) {
      throw gatewayError(from === "clients" ? "notPlanWorkbook" : "tableMissing", { table: tableName ?? "" });
    }
    if (table === null && (range as Excel.RangeAreas).areaCount > 1) {
      throw gatewayError("severalAreas", { address: range.address });
    }
    const selected = selectionGrid(range.address, used);
    const values = selected?.values ?? ((range as Excel.Range).values as CellValue[][]);
    const headers = (values[0] ?? []).map(headerText);
    if (values.length < 2 || headers.every((h) => h === "")) throw gatewayError("emptySource");
    const rect = selected?.rect ?? parseAddress(range.address);
    const location: SourceLocation = {
      sheet: sheetOf(range.address),
      table: table === null ? null : table.name,
      headerRow: rect.r0 + 1,
      firstColumn: rect.c0,
      address: rectAddress(rect),
    };
    const state = schemaState(schemaRange.isNullObject ? null : (schemaRange.values as unknown[][]));
    return {
      location,
      grid: values,
      headers,
      cadenceColumns: cadenceColumnsOf(state, sourceKey(location), headers),
      undoPresent: !undoRange.isNullObject,
      lang: state.lang,
    };
  });
}
