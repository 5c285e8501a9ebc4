/**
 * Marginal analysis, the plain way: each next unit goes to the client whose next unit is worth
 * most, ties by id ascending (then input order). Exact for concave responses; the reference the
 * fast threshold search must reproduce, and its fallback for degenerate cases.
 */
import { marginal as marginalOf } from "./model";
import type { ResponseModel } from "./model";

// A local binding: CommonJS transforms (tsx, jest) turn each call of an import into a getter lookup.
const marginal = marginalOf;

/** Cursor state: units taken per client and the value of each client's next unit. */
export interface Cursor {
  units: Int32Array;
  next: Float64Array;
}

export function startCursor(model: ResponseModel, lower: Float64Array, upper: Float64Array): Cursor {
  const units = new Int32Array(model.n);
  const next = new Float64Array(model.n);
  for (let i = 0; i < model.n; i++) {
    const l = lower[i] ?? 0;
    units[i] = l;
    next[i] = l < (upper[i] ?? 0) ? marginal(model, i, l + 1) : Number.NEGATIVE_INFINITY;
  }
  return { units, next };
}

/** Hands out `count` more units one by one from the cursor (mutated). */
export function greedyFill(
  model: ResponseModel,
  cursor: Cursor,
  upper: Float64Array,
  count: number,
  ids: readonly string[],
): void {
  const { units, next } = cursor;
  const before = (p: number, q: number): boolean => {
    const a = next[p] ?? 0;
    const b = next[q] ?? 0;
    if (a !== b) return a > b;
    const ip = ids[p] ?? "";
    const iq = ids[q] ?? "";
    return ip !== iq ? ip < iq : p < q;
  };
  const heap: number[] = [];
  for (let i = 0; i < model.n; i++) if ((next[i] ?? 0) > Number.NEGATIVE_INFINITY) heap.push(i);
  const siftDown = (start: number): void => {
    let pos = start;
    for (;;) {
      const l = 2 * pos + 1;
      if (l >= heap.length) return;
      const r = l + 1;
      const child = r < heap.length && before(heap[r] ?? 0, heap[l] ?? 0) ? r : l;
      if (!before(heap[child] ?? 0, heap[pos] ?? 0)) return;
      const tmp = heap[pos] ?? 0;
      heap[pos] = heap[child] ?? 0;
      heap[child] = tmp;
      pos = child;
    }
  };
  for (let p = (heap.length >> 1) - 1; p >= 0; p--) siftDown(p);
  for (let k = 0; k < count && heap.length > 0; k++) {
    const i = heap[0] ?? 0;
    const u = (units[i] ?? 0) + 1;
    units[i] = u;
    if (u < (upper[i] ?? 0)) {
      next[i] = marginal(model, i, u + 1);
    } else {
      next[i] = Number.NEGATIVE_INFINITY;
      const lastItem = heap.pop() ?? 0;
      if (heap.length === 0) break;
      heap[0] = lastItem;
    }
    siftDown(0);
  }
}

/** The plain greedy from the minimums: units per client. */
export function greedyUnits(
  model: ResponseModel,
  lower: Float64Array,
  upper: Float64Array,
  count: number,
  ids: readonly string[],
): Int32Array {
  const cursor = startCursor(model, lower, upper);
  greedyFill(model, cursor, upper, count, ids);
  return cursor.units;
}
