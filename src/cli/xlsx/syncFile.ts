/**
 * A plan workbook file as sync's plain grids (ExcelJS): the Clients, Contacts and Actions tables by
 * their schema anchors, the named settings, the hidden sync sheet and the Conflits sheet. Sync's
 * writes are applied to the ExcelJS workbook (tables grow and shrink with their rows) and the file is
 * written through a temporary file renamed over it, so it is never left half written.
 */
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import type { CellValue } from "../../core/types";
import * as schema from "../../core/workbook/schema";
import {
  CONFLICTS_SHEET,
  STEERING_SHEET,
  SYNC_STATE_SHEET,
  type SheetTable,
  type SyncedTableId,
  type WorkbookSyncInput,
  type WorkbookSyncWrite,
} from "../../sync";
import { CliError } from "../errors";
import { plainValue, readPlanWorkbook } from "./readPlan";

const SYNCED: readonly SyncedTableId[] = ["Clients", "Contacts", "Actions"];

export interface SyncFile {
  input: WorkbookSyncInput;
  /** Applies a write to the workbook in memory and saves the file (atomically). */
  write(w: WorkbookSyncWrite): Promise<void>;
  /** Adds rows to a table in memory (the CRM export's contacts), saved with the next write. */
  append(table: SyncedTableId, rows: CellValue[][]): void;
}

function tableOf(
  ws: ExcelJS.Worksheet,
  name: string,
): { table: { tableRef: string; autoFilterRef?: string } } | null {
  const t = ws.getTable(name) as unknown as
    { table?: { tableRef: string; autoFilterRef?: string } } | undefined;
  return t?.table === undefined ? null : { table: t.table };
}

export async function openSyncFile(file: string): Promise<SyncFile> {
  const read = await readPlanWorkbook(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const lang = read.lang;
  const tables = {} as Record<SyncedTableId, SheetTable>;
  for (const id of SYNCED) {
    const t = read.tables[id];
    const [headers = [], ...rows] = t.grid;
    if (!t.columnIds.includes("rowId"))
      throw new CliError(
        `${file}: the ${id} table has no "${schema.header(schema.ROW_ID_COLUMN, lang)}" column: this file comes from an older Cadence; create a new one with 'cadence template' and copy your rows into it. / La table ${id} n'a pas de colonne « ${schema.ROW_ID_COLUMN.fr} » : fichier d'une version antérieure.`,
      );
    tables[id] = { columnIds: t.columnIds, headers: headers.map(String), rows: rows.map((r) => [...r]) };
  }
  const sheetTable = (id: "Norms" | "Channels"): SheetTable => {
    const t = read.tables[id];
    const [headers = [], ...rows] = t.grid;
    return { columnIds: t.columnIds, headers: headers.map(String), rows };
  };
  const column = (ws: ExcelJS.Worksheet | undefined, c: number): string[] => {
    const out: string[] = [];
    ws?.eachRow((r) => {
      const v = plainValue(r.getCell(c).value);
      if (typeof v === "string" && v !== "") out.push(v);
    });
    return out;
  };
  const conflictsWs = wb.getWorksheet(CONFLICTS_SHEET[lang]);
  const conflictRows: CellValue[][] = [];
  conflictsWs?.eachRow((r, n) => {
    if (n > 1) conflictRows.push(Array.from({ length: 9 }, (_, i) => plainValue(r.getCell(i + 1).value)));
  });
  const input: WorkbookSyncInput = {
    lang,
    tables,
    norms: sheetTable("Norms"),
    channels: sheetTable("Channels"),
    settings: read.settings,
    state: column(wb.getWorksheet(SYNC_STATE_SHEET), 1),
    conflictRows,
  };

  const pendingAppends = new Map<SyncedTableId, CellValue[][]>();
  return {
    input,
    append(id, rows) {
      (tables[id].rows as CellValue[][]).push(...rows.map((r) => [...r]));
      pendingAppends.set(id, [...(pendingAppends.get(id) ?? []), ...rows]);
    },
    async write(w) {
      // Rows added in memory (the CRM export's contacts) reach the file first, then the write's edits.
      const appended = new Map(pendingAppends);
      pendingAppends.clear();
      applyToFile(wb, read, lang, w, appended);
      await saveAtomically(wb, file);
    },
  };
}

function applyToFile(
  wb: ExcelJS.Workbook,
  read: Awaited<ReturnType<typeof readPlanWorkbook>>,
  lang: schema.Lang,
  w: WorkbookSyncWrite,
  appended: ReadonlyMap<SyncedTableId, CellValue[][]>,
): void {
  for (const id of SYNCED) {
    const spec = schema.table(id);
    const ws = wb.getWorksheet(read.tables[id].sheet);
    if (ws === undefined) continue;
    const anchor = schema.parseCell(spec.anchor);
    const width = read.tables[id].columnIds.length;
    const edits = w.tables[id];
    // Rows in the file now: the data rows below the header (blank trailing rows dropped when read).
    const put = (row: number, col: number, value: CellValue): void => {
      ws.getCell(anchor.row + 1 + row, anchor.col + col + 1).value = value === undefined ? null : value;
    };
    let rows = rowCount(ws, anchor, width);
    for (const row of appended.get(id) ?? []) {
      row.forEach((v, c) => {
        put(rows, c, v);
      });
      rows += 1;
    }
    if (edits !== undefined) {
      for (const c of edits.cells) put(c.row, c.col, c.value);
      for (const r of [...edits.remove].sort((a, b) => b - a)) {
        ws.spliceRows(anchor.row + 1 + r, 1);
        rows -= 1;
      }
      for (const row of edits.append) {
        row.forEach((v, c) => {
          put(rows, c, v);
        });
        rows += 1;
      }
    }
    const t = tableOf(ws, id);
    if (t !== null) {
      const ref = `${spec.anchor}:${schema.columnLetters(anchor.col + width - 1)}${anchor.row + Math.max(1, rows)}`;
      t.table.tableRef = ref;
      t.table.autoFilterRef = ref;
    }
  }
  // Another copy's norms and channel weights, cell by cell, where the file's tables are.
  for (const id of ["Norms", "Channels"] as const) {
    const ws = wb.getWorksheet(read.tables[id].sheet);
    if (ws === undefined) continue;
    const anchor = schema.parseCell(schema.table(id).anchor);
    for (const c of w.params?.[id] ?? [])
      ws.getCell(anchor.row + 1 + c.row, anchor.col + c.col + 1).value =
        c.value === undefined ? null : c.value;
  }
  for (const [name, value] of Object.entries(w.settings)) {
    const ranges = wb.definedNames.getRanges(name).ranges;
    const [sheet = "", cell = ""] = (ranges[0] ?? "").split("!");
    const ws = wb.getWorksheet(sheet.replace(/^'|'$/g, ""));
    if (ws !== undefined && cell !== "") ws.getCell(cell.replace(/\$/g, "")).value = value ?? null;
  }
  replaceSheet(
    wb,
    SYNC_STATE_SHEET,
    w.state.map((s) => [s]),
    "hidden",
  );
  replaceSheet(wb, CONFLICTS_SHEET[lang], w.conflicts, "visible");
  if (w.steering !== null) replaceSheet(wb, STEERING_SHEET[lang], w.steering, "visible");
}

/** Data rows of a table: up to the last row with a value in one of its columns. */
function rowCount(ws: ExcelJS.Worksheet, anchor: { row: number; col: number }, width: number): number {
  let last = anchor.row;
  for (let r = anchor.row + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    for (let c = anchor.col; c < anchor.col + width; c++)
      if (plainValue(row.getCell(c + 1).value) !== "") {
        last = r;
        break;
      }
  }
  return last - anchor.row;
}

function replaceSheet(
  wb: ExcelJS.Workbook,
  name: string,
  rows: readonly (readonly CellValue[])[],
  state: "hidden" | "visible",
): void {
  const old = wb.getWorksheet(name);
  if (old !== undefined) wb.removeWorksheet(old.id);
  if (rows.length === 0 && state === "visible") return;
  const ws = wb.addWorksheet(name, { state });
  for (const r of rows) ws.addRow(r.map((v) => (v === undefined ? null : v)));
  if (state === "visible") ws.getRow(1).font = { bold: true };
}

async function saveAtomically(wb: ExcelJS.Workbook, file: string): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.sync.tmp`);
  try {
    await wb.xlsx.writeFile(tmp);
    await rename(tmp, file);
  } catch (error: unknown) {
    await rm(tmp, { force: true });
    throw new CliError(
      `${file}: cannot write the file (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}
