/** An in-memory WorkbookGateway for component tests: records calls, can be told to fail. */
import type {
  ActionRow,
  CreateWorkbookOptions,
  PlanSettings,
  ManagerSheet,
  ContactsImportResult,
  ContactsSource,
  PlanTarget,
  PlanWriteRow,
  ProgressFn,
  RefreshResult,
  SourceRead,
  SourceSpec,
  WorkbookGateway,
  WriteReceipt,
} from "../../../src/excel/gateway.types";
import { checkAborted } from "../../../src/excel/errors";
import { gatewayError } from "../../../src/excel/errors";
import type { Grid } from "../../../src/core/types";

export interface FakeGatewayState {
  source: SourceRead;
  /** The Clients table as readSource("clients") returns it. */
  clients: SourceRead | null;
  /** Other tables by name (readSource({ table })); importContacts appends CSV rows to "Contacts". */
  tables: Record<string, SourceRead>;
  actions: ActionRow[];
  written: PlanWriteRow[][];
  /** The Tours sheet's rows as writeTours left them. */
  tours: Grid | null;
  /** The tour base recorded in Settings. */
  tourBase: string;
  /** Manager sheets by name, as writeManagerSheet left them. */
  managerSheets: Record<string, Grid>;
  /** The targets writePlan was given (settings included). */
  targets: PlanTarget[];
  /** What createPlanWorkbook was asked (the portfolio it copies). */
  created: CreateWorkbookOptions[];
  /** The workbook's recorded plan settings; writePlan records its target's into a plan workbook (clients set). */
  settings: PlanSettings | null;
  selected: { sheet: string; address: string }[];
  /** The workbook's visible sheets, as listSheets gives them. */
  sheets: string[];
  imports: ContactsSource[];
  importResult: ContactsImportResult;
  refreshResult: RefreshResult;
  undoStack: number;
  /** Method name → error thrown on its next call. */
  failures: Partial<Record<keyof WorkbookGateway, Error>>;
  /** When set, writePlan waits for this promise before each chunk (to test cancel). */
  writeGate: Promise<void> | null;
  /** When set, createPlanWorkbook waits for this promise before each of its build round trips. */
  createGate: Promise<void> | null;
}

/** Round trips of the fake build after its check (a large portfolio's batches). */
export const CREATE_BATCHES = 3;

/** A read of a range of `sheet`, or of its table of the same name when `table` (Cadence's Clients, Contacts). */
export function sourceFrom(grid: Grid, sheet = "Sheet1", table = false): SourceRead {
  const headers = (grid[0] ?? []).map((h) => String(h ?? ""));
  return {
    location: {
      sheet,
      table: table ? sheet : null,
      headerRow: 1,
      firstColumn: 0,
      address: `A1:Z${grid.length}`,
    },
    grid,
    headers,
    cadenceColumns: {},
  };
}

const CLIENTS_HEADERS: Readonly<Record<string, string | undefined>> = {
  id: "Code client",
  name: "Raison sociale",
  postalCode: "Code postal",
  city: "Ville",
  salesN1: "CA N-1",
  salesN: "CA N",
  potential: "Potentiel",
};

export const DEMO_GRID: Grid = [
  ["Code client", "Raison sociale", "CA N-1", "CA N", "Potentiel"],
  ["C1", "Alpha", 100000, 120000, 200000],
  ["C2", "Beta", 80000, 60000, 150000],
  ["C3", "Gamma", 0, 0, 50000],
  ["C4", "Delta", 30000, 31000, 40000],
  ["C5", "Epsilon", 10000, 12000, 100000],
];

export function createFakeGateway(overrides: Partial<FakeGatewayState> = {}): {
  gateway: WorkbookGateway;
  state: FakeGatewayState;
} {
  const state: FakeGatewayState = {
    source: sourceFrom(DEMO_GRID),
    clients: null,
    tables: {},
    actions: [],
    written: [],
    sheets: ["Sheet1"],
    targets: [],
    created: [],
    settings: null,
    selected: [],
    imports: [],
    importResult: {
      appended: 0,
      duplicates: 0,
      unmatched: 0,
      unmatchedSheet: null,
      issues: [],
      excluded: [],
      newNames: [],
    },
    refreshResult: { asOf: "2026-06-30", clients: 0, contacts: 0, under: 0, onTrack: 0, over: 0 },
    undoStack: 0,
    tours: null,
    tourBase: "",
    managerSheets: {},
    failures: {},
    writeGate: null,
    createGate: null,
    ...overrides,
  };
  const failIfAsked = (name: keyof WorkbookGateway): void => {
    const error = state.failures[name];
    if (error !== undefined) {
      state.failures = { ...state.failures, [name]: undefined };
      throw error;
    }
  };
  const gateway: WorkbookGateway = {
    createPlanWorkbook: async (opts: CreateWorkbookOptions, progress?: ProgressFn, signal?: AbortSignal) => {
      // As the real gateway: a check, then the build's batches; a cancel between them changes nothing.
      progress?.({ phase: "check", done: 0, total: 1 });
      failIfAsked("createPlanWorkbook");
      checkAborted(signal);
      for (let done = 1; done <= CREATE_BATCHES; done += 1) {
        // Read each time: a test may swap in the next gate before opening this one.
        if (state.createGate !== null) await state.createGate;
        progress?.({ phase: "write", done, total: CREATE_BATCHES });
        if (done < CREATE_BATCHES) checkAborted(signal);
      }
      state.created.push(opts);
      // The Clients table, holding the copied portfolio under Cadence's headers (and the rep's own).
      const copy = opts.portfolio;
      const headers =
        copy === undefined
          ? Object.values(CLIENTS_HEADERS)
          : copy.columns.map((c) => (c.id === null ? c.header : (CLIENTS_HEADERS[c.id] ?? c.header)));
      const clients = sourceFrom([headers, ...(copy?.rows ?? [])], "Clients");
      state.clients = { ...clients, location: { ...clients.location, table: "Clients" } };
      state.source = state.clients;
    },
    readSource: (from: SourceSpec) => {
      failIfAsked("readSource");
      if (from === "clients") {
        if (state.clients === null) {
          return Promise.reject(gatewayError("tableMissing", { table: "Clients" }));
        }
        return Promise.resolve(state.clients);
      }
      if (typeof from === "object") {
        const table = Object.hasOwn(state.tables, from.table) ? state.tables[from.table] : undefined;
        if (table === undefined) {
          return Promise.reject(gatewayError("tableMissing", { table: from.table }));
        }
        return Promise.resolve(table);
      }
      return Promise.resolve(state.source);
    },
    writePlan: async (
      target: PlanTarget,
      rows: readonly PlanWriteRow[],
      progress?: ProgressFn,
      signal?: AbortSignal,
    ): Promise<WriteReceipt> => {
      failIfAsked("writePlan");
      const chunk = 2;
      for (let done = 0; done < rows.length; done += chunk) {
        if (state.writeGate !== null) await state.writeGate;
        if (signal?.aborted === true) throw gatewayError("aborted");
        progress?.({ phase: "write", done: Math.min(done + chunk, rows.length), total: rows.length });
      }
      state.written.push([...rows]);
      state.targets.push(target);
      state.undoStack += 1;
      const settingsRecorded = target.settings !== undefined && state.clients !== null;
      if (settingsRecorded) state.settings = target.settings ?? null;
      return {
        rowsWritten: rows.length,
        columnsAdded: [],
        unmatchedClientIds: [],
        chunks: 1,
        settingsRecorded,
      };
    },
    importContacts: (source: ContactsSource) => {
      failIfAsked("importContacts");
      state.imports.push(source);
      state.undoStack += 1;
      const contacts = Object.hasOwn(state.tables, "Contacts") ? state.tables.Contacts : undefined;
      if ("csv" in source && contacts !== undefined) {
        const rows = source.csv
          .trim()
          .split(/\r?\n/)
          .slice(1)
          .map((line) => [...line.split(","), "", ""].slice(0, 5));
        state.tables.Contacts = { ...contacts, grid: [...contacts.grid, ...rows] };
      }
      return Promise.resolve(state.importResult);
    },
    refresh: (asOf: string) => {
      failIfAsked("refresh");
      return Promise.resolve({ ...state.refreshResult, asOf });
    },
    reforecast: (asOf: string) => {
      failIfAsked("reforecast");
      return Promise.resolve({
        asOf,
        remainingCapacity: {},
        clients: 0,
        columns: [],
        columnsAdded: [],
        segments: [],
      });
    },
    readPlanSettings: () => {
      failIfAsked("readPlanSettings");
      return Promise.resolve(state.settings === null ? null : { ...state.settings });
    },
    readActions: () => {
      failIfAsked("readActions");
      return Promise.resolve(state.actions.map((a) => ({ ...a })));
    },
    readTourBase: () => Promise.resolve(state.tourBase),
    writeTours: (rows: Grid, _progress?: unknown, base?: string) => {
      failIfAsked("writeTours");
      state.tours = rows;
      if (base !== undefined) state.tourBase = base;
      state.undoStack += 1;
      return Promise.resolve({ rowsWritten: Math.max(0, rows.length - 1), sheet: "Tournées" });
    },
    writeManagerSheet: (sheet: ManagerSheet) => {
      failIfAsked("writeManagerSheet");
      state.managerSheets[sheet.name] = sheet.rows;
      state.undoStack += 1;
      return Promise.resolve({ sheet: sheet.name, rowsWritten: Math.max(0, sheet.rows.length - 1) });
    },
    writeAction: (row: ActionRow) => {
      failIfAsked("writeAction");
      const index = state.actions.findIndex((a) => a.clientId === row.clientId && a.action === row.action);
      if (index >= 0) state.actions[index] = { ...row };
      else state.actions.push({ ...row });
      return Promise.resolve();
    },
    undoLastWrite: () => {
      failIfAsked("undoLastWrite");
      if (state.undoStack === 0) return Promise.resolve(false);
      state.undoStack -= 1;
      state.written.pop();
      return Promise.resolve(true);
    },
    canUndo: () => state.undoStack > 0,
    listSheets: () => {
      failIfAsked("listSheets");
      return Promise.resolve([...state.sheets]);
    },
    selectCell: (sheet: string, address: string) => {
      failIfAsked("selectCell");
      state.selected.push({ sheet, address });
      return Promise.resolve();
    },
  };
  return { gateway, state };
}
