/**
 * The import's read: the export (a sheet of the workbook, or CSV text already parsed), the Clients
 * and Contacts tables, the schema sheet and the sheets the import writes, queued for one round trip.
 */
import type { TableRead } from "../core/tracking";
import type { CellValue, Grid } from "../core/types";
import * as schema from "../core/workbook/schema";
import type { Lang } from "../core/workbook/schema";
import { parseAddress } from "./a1";
import type { Rect } from "./a1";
import { gatewayError } from "./errors";
import type { ContactsSource } from "./gateway.types";
import { headerText, schemaState } from "./readSource";
import type { ColumnIndex } from "./tableColumns";
import { cadenceTable, columnIndex } from "./tableColumns";

export const UNMATCHED_SHEET: Readonly<Record<Lang, string>> = {
  fr: "Contacts non rapprochés",
  en: "Unmatched contacts",
};

export interface ContactsRead {
  export: Grid;
  clients: TableRead;
  log: TableRead;
  lang: Lang;
  /** The Contacts table: its sheet, rectangle (header included), headers and columns by id. */
  logSheet: string;
  logRect: Rect;
  logHeaders: string[];
  logColumn: ColumnIndex;
  undoPresent: boolean;
  /** The unmatched-contacts sheet a previous import left (either language), or null. */
  previousUnmatched: string | null;
}

/** Queues the import's loads; the returned function reads them after the caller's one sync. */
export function queueContactsRead(
  context: Excel.RequestContext,
  source: ContactsSource,
  csvGrid: Grid | null,
  fallbackLang: Lang,
): () => ContactsRead {
  const sheets = context.workbook.worksheets;
  const sourceName = "csv" in source ? (source.sourceName ?? "csv") : source.sheet;
  const fromSheet = "sheet" in source ? sheets.getItemOrNullObject(source.sheet) : null;
  fromSheet?.load("name");
  const sourceRange = fromSheet?.getUsedRangeOrNullObject(true).load("values") ?? null;
  const clients = context.workbook.tables.getItemOrNullObject("Clients").load("name");
  const clientValues = clients.getRange().load("values");
  const contacts = context.workbook.tables.getItemOrNullObject("Contacts").load("name");
  const contactValues = contacts.getRange().load("address,values");
  const contactSheet = contacts.worksheet.load("name");
  const protection = contacts.worksheet.protection.load("protected");
  const schemaRange = sheets
    .getItemOrNullObject(schema.SCHEMA_SHEET)
    .getUsedRangeOrNullObject(true)
    .load("values");
  const undoSheet = sheets.getItemOrNullObject(schema.UNDO_SHEET).load("name");
  const unmatchedSheets = (["fr", "en"] as const).map((l) =>
    sheets.getItemOrNullObject(UNMATCHED_SHEET[l]).load("name"),
  );
  return () => {
    if (clients.isNullObject) throw gatewayError("notPlanWorkbook", { table: "Clients" });
    if (contacts.isNullObject) throw gatewayError("notPlanWorkbook", { table: "Contacts" });
    if (fromSheet?.isNullObject === true) throw gatewayError("tableMissing", { table: sourceName });
    if (protection.protected) throw gatewayError("sheetProtected", { sheet: "Contacts" });
    const state = schemaState(schemaRange.isNullObject ? null : (schemaRange.values as unknown[][]));
    const grid: Grid =
      csvGrid ??
      (sourceRange === null || sourceRange.isNullObject ? [] : (sourceRange.values as CellValue[][]));
    if (grid.length < 2) throw gatewayError("emptySource");
    const log = cadenceTable(state, "Contacts", contactValues.values as CellValue[][]);
    const logHeaders = (log.grid[0] ?? []).map((v) => headerText(v));
    return {
      export: grid,
      clients: cadenceTable(state, "Clients", clientValues.values as CellValue[][]),
      log,
      lang: state.lang ?? fallbackLang,
      logSheet: contactSheet.name,
      logRect: parseAddress(contactValues.address),
      logHeaders,
      logColumn: columnIndex(state, "Contacts", logHeaders),
      undoPresent: !undoSheet.isNullObject,
      previousUnmatched: unmatchedSheets.find((ws) => !ws.isNullObject)?.name ?? null,
    };
  };
}
