/**
 * createGateway(run): the WorkbookGateway the task pane is handed. Production passes Excel.run;
 * tests and the workbench pass the workbench's run. Round trips per action: see README.md.
 */
import type { Lang } from "../core/workbook/schema";
import { undoLastWrite } from "./applyUndo";
import { DEFAULT_BUDGET_BYTES } from "./chunks";
import { createPlanWorkbook } from "./createWorkbook";
import { withGatewayErrors } from "./errors";
import type { WorkbookGateway } from "./gateway.types";
import type { ExcelRun } from "./office";
import { readSource } from "./readSource";
import { createUndoStore } from "./undoStore";
import { writePlan } from "./writePlan";
import { importContacts } from "./contacts";
import { refresh } from "./refresh";
import { writeReforecast } from "./reforecastWrite";
import { writeTours } from "./tours";
import { writeManagerSheet } from "./managerSheets";
import { readActions, writeAction } from "./actions";
import { readPlanSettings, readTourBase } from "./settings";
import { listSheets } from "./sheetList";

export interface GatewayOptions {
  /** Language of headers Cadence writes when the workbook does not say (schema sheet). Default "fr". */
  lang?: Lang;
  /** Request budget per round trip in bytes (default 4 MB, under Excel's 5 MB limit). */
  budgetBytes?: number;
}

export function createGateway(run: ExcelRun, options: GatewayOptions = {}): WorkbookGateway {
  const store = createUndoStore();
  const budget = options.budgetBytes ?? DEFAULT_BUDGET_BYTES;
  let lang: Lang = options.lang ?? "fr";
  const settings = (): { lang: Lang; budget: number } => ({ lang, budget });

  return {
    createPlanWorkbook: (opts, progress, signal) =>
      withGatewayErrors({}, async () => {
        await createPlanWorkbook(
          run,
          { lang: opts.lang, budget, portfolio: opts.portfolio, year: opts.year },
          progress,
          signal,
        );
        lang = opts.lang;
      }),
    readSource: (from) =>
      withGatewayErrors({ table: typeof from === "object" ? from.table : "Clients" }, async () => {
        const read = await readSource(run, from);
        if (read.lang !== null) lang = read.lang;
        store.onSheet = read.undoPresent;
        return {
          location: read.location,
          grid: read.grid,
          headers: read.headers,
          cadenceColumns: read.cadenceColumns,
        };
      }),
    writePlan: (target, rows, progress, signal) =>
      withGatewayErrors(
        { table: target.location.table ?? target.location.sheet, sheet: target.location.sheet },
        async () => {
          const { receipt, record } = await writePlan(run, settings(), target, rows, progress, signal);
          store.record = record;
          store.onSheet = true;
          return receipt;
        },
      ),
    importContacts: (source, progress) =>
      withGatewayErrors({ table: "Contacts" }, async () => {
        const { result, record } = await importContacts(run, settings(), source, progress);
        if (record !== null) {
          store.record = record;
          store.onSheet = true;
        }
        return result;
      }),
    refresh: (asOf, progress) =>
      withGatewayErrors({ table: "Clients" }, async () => {
        const { result, record } = await refresh(run, settings(), asOf, progress);
        store.record = record;
        store.onSheet = true;
        return result;
      }),
    reforecast: (asOf, progress) =>
      withGatewayErrors({ table: "Clients" }, async () => {
        const { result, record } = await writeReforecast(run, settings(), asOf, progress);
        store.record = record;
        store.onSheet = true;
        return result;
      }),
    readTourBase: () => withGatewayErrors({ table: "Settings" }, () => readTourBase(run)),
    writeTours: (rows, progress, base) =>
      withGatewayErrors({ sheet: "Tours" }, async () => {
        const { rowsWritten, sheet, record } = await writeTours(run, settings(), rows, progress, base);
        store.record = record;
        store.onSheet = true;
        return { rowsWritten, sheet };
      }),
    writeManagerSheet: (sheet, progress) =>
      withGatewayErrors({ sheet: sheet.name }, async () => {
        const { record, ...receipt } = await writeManagerSheet(run, settings(), sheet, progress);
        store.record = record;
        store.onSheet = true;
        return receipt;
      }),
    readPlanSettings: () => withGatewayErrors({ table: "Settings" }, () => readPlanSettings(run)),
    readActions: () => withGatewayErrors({ table: "Actions" }, () => readActions(run)),
    writeAction: (a) => withGatewayErrors({ table: "Actions" }, () => writeAction(run, settings().lang, a)),
    undoLastWrite: () => withGatewayErrors({}, () => undoLastWrite(run, store, budget)),
    canUndo: () => store.record !== null || store.onSheet,
    listSheets: () => withGatewayErrors({}, () => listSheets(run)),
    selectCell: (sheet, address) =>
      withGatewayErrors({ sheet }, async () => {
        await run(async (context) => {
          const ws = context.workbook.worksheets.getItem(sheet);
          ws.activate();
          ws.getRange(address).select();
          await context.sync();
        });
      }),
  };
}
