/**
 * A workbook held as plain grids: applies sync's writes the way every host must (cells, then rows
 * removed bottom-up, then rows added at the end). The CLI keeps its file in one; tests use it as a
 * second copy of a workbook.
 */
import type { CellValue } from "../../core/types";
import type { SheetTable, SyncedTableId, WorkbookIO, WorkbookSyncInput, WorkbookSyncWrite } from "./types";

export interface MemoryWorkbook extends WorkbookIO {
  /** The workbook now (mutable grids). */
  readonly input: WorkbookSyncInput;
  /** The Pilotage / Steering sheet as last written (header first). */
  steering: CellValue[][] | null;
  conflicts: CellValue[][];
  writes: number;
}

export function applyTableWrite(table: SheetTable, w: WorkbookSyncWrite, id: SyncedTableId): void {
  const edits = w.tables[id];
  if (edits === undefined) return;
  const rows = table.rows as CellValue[][];
  for (const c of edits.cells) {
    const row = rows.at(c.row);
    if (row !== undefined) row[c.col] = c.value;
  }
  for (const r of [...edits.remove].sort((a, b) => b - a)) rows.splice(r, 1);
  for (const row of edits.append) rows.push([...row]);
}

export function applyWrite(input: WorkbookSyncInput, w: WorkbookSyncWrite): void {
  for (const id of ["Clients", "Contacts", "Actions"] as const) applyTableWrite(input.tables[id], w, id);
  Object.assign(input.settings as Record<string, CellValue>, w.settings);
  for (const [name, key] of [
    ["Norms", "norms"],
    ["Channels", "channels"],
  ] as const) {
    const t = input[key];
    for (const c of w.params?.[name] ?? []) {
      const row = (t?.rows as CellValue[][] | undefined)?.at(c.row);
      if (row !== undefined) row[c.col] = c.value;
    }
  }
  (input as { state: readonly string[] }).state = [...w.state];
  (input as { conflictRows: readonly (readonly CellValue[])[] }).conflictRows = w.conflicts
    .slice(1)
    .map((r) => [...r]);
}

const clone = (input: WorkbookSyncInput): WorkbookSyncInput => structuredClone(input);

export function memoryWorkbook(initial: WorkbookSyncInput): MemoryWorkbook {
  const wb: MemoryWorkbook = {
    input: clone(initial),
    steering: null,
    conflicts: [],
    writes: 0,
    read: () => Promise.resolve(clone(wb.input)),
    write: (w) => {
      applyWrite(wb.input, w);
      if (w.steering !== null) wb.steering = w.steering.map((r) => [...r]);
      wb.conflicts = w.conflicts.map((r) => [...r]);
      wb.writes += 1;
      return Promise.resolve();
    },
  };
  return wb;
}
