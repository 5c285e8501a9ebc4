/**
 * Refresh's write: the core's figures into the Clients table's tracking columns (actual per channel,
 * pace, status, last contact) and the dashboard's chart sources, with the undo record of the cells replaced.
 */
import type { WorkbookTracking } from "../core/tracking";
import { effortCurve, isoToExcelSerial, plannedActualBySegment, trackingByRow } from "../core/tracking";
import type { ClientTracking } from "../core/tracking";
import * as schema from "../core/workbook/schema";
import { rectAddress } from "./a1";
import type { CellWrite } from "./chunks";
import type { TrackingRead } from "./trackingRead";
import { restorable, type UndoRecord } from "./undo";

const PACE_PLACES = 3;

/** A tracking column's cell for a client; blank for a row without one. */
function cellOf(id: string, t: ClientTracking | null, lang: schema.Lang): string | number {
  if (t === null) return "";
  if (id.startsWith("actual.")) return t.actual[id.slice("actual.".length)] ?? 0;
  if (id === "pace") return t.pace === null ? "" : Math.round(t.pace * 10 ** PACE_PLACES) / 10 ** PACE_PLACES;
  // A client without a plan gets a blank status cell in the Clients table.
  if (id === "status") return t.status === "NoPlan" ? "" : schema.statusText(t.status, lang);
  return t.lastContact === null ? "" : isoToExcelSerial(t.lastContact);
}

export function trackingWrites(
  read: TrackingRead,
  tracking: WorkbookTracking,
): { writes: CellWrite[]; record: UndoRecord } {
  const record: UndoRecord = {
    action: "refresh",
    at: new Date().toISOString(),
    cells: [],
    addedColumns: [],
    addedRows: [],
    schemaBefore: null,
  };
  const writes: CellWrite[] = [];
  const body = read.clients.grid.slice(1);
  const byRow = trackingByRow(tracking);
  const rect = read.clientsRect;
  if (body.length > 0) {
    for (const { id } of schema.TRACKING_COLUMNS) {
      const at = read.clientsColumn(id);
      const address = rectAddress({
        r0: rect.r0 + 1,
        c0: rect.c0 + at,
        r1: rect.r0 + body.length,
        c1: rect.c0 + at,
      });
      const held = body.map((r) => [r[at] ?? ""]);
      record.cells.push({ sheet: read.clientsSheet, address, formulas: restorable(held, held) });
      writes.push({
        sheet: read.clientsSheet,
        address,
        values: body.map((_, i) => [cellOf(id, byRow[i + 1] ?? null, read.lang)]),
      });
    }
  }
  if (read.dashboard !== null) {
    const bySegment = plannedActualBySegment(tracking.result.clients);
    writes.push({ sheet: read.dashboard, address: `B2:C${bySegment.length + 1}`, values: bySegment });
    writes.push({ sheet: read.dashboard, address: "E2:F12", values: effortCurve(tracking.result.clients) });
  }
  return { writes, record };
}
