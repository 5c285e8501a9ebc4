/**
 * The workbook's synced sheets for sync (src/sync/workbook): one read of the Clients, Contacts,
 * Actions, Norms and Channels tables, the named settings, the hidden sync sheet and the Conflits sheet;
 * writes in batches under the request budget (cells of synced columns, rows added with rows.add,
 * rows removed bottom-up after the values, the sync, Conflits and Pilotage sheets rewritten).
 * Round trips: 1 read; 1 + ⌈bytes / budget⌉ per write.
 */
import type { CellValue } from "../core/types";
import * as schema from "../core/workbook/schema";
import type { Lang } from "../core/workbook/schema";
import {
  CONFLICTS_SHEET,
  STEERING_SHEET,
  STATE_CHUNK,
  SYNC_STATE_SHEET,
  type SheetTable,
  type SyncedTableId,
  type WorkbookSyncInput,
  type WorkbookSyncWrite,
} from "../core/workbook/syncSheets";
import { parseAddress, rectAddress, sheetOf } from "./a1";
import { readRanges, type ReadRange } from "./chunkedRead";
import { jsonBytes } from "./chunks";
import { executeWrites } from "./batches";
import type { CellWrite } from "./chunks";
import { gatewayError } from "./errors";
import type { ExcelRun } from "./office";
import { cadenceColumnsOf, headerText, schemaState, type SchemaState } from "./readSource";

const SYNCED: readonly SyncedTableId[] = ["Clients", "Contacts", "Actions"];
type TableName = SyncedTableId | "Norms" | "Channels";
const TABLE_NAMES: readonly TableName[] = [...SYNCED, "Norms", "Channels"];
/** Where the sync sheet keeps the stamp of the snapshot beside it (column A holds the snapshot). */
const STAMP_CELL = "B1";

export interface SyncGateway {
  read(): Promise<WorkbookSyncInput>;
  write(edits: WorkbookSyncWrite): Promise<void>;
}

interface Located {
  /** Sheet and first cell (0-based) of each synced table's first data row. */
  tables: Record<SyncedTableId, { sheet: string; r0: number; c0: number }>;
  /** The same for the Norms and Channels tables, where the workbook has them. */
  params: Partial<Record<"Norms" | "Channels", { sheet: string; r0: number; c0: number }>>;
  /** Named setting → sheet and address of its cell. */
  settings: Map<string, { sheet: string; address: string }>;
  lang: Lang;
  sheets: Set<string>;
}

function columnIds(state: SchemaState, name: TableName, headers: readonly string[]): (string | null)[] {
  const ids: (string | null)[] = headers.map(() => null);
  if (state.tables.has(name)) {
    for (const [id, i] of Object.entries(cadenceColumnsOf(state, name, headers))) ids[i] = id;
    return ids;
  }
  for (const c of schema.table(name).columns) {
    const i = headers.findIndex((h) => h === c.fr || h === c.en);
    if (i >= 0) ids[i] = c.id;
  }
  return ids;
}

export function createSyncGateway(
  run: ExcelRun,
  options: { budgetBytes?: number; readBudgetBytes?: number } = {},
): SyncGateway {
  const budget = options.budgetBytes ?? 4_000_000;
  let located: Located | null = null;
  /** The snapshot this gateway last wrote, and the stamp written with it (B1 of the sync sheet). */
  let lastState: { stamp: string; chunks: string[] } | null = null;
  const readBudget = options.readBudgetBytes ?? 4_000_000;

  const read = (): Promise<WorkbookSyncInput> =>
    run(async (context) => {
      const wb = context.workbook;
      const schemaRange = wb.worksheets
        .getItemOrNullObject(schema.SCHEMA_SHEET)
        .getUsedRangeOrNullObject(true)
        .load("values");
      // Round 1: where everything is, the headers and a sample row; the rows come after, in pieces.
      const tables = TABLE_NAMES.map((name) => {
        const table = wb.tables.getItemOrNullObject(name).load("name");
        return {
          name,
          table,
          range: table.getRange().load("address"),
          header: table.getHeaderRowRange().load("values"),
          sample: table.getRange().getRow(1).load("values"),
        };
      });
      const settings = schema.SETTINGS.map((s) => ({
        name: s.name,
        range: wb.names.getItemOrNullObject(s.name).getRange().load("address,values"),
      }));
      const stateSheet = wb.worksheets.getItemOrNullObject(SYNC_STATE_SHEET);
      const stateRange = stateSheet.getUsedRangeOrNullObject(true).load("address");
      const stamp = stateSheet.getRange(STAMP_CELL).load("values");
      const conflictRanges = (["fr", "en"] as const).map((l) =>
        wb.worksheets.getItemOrNullObject(CONFLICTS_SHEET[l]).getUsedRangeOrNullObject(true).load("values"),
      );
      const sheetList = wb.worksheets.load("items/name");
      await context.sync();

      const clients = tables.find((t) => t.name === "Clients");
      if (clients === undefined || clients.table.isNullObject) throw gatewayError("notPlanWorkbook", {});
      const state = schemaState(schemaRange.isNullObject ? null : (schemaRange.values as unknown[][]));
      const lang: Lang = state.lang ?? "fr";
      const grids = {} as Record<TableName, SheetTable>;
      const where = {} as Located["tables"];
      const params: Located["params"] = {};
      const present = tables.filter((t) => {
        if (!t.table.isNullObject) return true;
        if (SYNCED.includes(t.name as SyncedTableId)) throw gatewayError("tableMissing", { table: t.name });
        return false;
      });
      // The snapshot is read again only when the workbook's is not the one this gateway last wrote.
      const stateRect = stateRange.isNullObject ? null : parseAddress(stateRange.address);
      const stampNow = stateRange.isNullObject ? null : ((stamp.values as CellValue[][])[0]?.[0] ?? null);
      const cached = lastState !== null && stampNow === lastState.stamp ? lastState.chunks : null;
      const readState = stateRect !== null && cached === null;
      const blocks: ReadRange[] = present.map((t) => {
        const rect = parseAddress(t.range.address);
        const sample = jsonBytes((t.sample.values as CellValue[][])[0] ?? []);
        return {
          sheet: sheetOf(t.range.address),
          r0: rect.r0 + 1,
          c0: rect.c0,
          rows: rect.r1 - rect.r0,
          cols: rect.c1 - rect.c0 + 1,
          // The first row and a quarter more, at least a few bytes a cell: a batch of longer rows
          // further down that Excel refuses as too large is read again in halves.
          bytesPerRow: Math.max(sample + (sample >> 2), 4 * (rect.c1 - rect.c0 + 1)) + 2,
        };
      });
      if (stateRect !== null && readState)
        blocks.push({
          sheet: SYNC_STATE_SHEET,
          r0: 0,
          c0: 0,
          rows: stateRect.r1 + 1,
          cols: 1,
          bytesPerRow: STATE_CHUNK + 16,
        });
      const read = await readRanges(context, blocks, readBudget);
      for (const [i, t] of present.entries()) {
        const rows = (read[i] ?? []) as CellValue[][];
        const headers = ((t.header.values as CellValue[][])[0] ?? []).map(headerText);
        const ids = columnIds(state, t.name, headers);
        if (SYNCED.includes(t.name as SyncedTableId) && !ids.includes("rowId"))
          throw gatewayError("missingColumn", { column: schema.ROW_ID_COLUMN.id, where: t.name });
        grids[t.name] = { columnIds: ids, headers, rows };
        const rect = parseAddress(t.range.address);
        const at = { sheet: sheetOf(t.range.address), r0: rect.r0 + 1, c0: rect.c0 };
        if (t.name === "Norms" || t.name === "Channels") params[t.name] = at;
        else where[t.name] = at;
      }
      const values: Record<string, CellValue> = {};
      const settingCells = new Map<string, { sheet: string; address: string }>();
      for (const s of settings) {
        if (s.range.isNullObject) continue;
        values[s.name] = (s.range.values as CellValue[][])[0]?.[0] ?? "";
        settingCells.set(s.name, {
          sheet: sheetOf(s.range.address),
          address: s.range.address.slice(s.range.address.lastIndexOf("!") + 1),
        });
      }
      const [conflictsFr, conflictsEn] = conflictRanges;
      const conflictRange = lang === "fr" ? conflictsFr : conflictsEn;
      located = {
        tables: where,
        params,
        settings: settingCells,
        lang,
        sheets: new Set(sheetList.items.map((s) => s.name)),
      };
      return {
        lang,
        tables: { Clients: grids.Clients, Contacts: grids.Contacts, Actions: grids.Actions },
        norms: (grids as Partial<Record<TableName, SheetTable>>).Norms ?? null,
        channels: (grids as Partial<Record<TableName, SheetTable>>).Channels ?? null,
        settings: values,
        state:
          cached ??
          (readState
            ? ((read[present.length] ?? []) as CellValue[][])
                .map((r) => r[0])
                .filter((v): v is string => typeof v === "string" && v !== "")
            : []),
        conflictRows: conflictRange.isNullObject ? [] : (conflictRange.values as CellValue[][]).slice(1),
      };
    });

  const write = (w: WorkbookSyncWrite): Promise<void> =>
    run(async (context) => {
      const at = located;
      if (at === null) throw new Error("read() first");
      const writes: CellWrite[] = [];
      for (const id of SYNCED) {
        const edits = w.tables[id];
        if (edits === undefined) continue;
        const t = at.tables[id];
        for (const c of edits.cells)
          writes.push({
            sheet: t.sheet,
            address: rectAddress({ r0: t.r0 + c.row, c0: t.c0 + c.col, r1: t.r0 + c.row, c1: t.c0 + c.col }),
            values: [[c.value ?? ""]],
          });
        if (edits.append.length > 0)
          writes.push({
            sheet: "",
            address: `A1:A${edits.append.length}`,
            values: edits.append.map((r) => r.map((v) => v ?? "")),
            appendTo: id,
          });
      }
      // Another copy's norms and channel weights, cell by cell.
      for (const name of ["Norms", "Channels"] as const) {
        const t = at.params[name];
        if (t === undefined) continue;
        for (const c of w.params?.[name] ?? [])
          writes.push({
            sheet: t.sheet,
            address: rectAddress({ r0: t.r0 + c.row, c0: t.c0 + c.col, r1: t.r0 + c.row, c1: t.c0 + c.col }),
            values: [[c.value ?? ""]],
          });
      }
      for (const [name, value] of Object.entries(w.settings)) {
        const cell = at.settings.get(name);
        if (cell !== undefined)
          writes.push({ sheet: cell.sheet, address: cell.address, values: [[value ?? ""]] });
      }
      const sheetWrite = (sheet: string, rows: readonly (readonly CellValue[])[]): void => {
        if (rows.length === 0) return;
        const width = Math.max(1, ...rows.map((r) => r.length));
        writes.push({
          sheet,
          address: rectAddress({ r0: 0, c0: 0, r1: rows.length - 1, c1: width - 1 }),
          values: rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? "")),
        });
      };
      const conflicts = CONFLICTS_SHEET[at.lang];
      const steering = STEERING_SHEET[at.lang];
      const rewrite: { name: string; hidden: boolean }[] = [{ name: SYNC_STATE_SHEET, hidden: true }];
      if (w.conflicts.length > 1 || at.sheets.has(conflicts))
        rewrite.push({ name: conflicts, hidden: false });
      if (w.steering !== null && (w.steering.length > 1 || at.sheets.has(steering)))
        rewrite.push({ name: steering, hidden: false });
      // A new stamp with each snapshot written: the next read knows whether it is still this one.
      const newStamp = crypto.randomUUID();
      sheetWrite(
        SYNC_STATE_SHEET,
        w.state.map((s, i) => (i === 0 ? [s, newStamp] : [s])),
      );
      if (rewrite.some((r) => r.name === conflicts)) sheetWrite(conflicts, w.conflicts);
      if (w.steering !== null && rewrite.some((r) => r.name === steering)) sheetWrite(steering, w.steering);
      await executeWrites(
        context,
        writes,
        budget,
        () => {
          for (const r of rewrite) {
            if (at.sheets.has(r.name)) {
              context.workbook.worksheets.getItem(r.name).getRange().clear();
              continue;
            }
            const ws = context.workbook.worksheets.add(r.name);
            if (r.hidden) ws.visibility = "Hidden";
            at.sheets.add(r.name);
          }
        },
        undefined,
        () => {
          // Rows removed last, bottom-up: the cells and appends above used the read's positions.
          for (const id of SYNCED) {
            const remove = [...(w.tables[id]?.remove ?? [])].sort((a, b) => b - a);
            const rows = context.workbook.tables.getItem(id).rows;
            for (const r of remove) rows.getItemAt(r).delete();
          }
        },
      );
      lastState = w.state.length > 0 ? { stamp: newStamp, chunks: [...w.state] } : null;
    });

  return { read, write };
}
