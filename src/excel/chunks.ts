/**
 * Large writes are split under Excel's 5 MB request limit. The size of a batch is estimated from the
 * JSON of its values (what Office.js sends), so a write of n bytes costs ceil(n / budget) round trips.
 */

/** Excel's documented request limit is 5 MB; we keep a margin for the request envelope. */
export const DEFAULT_BUDGET_BYTES = 4_000_000;
/** Per operation overhead (object path, method name) counted on top of its values. */
export const OPERATION_OVERHEAD_BYTES = 200;

const encoder = new TextEncoder();

/** UTF-8 bytes of the JSON of a value, as it travels in a request. */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) return 0;
  // ASCII is the common case; measure UTF-8 exactly only when a character needs it.
  for (let i = 0; i < json.length; i++) if (json.charCodeAt(i) > 127) return encoder.encode(json).length;
  return json.length;
}

/** Consecutive [start, end) slices of `sizes` whose sums stay under `budget` (a single oversize item gets its own slice). */
export function sliceBySize(sizes: readonly number[], budget: number): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  let sum = 0;
  sizes.forEach((size, i) => {
    if (i > start && sum + size > budget) {
      out.push([start, i]);
      start = i;
      sum = 0;
    }
    sum += size;
  });
  if (sizes.length > start) out.push([start, sizes.length]);
  return out;
}

/** A write unit: one rectangle of values on one sheet. */
export interface CellWrite {
  sheet: string;
  address: string;
  values: unknown[][];
  /** Write as formulas (restores formulas exactly) rather than values. */
  asFormulas?: boolean;
  numberFormat?: string;
  /** Append the values as new rows of this table (rows.add) instead of writing at `address`. */
  appendTo?: string;
}

/** Splits row-wise so every piece stays under the budget; returns each piece with its size in bytes. */
export function splitWrite(
  write: CellWrite,
  rowOffset: (address: string, from: number, to: number) => string,
  budget: number,
): { piece: CellWrite; bytes: number }[] {
  const sizes = write.values.map((row) => jsonBytes(row) + 1);
  return sliceBySize(sizes, budget - OPERATION_OVERHEAD_BYTES).map(([from, to]) => ({
    piece: { ...write, address: rowOffset(write.address, from, to), values: write.values.slice(from, to) },
    bytes: OPERATION_OVERHEAD_BYTES + sizes.slice(from, to).reduce((a, b) => a + b, 0),
  }));
}

/** Groups writes into batches under the budget, after splitting the ones too big on their own. */
export function planBatches(
  writes: readonly CellWrite[],
  rowOffset: (address: string, from: number, to: number) => string,
  budget: number,
): CellWrite[][] {
  const pieces = writes.flatMap((w) => splitWrite(w, rowOffset, budget));
  return sliceBySize(
    pieces.map((p) => p.bytes),
    budget,
  ).map(([from, to]) => pieces.slice(from, to).map((p) => p.piece));
}
