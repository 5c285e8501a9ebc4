/**
 * The Track tab's read: the plan workbook's tables through the gateway, as the core's trackWorkbook
 * takes them (the pane moves cells; the figures are the core's, computed in engine/calendarEngine).
 */
import type * as tracking from "../../core/tracking";
import { clientsPlan } from "../../core/tracking";
import type { Channel } from "../../core/types";
import type { SourceRead, WorkbookGateway } from "../../excel/gateway.types";
import { GatewayError } from "../../excel/gateway.types";

/** What trackWorkbook needs from the workbook, but the date. */
export type TrackingTables = Omit<tracking.TrackWorkbookInput, "asOf">;

/** A table as the gateway read it, as the core takes it: its grid, Cadence's recorded columns, its header row. */
export const tableOf = (read: SourceRead): tracking.TableRead => ({
  grid: read.grid,
  columns: read.cadenceColumns,
  headerRow: read.location.headerRow,
});

/** Clients, Contacts and Channels tables and the plan's settings: the same cells refresh reads. */
export async function readTrackingTables(gateway: WorkbookGateway): Promise<TrackingTables> {
  const clients = await gateway.readSource("clients");
  const contacts = await gateway.readSource({ table: "Contacts" });
  // A workbook without a Channels table tracks with the built-in channels and weights.
  const channels = await gateway.readSource({ table: "Channels" }).catch((error: unknown) => {
    if (error instanceof GatewayError && error.code === "tableMissing") return null;
    throw error;
  });
  const settings = await gateway.readPlanSettings();
  return {
    clients: tableOf(clients),
    contacts: tableOf(contacts),
    channels: channels === null ? null : tableOf(channels),
    settings,
  };
}

/** The plan rows of the Clients table, and the clients' names (the tours read them too). */
export function planFromClients(
  read: SourceRead,
  channels?: readonly Channel[],
): { plan: tracking.PlanRow[]; names: ReadonlyMap<string, string> } {
  const { plan, names } = clientsPlan(tableOf(read), channels);
  return { plan, names };
}
