/**
 * After an allocation on concave envelopes, a client with an S-shaped response may be left part-way
 * along its envelope's chord (L < x < kₜ), where its real response is poor. One local search step
 * per such client: either drop it to its minimum and give the freed units to the others, or complete
 * its chord with units taken from the others — unit by unit on real values — whichever gains most.
 */
import type { Cursor } from "./greedy";
import { marginal as marginalOf, valueAt as valueAtOf } from "./model";
import type { ResponseModel } from "./model";

// Local bindings: CommonJS transforms (tsx, jest) turn each call of an import into a getter lookup.
const marginal = marginalOf;
const valueAt = valueAtOf;

const MAX_WORK = 4_000_000;

interface Move {
  gain: number;
  changes: Map<number, number>;
}

/** Moves `count` units onto (+1) or off (−1) the clients other than `skip`, best real value first. */
function shift(
  model: ResponseModel,
  units: Int32Array,
  lower: Float64Array,
  upper: Float64Array,
  skip: number,
  count: number,
  direction: 1 | -1,
  changes: Map<number, number>,
): number | null {
  let total = 0;
  for (let k = 0; k < count; k++) {
    let best = -1;
    let bestDelta = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < model.n; j++) {
      if (j === skip) continue;
      const x = changes.get(j) ?? units[j];
      const y = x + direction;
      if (y < (lower[j] ?? 0) || y > (upper[j] ?? 0)) continue;
      const delta = valueAt(model, j, y) - valueAt(model, j, x);
      if (delta > bestDelta) {
        bestDelta = delta;
        best = j;
      }
    }
    if (best < 0) return null;
    changes.set(best, (changes.get(best) ?? units[best]) + direction);
    total += bestDelta;
  }
  return total;
}

function consider(
  model: ResponseModel,
  units: Int32Array,
  lower: Float64Array,
  upper: Float64Array,
  i: number,
  target: number,
): Move | null {
  const x = units[i] ?? 0;
  const changes = new Map<number, number>([[i, target]]);
  const own = valueAt(model, i, target) - valueAt(model, i, x);
  const others = shift(model, units, lower, upper, i, Math.abs(target - x), target < x ? 1 : -1, changes);
  return others === null ? null : { gain: own + others, changes };
}

/** Improves `cursor` in place; returns how many clients were moved off a chord. */
export function repairChords(
  model: ResponseModel,
  cursor: Cursor,
  lower: Float64Array,
  upper: Float64Array,
): number {
  if (model.sShaped === 0) return 0;
  const { units, next } = cursor;
  let repaired = 0;
  for (let i = 0; i < model.n; i++) {
    const x = units[i] ?? 0;
    const end = Math.min(model.hullEnd[i] ?? 0, upper[i] ?? 0);
    if (x <= (lower[i] ?? 0) || x >= end) continue;
    // Each moved unit scans every client: skip the search where it would cost too much.
    if (Math.max(x - (lower[i] ?? 0), end - x) * model.n > MAX_WORK) continue;
    const options = [
      consider(model, units, lower, upper, i, lower[i] ?? 0),
      consider(model, units, lower, upper, i, end),
    ];
    let best: Move | null = null;
    for (const o of options)
      if (o !== null && o.gain > (best?.gain ?? 1e-9 * Math.abs(valueAt(model, i, x)))) best = o;
    if (best === null) continue;
    for (const [j, y] of best.changes) {
      units[j] = y;
      next[j] = y < (upper[j] ?? 0) ? marginal(model, j, y + 1) : Number.NEGATIVE_INFINITY;
    }
    repaired++;
  }
  return repaired;
}
