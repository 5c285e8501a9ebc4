/**
 * Runs a write as a fixed sequence of round trips: one batch per chunk under the request budget,
 * each with calculation suspended. Structural changes (columns added, sheets created) go first.
 */
import { parseAddress, rectAddress } from "./a1";
import { planBatches } from "./chunks";
import type { CellWrite } from "./chunks";
import type { ProgressFn } from "./gateway.types";
import { textAsTyped } from "./typedText";

/** "B2:D9" rows [from, to) of the rectangle, as an address. */
export function rowSlice(address: string, from: number, to: number): string {
  const rect = parseAddress(address);
  return rectAddress({ ...rect, r0: rect.r0 + from, r1: rect.r0 + to - 1 });
}

type Scalar = string | number | boolean;

function queueWrite(context: Excel.RequestContext, write: CellWrite): void {
  if (write.appendTo !== undefined) {
    const rows = textAsTyped(write.values) as Scalar[][];
    context.workbook.tables.getItem(write.appendTo).rows.add(undefined, rows);
    return;
  }
  const range = context.workbook.worksheets.getItem(write.sheet).getRange(write.address);
  if (write.asFormulas === true) range.formulas = write.values;
  // Values are text as it is (a CRM's "+33 6 …", a "-" placeholder, an undo chunk starting with "-").
  else range.values = textAsTyped(write.values);
  if (write.numberFormat !== undefined) {
    range.numberFormat = write.values.map((row) => row.map(() => write.numberFormat));
  }
}

/** How many round trips `executeWrites` will make for these writes (≥ 1 when there is structure). */
export function batchCount(writes: readonly CellWrite[], budget: number): number {
  return Math.max(1, planBatches(writes, rowSlice, budget).length);
}

/**
 * Sends the writes in ceil(bytes / budget) batches (at least one, carrying `structure`).
 * `after` queues operations that must follow every value (e.g. deleting columns).
 */
export async function executeWrites(
  context: Excel.RequestContext,
  writes: readonly CellWrite[],
  budget: number,
  structure: () => void,
  progress?: ProgressFn,
  after?: () => void,
): Promise<number> {
  const batches = planBatches(writes, rowSlice, budget);
  if (batches.length === 0) batches.push([]);
  const total = batches.length;
  // One sync per batch, never more: the count depends on the payload size, not on rows or columns.
  await batches.reduce(async (previous, batch, i) => {
    await previous;
    context.workbook.application.suspendApiCalculationUntilNextSync();
    if (i === 0) structure();
    for (const write of batch) queueWrite(context, write);
    if (i === total - 1) after?.();
    await context.sync();
    progress?.({ phase: "write", done: i + 1, total });
  }, Promise.resolve());
  return total;
}
