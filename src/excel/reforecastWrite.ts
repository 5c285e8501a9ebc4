/**
 * The Track tab's re-forecast: reads the plan workbook as refresh does (trackingRead), has the core
 * track it and re-forecast it (trackWorkbook, reforecast), and writes each client's re-planned
 * remaining contacts in the Clients table's "Reste à faire" / "Remaining" columns: over the ones a
 * previous re-forecast wrote, else in columns added at the table's right end, so the recorded
 * positions of Cadence's columns (the schema sheet) never shift. The baseline's planned columns are
 * only read. Undo deletes the columns added and restores the cells replaced.
 * Round trips: 1 read + ceil(bytes / budget) write batches.
 */
import * as reforecast from "../core/reforecast";
import { trackWorkbook } from "../core/tracking";
import * as schema from "../core/workbook/schema";
import type { Lang } from "../core/workbook/schema";
import { rectAddress } from "./a1";
import { executeWrites } from "./batches";
import type { CellWrite } from "./chunks";
import type { ProgressFn, ReforecastReceipt } from "./gateway.types";
import type { ExcelRun } from "./office";
import { headerText } from "./readSource";
import { queueTrackingRead } from "./trackingRead";
import { restorable, type UndoRecord } from "./undo";
import { resetUndoSheet, undoWrite } from "./undoStore";

export async function writeReforecast(
  run: ExcelRun,
  options: { lang: Lang; budget: number },
  asOf: string,
  progress?: ProgressFn,
): Promise<{ result: ReforecastReceipt; record: UndoRecord }> {
  return run(async (context) => {
    const pending = queueTrackingRead(context, options.lang);
    await context.sync();
    const read = pending();
    progress?.({ phase: "compute", done: 0, total: read.clients.grid.length - 1 });
    const tracked = trackWorkbook({ ...read, asOf });
    const planned = tracked.clients.plan.length;
    const result = reforecast.reforecast({
      // The plan's own rows; new names of the contacts come after them and have no plan.
      tracking: { ...tracked.result, clients: tracked.result.clients.slice(0, planned) },
      capacity: tracked.frame.capacity.perChannel,
      // A plan workbook does not record its method: the norms' rule, the default plan's.
      method: "norms",
    });
    const byRow = new Map<number, reforecast.ClientReforecast>();
    // result.clients are the plan's rows in order, as gridRows.
    tracked.clients.gridRows.forEach((row, i) => byRow.set(row, result.clients[i]));
    const headers = (read.clients.grid[0] ?? []).map((v) => headerText(v));
    const body = read.clients.grid.slice(1);
    const rect = read.clientsRect;
    const record: UndoRecord = {
      action: "reforecast",
      at: new Date().toISOString(),
      cells: [],
      addedColumns: [],
      addedRows: [],
      schemaBefore: null,
    };
    const writes: CellWrite[] = [];
    const added: string[] = [];
    const columns: string[] = [];
    for (const spec of schema.remainingColumns(result.channels)) {
      const name = schema.header(spec, read.lang);
      const existing = headers.findIndex((h) => h === spec.fr || h === spec.en);
      const at = existing >= 0 ? existing : headers.length + added.length;
      columns.push(existing >= 0 ? (headers[existing] ?? name) : name);
      if (existing < 0) {
        added.push(name);
        record.addedColumns.push({ table: "Clients", name });
      }
      if (body.length === 0) continue;
      const address = rectAddress({
        r0: rect.r0 + 1,
        c0: rect.c0 + at,
        r1: rect.r0 + body.length,
        c1: rect.c0 + at,
      });
      if (existing >= 0) {
        const held = body.map((r) => [r[existing] ?? ""]);
        record.cells.push({ sheet: read.clientsSheet, address, formulas: restorable(held, held) });
      }
      const channel = spec.id.slice("remaining.".length);
      writes.push({
        sheet: read.clientsSheet,
        address,
        values: body.map((_, i) => {
          const c = byRow.get(i + 1);
          return [c === undefined ? "" : (c.remaining[channel] ?? 0)];
        }),
      });
    }
    writes.unshift(undoWrite(record));
    const table = context.workbook.tables.getItem("Clients");
    await executeWrites(
      context,
      writes,
      options.budget,
      () => {
        resetUndoSheet(context, read.undoPresent);
        for (const name of added) table.columns.add(undefined, undefined, name);
      },
      progress,
    );
    return {
      result: {
        asOf,
        remainingCapacity: result.remainingCapacity,
        clients: planned,
        columns,
        columnsAdded: added,
        segments: result.segments,
      },
      record,
    };
  });
}
