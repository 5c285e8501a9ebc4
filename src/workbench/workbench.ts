/**
 * createWorkbench(): an in-memory workbook that speaks the subset of the Excel JavaScript API the
 * add-in uses, with its load/sync semantics, so the gateway and the task pane run without Excel.
 */
import { RequestContext } from "./api/context";
import "./api/emulated";
import type { Platform } from "./api/platforms";
import type { Host, WorkbenchStats } from "./api/context";
import { excelEnums } from "./api/enums";
import { ErrorCodes, WorkbenchApiError } from "./api/errors";
import type { ErrorCode } from "./api/errors";
import { parseRect, splitSheet } from "./model/address";
import { writeValue } from "./model/cells";
import { createTable } from "./model/tables";
import { recalculate } from "./model/calc";
import type { WorkbookModel } from "./model/types";
import { createModel, emptySheet, findSheet, newId } from "./model/workbook";
import { copyText, openCopy } from "./model/fileCopy";
import { sheetSnapshot, workbookSnapshot } from "./snapshot";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import type { Grid } from "../core/types";

/** Excel on the web's request and response limit. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export interface SheetSeed {
  name: string;
  /** Cell values written from A1, as a user would have typed them. */
  values?: Grid;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  protected?: boolean;
  tables?: { name?: string; address: string }[];
}

export interface WorkbenchOptions {
  /** Initial sheets (default: one empty "Sheet1"). */
  sheets?: SheetSeed[];
  /**
   * The Excel stood in for (default "windows": Microsoft 365 on Windows). A member of a requirement
   * set that platform lacks fails its batch with ApiNotFound (src/workbench/api/requirementSets.ts).
   */
  platform?: Platform;
  requestLimitBytes?: number;
  responseLimitBytes?: number;
}

export type RunBatch = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface Workbench {
  /** Usable as the global `Excel` namespace for the implemented subset (run, RequestContext, enums). */
  Excel: typeof Excel;
  run: RunBatch;
  stats: WorkbenchStats;
  /** The live model (read-only use: drawing the grid). */
  readonly model: WorkbookModel;
  snapshot(): WorkbookSnapshot;
  sheet(name: string): SheetSnapshot;
  /** Called after every sync that ran operations, and after edit(). Returns an unsubscribe function. */
  onChange(listener: () => void): () => void;
  /** While on, every sync fails with InvalidOperationInCellEditMode (a user typing in a cell). */
  setCellEditMode(on: boolean): void;
  /** Makes the next sync that carries operations fail with this code, applying nothing. */
  failNextSync(code: ErrorCode): void;
  /** A user typing into a cell (no round trip counted). */
  edit(sheetName: string, address: string, value: string | number | boolean): void;
  /** The whole workbook as text, as a copy of its file (hidden sheets included). */
  copy(): string;
  /** Replaces this workbook by a copy (copy()'s text), as opening a copied file. */
  open(copy: string): void;
  /** Times a batch asked for suspendApiCalculationUntilNextSync. */
  readonly suspendedCalculations: number;
}

function seed(model: WorkbookModel, seeds: SheetSeed[]): void {
  if (seeds.length === 0) return;
  model.sheets = [];
  for (const s of seeds) {
    const sheet = emptySheet(newId(model, "S"), s.name);
    sheet.visibility = s.visibility ?? "Visible";
    (s.values ?? []).forEach((row, r) => {
      row.forEach((value, c) => {
        if (value !== null && value !== undefined && value !== "") writeValue(sheet, r, c, value);
      });
    });
    model.sheets.push(sheet);
    for (const t of s.tables ?? []) {
      const table = createTable(model, sheet, parseRect(splitSheet(t.address).local), true, "seed");
      if (t.name) table.name = t.name;
    }
    sheet.protected = s.protected ?? false;
  }
  const first = model.sheets.find((s) => s.visibility === "Visible") ?? model.sheets.at(0);
  if (first) {
    model.activeSheetId = first.id;
    model.selection = { sheetId: first.id, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
  }
}

export function createWorkbench(options: WorkbenchOptions = {}): Workbench {
  const model = createModel();
  seed(model, options.sheets ?? []);
  const listeners = new Set<() => void>();
  const stats: WorkbenchStats = {
    syncs: 0,
    requests: 0,
    requestBytes: 0,
    reset() {
      stats.syncs = 0;
      stats.requests = 0;
      stats.requestBytes = 0;
    },
  };
  const host: Host = {
    model,
    platform: options.platform ?? "windows",
    stats,
    limits: {
      requestBytes: options.requestLimitBytes ?? PAYLOAD_LIMIT_BYTES,
      responseBytes: options.responseLimitBytes ?? PAYLOAD_LIMIT_BYTES,
    },
    cellEditMode: false,
    failNextSync: null,
    suspendedCalculations: 0,
    changed() {
      recalculate(model);
      for (const listener of listeners) listener();
    },
  };

  const run = async (...args: unknown[]): Promise<unknown> => {
    const batch = args[args.length - 1];
    if (typeof batch !== "function")
      throw new WorkbenchApiError(ErrorCodes.invalidArgument, "Excel.run needs a batch function.");
    const context = new RequestContext(host);
    try {
      const result: unknown = await (batch as (c: RequestContext) => Promise<unknown>)(context);
      if (context.hasPendingWork) await context.sync();
      return result;
    } finally {
      context.close();
    }
  };

  /** `new Excel.RequestContext()` on this workbench. */
  class BoundRequestContext extends RequestContext {
    constructor() {
      super(host);
    }
  }

  const excel = {
    ...excelEnums,
    run,
    RequestContext: BoundRequestContext,
  };

  return {
    Excel: excel as unknown as typeof Excel,
    run: run as RunBatch,
    stats,
    model,
    snapshot: () => {
      recalculate(model);
      return workbookSnapshot(model);
    },
    sheet: (name) => {
      const sheet = findSheet(model, name);
      if (!sheet) throw new WorkbenchApiError(ErrorCodes.itemNotFound, `No sheet named ${name}.`);
      recalculate(model);
      return sheetSnapshot(sheet);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setCellEditMode(on) {
      host.cellEditMode = on;
    },
    failNextSync(code) {
      host.failNextSync = code;
    },
    edit(sheetName, address, value) {
      const sheet = findSheet(model, sheetName);
      if (!sheet) throw new WorkbenchApiError(ErrorCodes.itemNotFound, `No sheet named ${sheetName}.`);
      const rect = parseRect(address);
      writeValue(sheet, rect.r0, rect.c0, value);
      host.changed();
    },
    copy: () => copyText(model),
    open(copy) {
      openCopy(model, copy);
      host.changed();
    },
    get suspendedCalculations() {
      return host.suspendedCalculations;
    },
  };
}
