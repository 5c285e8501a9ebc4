/**
 * The plan workbook as sync sees it: plain grids keyed by Cadence's column ids, read and written by
 * a host (the Excel gateway in the pane, ExcelJS in the CLI). Row indexes are 0-based data rows.
 */
import type { CellValue } from "../types";
import type { Lang } from "./schema";

export type SyncedTableId = "Clients" | "Contacts" | "Actions";

export interface SheetTable {
  /** Cadence's column id of each column; null for the rep's own columns. */
  columnIds: readonly (string | null)[];
  headers: readonly string[];
  rows: readonly (readonly CellValue[])[];
}

export interface WorkbookSyncInput {
  lang: Lang;
  tables: Record<SyncedTableId, SheetTable>;
  norms: SheetTable | null;
  channels: SheetTable | null;
  /** Named settings (Cadence_PeriodStart…) → value; dates as ISO text or serials. */
  settings: Readonly<Record<string, CellValue>>;
  /** The hidden sync sheet's column A: the snapshot as JSON, in chunks. */
  state: readonly string[];
  /** The Conflits sheet's data rows as read (empty when it does not exist). */
  conflictRows: readonly (readonly CellValue[])[];
}

export interface TableEdits {
  /** Cells to set in existing rows (row: data row index as read, col: column index). */
  cells: { row: number; col: number; value: CellValue }[];
  /** Data rows to delete (indexes as read); the host deletes them from the bottom up, after the cells. */
  remove: number[];
  /** Whole rows to add at the end of the table, one value per column. */
  append: CellValue[][];
}

export interface WorkbookSyncWrite {
  tables: Partial<Record<SyncedTableId, TableEdits>>;
  /** Named settings to set. */
  settings: Record<string, CellValue>;
  /** Cells of the Norms and Channels tables (data row, column, value as read) another copy's plan changed. */
  params?: Partial<Record<"Norms" | "Channels", { row: number; col: number; value: CellValue }[]>>;
  /** The Pilotage / Steering sheet (header row first), or null to leave it as it is. */
  steering: CellValue[][] | null;
  /** The Conflits sheet (header row first); a header alone when nothing is held. */
  conflicts: CellValue[][];
  /** The snapshot's JSON chunks for the hidden sync sheet's column A (the rest of it is cleared). */
  state: string[];
}

/** What the host does: one read of everything, then writes (each all of a piece, in batches). */
export interface WorkbookIO {
  read(): Promise<WorkbookSyncInput>;
  write(edits: WorkbookSyncWrite): Promise<void>;
}

export const SYNC_STATE_SHEET = "_cadence_sync";
export const CONFLICTS_SHEET: Readonly<Record<Lang, string>> = { fr: "Conflits", en: "Conflicts" };
export const STEERING_SHEET: Readonly<Record<Lang, string>> = { fr: "Pilotage", en: "Steering" };
/** Characters of JSON per cell of the hidden sync sheet (Excel holds 32,767). */
export const STATE_CHUNK = 30_000;
