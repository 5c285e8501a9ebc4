/**
 * Refresh: reads the plan workbook's tables (trackingRead), has the core's trackWorkbook compute the
 * tracking, and writes the Clients tracking columns and the dashboard's sources (trackingWrites).
 * Round trips: 1 read + ceil(bytes / budget) write batches.
 */
import { trackWorkbook } from "../core/tracking";
import type { Lang } from "../core/workbook/schema";
import { executeWrites } from "./batches";
import type { ProgressFn, RefreshResult } from "./gateway.types";
import type { ExcelRun } from "./office";
import { queueTrackingRead } from "./trackingRead";
import { trackingWrites } from "./trackingWrites";
import type { UndoRecord } from "./undo";
import { resetUndoSheet, undoWrite } from "./undoStore";

export async function refresh(
  run: ExcelRun,
  options: { lang: Lang; budget: number },
  asOf: string,
  progress?: ProgressFn,
): Promise<{ result: RefreshResult; record: UndoRecord }> {
  return run(async (context) => {
    const pending = queueTrackingRead(context, options.lang);
    await context.sync();
    const read = pending();
    progress?.({ phase: "compute", done: 0, total: read.clients.grid.length - 1 });
    const tracking = trackWorkbook({ ...read, asOf });
    const { writes, record } = trackingWrites(read, tracking);
    writes.unshift(undoWrite(record));
    await executeWrites(
      context,
      writes,
      options.budget,
      () => {
        resetUndoSheet(context, read.undoPresent);
      },
      progress,
    );
    const counts = tracking.kpis.counts;
    return {
      result: {
        asOf,
        clients: tracking.clients.plan.length,
        contacts: tracking.contacts.contacts.length,
        under: counts.Under,
        onTrack: counts.OnTrack,
        over: counts.Over,
      },
      record,
    };
  });
}
