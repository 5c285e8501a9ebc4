/**
 * The interface the task pane is handed (it never calls Excel.* itself). Plain data only, so the
 * task pane can be tested with a fake gateway and run against the workbench.
 */
import type { CellValue, ChannelCounts, ChannelId, Grid, Lang, RowIssue, SegmentId } from "../core/types";
import type { ManagerSheet } from "../core/workbook/teamSheets";
import type { SegmentReforecast } from "../core/reforecast";

export type { ManagerSheet };

/** What writeManagerSheet wrote: the sheet and its rows below the header. */
export interface ManagerSheetReceipt {
  sheet: string;
  rowsWritten: number;
}

export type { Lang };

/** Progress of a long action; `done` of `total` units of the named phase. */
export interface Progress {
  phase: "read" | "check" | "write" | "undo" | "parse" | "compute";
  done: number;
  total: number;
}
export type ProgressFn = (p: Progress) => void;

/** Where to read a portfolio from: the selected range, any table by name, or Cadence's Clients table. */
export type SourceSpec = "selection" | { table: string } | "clients";

/** Where a read came from, so a later write goes back to the same cells. */
export interface SourceLocation {
  sheet: string;
  /** Table name when the source is an Excel table; null for a plain range. */
  table: string | null;
  /** 1-based sheet row of the header row. */
  headerRow: number;
  /** 0-based sheet column of the first column of the source. */
  firstColumn: number;
  /** A1 address of the whole source (header row included), without the sheet name. */
  address: string;
}

/** A source as read: header row first, then data rows (values as Excel hands them over). */
export interface SourceRead {
  location: SourceLocation;
  grid: Grid;
  /** Header texts, as the rep wrote them. */
  headers: readonly string[];
  /** Cadence column id → 0-based index in `headers`, for columns Cadence wrote earlier (schema sheet). */
  cadenceColumns: Readonly<Record<string, number>>;
}

/** One client's plan, as the core computed it. Written into Cadence's columns only. */
export interface PlanWriteRow {
  clientId: string;
  segment: SegmentId | null;
  /** The norm applied, in weighted contacts (visit-equivalents) per year; null when none. */
  norm: number | null;
  planned: ChannelCounts;
  weightedPlanned: number;
  explanation: string;
}

/**
 * The plan's settings, kept in the workbook's named settings (Cadence_PeriodStart…) so tracking
 * (the pane and refresh) uses the plan's period and calendar. Dates are ISO yyyy-mm-dd.
 */
/** The plan's settings the workbook records (the core's type: core/workbook/planSettings.ts). */
import type { PlanSettings } from "../core/workbook/planSettings";
export type { PlanSettings };

/** Which table or range to write a plan into, and which column holds the client id. */
export interface PlanTarget {
  location: SourceLocation;
  /** 0-based index (within the source's columns) of the client id column. */
  idColumn: number;
  /** Channels to write a planned column for (default: the four built-in channels). */
  channels?: readonly ChannelId[];
  /** Recorded in the workbook's named settings when it has them (a plan workbook); undone with the write. */
  settings?: PlanSettings;
  /**
   * The pane's language, for the headers and segment names of a first write where the workbook does
   * not record one (a rep's own sheet): a French pane never writes English headers.
   */
  lang?: Lang;
}

/**
 * A rep's portfolio copied into a new plan workbook's Clients table. `columns[j]` describes
 * `rows[i][j]`: a Clients column id (id, name, postalCode, city, salesN1, salesN, potential), or
 * null for one of the rep's own columns, kept at the right of the table under its header.
 */
export interface PortfolioCopy {
  columns: readonly { id: string | null; header: string }[];
  rows: readonly (readonly CellValue[])[];
}

export interface CreateWorkbookOptions {
  lang: Lang;
  /** The portfolio to fill the Clients table with; an empty table when absent. */
  portfolio?: PortfolioCopy;
  /** The plan year the Settings' period starts as (1 Jan–31 Dec); absent: the file template's default period. */
  year?: number;
}

export interface WriteReceipt {
  rowsWritten: number;
  /** Cadence column ids added at the right of the source by this write. */
  columnsAdded: readonly string[];
  /** Plan rows whose client id was not found in the target. */
  unmatchedClientIds: readonly string[];
  /** Number of write batches (chunks under the 5 MB request limit). */
  chunks: number;
  /** True when the plan's settings were recorded in the workbook's named settings. */
  settingsRecorded: boolean;
}

/** One contact of the actuals log (table Contacts). Dates are ISO yyyy-mm-dd. */
export interface ContactRow {
  date: string;
  clientId: string;
  channel: ChannelId;
  note: string;
  source: string;
}

export type ContactsSource = { sheet: string } | { csv: string; sourceName?: string };

export interface ContactsImportResult {
  appended: number;
  /** Rows already present in Contacts (same date, client, channel and note). */
  duplicates: number;
  /** Rows whose client id is not in Clients: listed in the unmatched sheet. */
  unmatched: number;
  /** Name of the sheet listing unmatched rows, or null when every row matched. */
  unmatchedSheet: string | null;
  /** Rows that could not be read (bad date, unknown channel, missing client id…). */
  issues: readonly RowIssue[];
  /** Rows left out because their channel is not a contact (inbound calls, after-sales, mailings), by value. */
  excluded: readonly { value: string; rows: number }[];
  /** Clients not in Clients that were contacted: kept as prospecting contacts, to add to the plan. */
  newNames: readonly string[];
}

export interface ReforecastReceipt {
  asOf: string;
  /** Remaining capacity of each channel the plan's settings give one. */
  remainingCapacity: ChannelCounts;
  /** Clients of the plan re-forecast. */
  clients: number;
  /** The columns written, as headed in the workbook's language. */
  columns: string[];
  /** The columns this write added to the Clients table (the others were there already). */
  columnsAdded: string[];
  segments: SegmentReforecast[];
}

export interface RefreshResult {
  asOf: string;
  clients: number;
  contacts: number;
  under: number;
  onTrack: number;
  over: number;
}

export interface ToursReceipt {
  /** Rows written below the header. */
  rowsWritten: number;
  /** The sheet written ("Tournées" or "Tours"). */
  sheet: string;
}

export type ActionStatus = "open" | "done" | "cancelled";
export interface ActionRow {
  clientId: string;
  action: string;
  owner: string;
  /** ISO yyyy-mm-dd, or "" when none. */
  due: string;
  status: ActionStatus;
}

export interface WorkbookGateway {
  /**
   * Adds Cadence's sheets and tables to the open workbook, the Clients table filled with the given
   * portfolio. Fails if a Clients table, or a sheet with one of Cadence's sheet names, already exists.
   */
  createPlanWorkbook(opts: CreateWorkbookOptions, progress?: ProgressFn, signal?: AbortSignal): Promise<void>;
  readSource(from: SourceSpec, progress?: ProgressFn): Promise<SourceRead>;
  /** Writes Cadence's columns only; the rep's other columns are never touched. Undoable. */
  writePlan(
    target: PlanTarget,
    rows: readonly PlanWriteRow[],
    progress?: ProgressFn,
    signal?: AbortSignal,
  ): Promise<WriteReceipt>;
  importContacts(source: ContactsSource, progress?: ProgressFn): Promise<ContactsImportResult>;
  /** Recomputes tracking columns (actual per channel, pace, status, last contact) and dashboard sources. */
  refresh(asOf: string, progress?: ProgressFn): Promise<RefreshResult>;
  /**
   * Re-forecasts the plan as of a date (the core's reforecast) and writes each client's re-planned
   * remaining contacts in the Clients table's Reste à faire / Remaining columns; the baseline is
   * only read. Undoable.
   */
  reforecast(asOf: string, progress?: ProgressFn): Promise<ReforecastReceipt>;
  /** The plan's settings as the workbook records them; null when it has none (not a plan workbook). */
  readPlanSettings(): Promise<PlanSettings | null>;
  /**
   * Rewrites the Tours sheet in place with the given rows (header first: core/tours tourSheetRows),
   * creating the sheet when missing; records `base` in Settings when given. Undoable.
   */
  writeTours(rows: Grid, progress?: ProgressFn, base?: string): Promise<ToursReceipt>;
  /**
   * Rewrites a manager's sheet (Équipe / Team, N+1, Revues / Reviews: core/workbook/teamSheets.ts)
   * in place, creating it when missing: formats, bands, chart. Undoable.
   */
  writeManagerSheet(sheet: ManagerSheet, progress?: ProgressFn): Promise<ManagerSheetReceipt>;
  /** The rep's tour base recorded in Settings (a postal code, or "latitude, longitude"); "" when none. */
  readTourBase(): Promise<string>;
  readActions(): Promise<ActionRow[]>;
  writeAction(a: ActionRow): Promise<void>;
  /** Restores exactly what the last Cadence write replaced; false when there is nothing to undo. */
  undoLastWrite(): Promise<boolean>;
  canUndo(): boolean;
  /** The workbook's visible sheets in tab order (the sheet a CRM export was pasted in is one of them). */
  listSheets(): Promise<string[]>;
  /** Selects a cell, so a row issue can link to it. */
  selectCell(sheet: string, address: string): Promise<void>;
}

export type GatewayErrorCode =
  | "sheetProtected"
  | "tableMissing"
  | "tableMoved"
  | "editMode"
  | "missingColumn"
  | "alreadyExists"
  | "notPlanWorkbook"
  | "emptySource"
  | "severalAreas"
  | "targetNotEmpty"
  | "aborted"
  | "createFailed"
  | "createCleanupFailed"
  | "unexpected";

/**
 * A gateway failure as a code and its data; the workbook was left as it was. The words are the
 * edge's: excel/errors' catalogue (gatewayErrorText) says it in French or English. `message` is
 * the English text, for logs and stack traces.
 */
export class GatewayError extends Error {
  constructor(
    readonly code: GatewayErrorCode,
    readonly details: Readonly<Record<string, unknown>> = {},
    message: string = code,
  ) {
    super(message);
    this.name = "GatewayError";
  }
}
