/**
 * Large reads under Excel's 5 MB response limit: the rows of each range are read in pieces whose
 * estimated size (bytes per row, from a sample) fits the budget, several pieces to a round trip. A
 * round trip Excel refuses as too large is read again in halves (long notes further down than the
 * sample): reads change nothing, so a retry is safe.
 */
import { rectAddress } from "./a1";
import { sliceBySize } from "./chunks";

export interface ReadRange {
  sheet: string;
  /** First row and column (0-based) and size of the block to read. */
  r0: number;
  c0: number;
  rows: number;
  cols: number;
  /** Estimated JSON bytes of one row of values. */
  bytesPerRow: number;
}

interface Piece {
  source: number;
  from: number;
  to: number;
}

const tooLarge = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === "ResponsePayloadSizeLimitExceeded";

/** Reads every range's values; returns them in order. Round trips: about ceil(bytes / budget). */
export async function readRanges(
  context: Excel.RequestContext,
  ranges: readonly ReadRange[],
  budget: number,
): Promise<unknown[][][]> {
  const out: unknown[][][] = ranges.map((r) => new Array<unknown[]>(r.rows));
  const pieces: Piece[] = [];
  const sizes: number[] = [];
  ranges.forEach((r, source) => {
    const perPiece = Math.max(1, Math.floor(budget / Math.max(1, r.bytesPerRow)));
    for (let from = 0; from < r.rows; from += perPiece) {
      const to = Math.min(r.rows, from + perPiece);
      pieces.push({ source, from, to });
      sizes.push((to - from) * r.bytesPerRow);
    }
  });
  const readBatch = async (batch: readonly Piece[]): Promise<void> => {
    const loads = batch.map((p) => {
      const r = ranges[p.source];
      const address = rectAddress({
        r0: r.r0 + p.from,
        c0: r.c0,
        r1: r.r0 + p.to - 1,
        c1: r.c0 + r.cols - 1,
      });
      return { p, range: context.workbook.worksheets.getItem(r.sheet).getRange(address).load("values") };
    });
    try {
      await context.sync();
    } catch (error: unknown) {
      if (!tooLarge(error) || batch.every((p) => p.to - p.from <= 1)) throw error;
      const halves = batch.flatMap((p) => {
        const mid = p.from + Math.ceil((p.to - p.from) / 2);
        return p.to - p.from > 1
          ? [
              { ...p, to: mid },
              { ...p, from: mid },
            ]
          : [p];
      });
      const half = Math.ceil(halves.length / 2);
      await readBatch(halves.slice(0, half));
      await readBatch(halves.slice(half));
      return;
    }
    for (const { p, range } of loads) {
      const target = out[p.source];
      (range.values as unknown[][]).forEach((row, i) => (target[p.from + i] = row));
    }
  };
  // One round trip per batch of pieces, never per row: the count follows the bytes.
  await sliceBySize(sizes, budget).reduce(async (previous, [from, to]) => {
    await previous;
    await readBatch(pieces.slice(from, to));
  }, Promise.resolve());
  return out;
}
