/**
 * Refresh's read: the Clients, Contacts and Channels tables, the plan's named settings and the
 * schema sheet, queued for one round trip; then the cells as the core's trackWorkbook takes them.
 */
import type { TableRead } from "../core/tracking";
import type { PlanSettings } from "../core/workbook/planSettings";
import type { CellValue } from "../core/types";
import * as schema from "../core/workbook/schema";
import type { Lang } from "../core/workbook/schema";
import { parseAddress } from "./a1";
import type { Rect } from "./a1";
import { gatewayError } from "./errors";
import { headerText, schemaState } from "./readSource";
import { planSettingsOf, SETTING_NAMES } from "./settings";
import type { ColumnIndex } from "./tableColumns";
import { cadenceTable, columnIndex } from "./tableColumns";

/** What refresh read, once synced: the core's input, and where the Clients table's figures go back. */
export interface TrackingRead {
  clients: TableRead;
  contacts: TableRead;
  channels: TableRead | null;
  settings: PlanSettings | null;
  lang: Lang;
  clientsSheet: string;
  /** The Clients table's rectangle, header row included. */
  clientsRect: Rect;
  /** Clients table column id → index; throws missingColumn for a column the table lacks. */
  clientsColumn: ColumnIndex;
  /** The sheet of the dashboard (either language), or null. */
  dashboard: string | null;
  undoPresent: boolean;
}

/** Queues refresh's loads; the returned function reads them after the caller's one sync. */
export function queueTrackingRead(context: Excel.RequestContext, fallbackLang: Lang): () => TrackingRead {
  const sheets = context.workbook.worksheets;
  const tables = context.workbook.tables;
  const clients = tables.getItemOrNullObject("Clients").load("name");
  const clientRange = clients.getRange().load("address,values");
  const clientSheet = clients.worksheet.load("name");
  const protection = clients.worksheet.protection.load("protected");
  const contacts = tables.getItemOrNullObject("Contacts").load("name");
  const contactRange = contacts.getRange().load("address,values");
  const channels = tables.getItemOrNullObject("Channels").load("name");
  const channelRange = channels.getRange().load("address,values");
  const settingRanges = Object.values(SETTING_NAMES).map(
    (name) =>
      [name, context.workbook.names.getItemOrNullObject(name).getRangeOrNullObject().load("values")] as const,
  );
  const schemaRange = sheets
    .getItemOrNullObject(schema.SCHEMA_SHEET)
    .getUsedRangeOrNullObject(true)
    .load("values");
  const undoSheet = sheets.getItemOrNullObject(schema.UNDO_SHEET).load("name");
  const dashboards = (["fr", "en"] as const).map((l) =>
    sheets.getItemOrNullObject(schema.SHEET_NAMES.dashboard[l]).load("name"),
  );
  return () => {
    if (clients.isNullObject) throw gatewayError("notPlanWorkbook", { table: "Clients" });
    if (contacts.isNullObject) throw gatewayError("notPlanWorkbook", { table: "Contacts" });
    if (protection.protected) throw gatewayError("sheetProtected", { sheet: clientSheet.name });
    const state = schemaState(schemaRange.isNullObject ? null : (schemaRange.values as unknown[][]));
    const rowOf = (address: string): number => parseAddress(address).r0 + 1;
    const clientsRead = cadenceTable(
      state,
      "Clients",
      clientRange.values as CellValue[][],
      rowOf(clientRange.address),
    );
    const settings = new Map(
      settingRanges.map(([name, r]) => [
        name,
        r.isNullObject ? undefined : (r.values as unknown[][])[0]?.[0],
      ]),
    );
    return {
      clients: clientsRead,
      contacts: cadenceTable(
        state,
        "Contacts",
        contactRange.values as CellValue[][],
        rowOf(contactRange.address),
      ),
      channels: channels.isNullObject
        ? null
        : cadenceTable(state, "Channels", channelRange.values as CellValue[][], rowOf(channelRange.address)),
      settings: planSettingsOf((name) => settings.get(name), state.lang ?? fallbackLang),
      lang: state.lang ?? fallbackLang,
      clientsSheet: clientSheet.name,
      clientsRect: parseAddress(clientRange.address),
      clientsColumn: columnIndex(
        state,
        "Clients",
        (clientsRead.grid[0] ?? []).map((v) => headerText(v)),
      ),
      dashboard: dashboards.find((d) => !d.isNullObject)?.name ?? null,
      undoPresent: !undoSheet.isNullObject,
    };
  };
}
