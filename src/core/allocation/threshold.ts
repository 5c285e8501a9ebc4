/**
 * The greedy's result without handing units out one by one (Lagrangian threshold search).
 * For a price λ every client takes each next unit worth ≥ λ; since marginal values fall, the
 * greedy's R units are exactly "all units worth ≥ λ_hi" for some λ_hi with fewer than R of them,
 * plus the best of the units worth less. λ steps down from the best marginal (with an undo when
 * a step would take far too many units); the last step's units are then ranked by a quickselect,
 * ties by id ascending as in the greedy.
 */
import { greedyFill, startCursor } from "./greedy";
import type { Cursor } from "./greedy";
import { marginal as marginalOf } from "./model";
import type { ResponseModel } from "./model";

// A local binding: CommonJS transforms (tsx, jest) turn each call of an import into a getter lookup.
const marginal = marginalOf;

/** Units taken during one price step, in order, so the step can be undone or ranked. */
interface StepLog {
  client: Int32Array;
  value: Float64Array;
  length: number;
}

/** Doubles the log's buffers: most steps take few units, so they start small. */
function grow(log: StepLog): void {
  const client = new Int32Array(log.client.length * 2);
  const value = new Float64Array(log.value.length * 2);
  client.set(log.client);
  value.set(log.value);
  log.client = client;
  log.value = value;
}

/** Takes every unit worth ≥ λ; false (and the log kept) when more than `limit` units were taken. */
function step(
  model: ResponseModel,
  cursor: Cursor,
  upper: Float64Array,
  lambda: number,
  limit: number,
  log: StepLog,
): boolean {
  const { units, next } = cursor;
  let taken = 0;
  for (let i = 0; i < model.n; i++) {
    let m = next[i] ?? 0;
    if (m < lambda) continue;
    let u = units[i] ?? 0;
    const hi = upper[i] ?? 0;
    while (m >= lambda) {
      if (taken >= limit) {
        units[i] = u;
        next[i] = m;
        log.length = taken;
        return false;
      }
      if (taken === log.client.length) grow(log);
      log.client[taken] = i;
      log.value[taken] = m;
      taken++;
      u++;
      m = u < hi ? marginal(model, i, u + 1) : Number.NEGATIVE_INFINITY;
    }
    units[i] = u;
    next[i] = m;
  }
  log.length = taken;
  return true;
}

function undo(cursor: Cursor, log: StepLog, keep: number): void {
  for (let k = log.length - 1; k >= keep; k--) {
    const i = log.client[k] ?? 0;
    cursor.units[i] = (cursor.units[i] ?? 0) - 1;
    cursor.next[i] = log.value[k] ?? 0;
  }
}

/** The k-th largest (1-based) of the first `length` values (partially reorders `values`). */
function kthLargest(values: Float64Array, length: number, k: number): number {
  let lo = 0;
  let hi = length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1] ?? 0;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] ?? 0) > pivot) i++;
      while ((values[j] ?? 0) < pivot) j--;
      if (i <= j) {
        const t = values[i] ?? 0;
        values[i] = values[j] ?? 0;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return values[target] ?? 0;
  }
  return values[target] ?? 0;
}

/** Keeps the best `keep` units of the last step (ties at the cut by id ascending), undoes the rest. */
function settle(cursor: Cursor, log: StepLog, keep: number, ids: readonly string[], n: number): void {
  const cut = kthLargest(log.value.slice(0, log.length), log.length, keep);
  const above = new Int32Array(n);
  const tied = new Int32Array(n);
  const taken = new Int32Array(n);
  let kept = 0;
  for (let k = 0; k < log.length; k++) {
    const i = log.client[k] ?? 0;
    const v = log.value[k] ?? 0;
    taken[i] = (taken[i] ?? 0) + 1;
    if (v > cut) {
      above[i] = (above[i] ?? 0) + 1;
      kept++;
    } else if (v === cut) tied[i] = (tied[i] ?? 0) + 1;
  }
  const tiedClients: number[] = [];
  for (let i = 0; i < n; i++) if ((tied[i] ?? 0) > 0) tiedClients.push(i);
  tiedClients.sort((p, q) => {
    const a = ids[p] ?? "";
    const b = ids[q] ?? "";
    return a !== b ? (a < b ? -1 : 1) : p - q;
  });
  const extra = new Int32Array(n);
  let room = keep - kept;
  for (const i of tiedClients) {
    if (room <= 0) break;
    const give = Math.min(room, tied[i] ?? 0);
    extra[i] = give;
    room -= give;
  }
  // A client's logged units fall in value, so the ones it keeps are the first of its log.
  const dropFrom = new Int32Array(n);
  for (let i = 0; i < n; i++) dropFrom[i] = (above[i] ?? 0) + (extra[i] ?? 0);
  const seen = new Int32Array(n);
  for (let k = 0; k < log.length; k++) {
    const i = log.client[k] ?? 0;
    const s = (seen[i] ?? 0) + 1;
    seen[i] = s;
    if (s === (dropFrom[i] ?? 0) + 1) {
      cursor.next[i] = log.value[k] ?? 0;
      cursor.units[i] = (cursor.units[i] ?? 0) - ((taken[i] ?? 0) - (dropFrom[i] ?? 0));
    }
  }
}

/**
 * The next price to try: the units taken grow about like λ^(−e); e is estimated from the last two
 * prices (1 at first), aiming a little past the count so the next step usually brackets it.
 */
function nextPrice(
  lambda: number,
  taken: number,
  previous: { lambda: number; taken: number } | null,
  aim: number,
  lambdaFail: number,
): number {
  // Far from the count, halve: the growth rate is not yet known well enough to extrapolate.
  if (taken * 8 < aim) return lambda / 2;
  let e = 1;
  if (previous !== null && previous.taken > 0 && taken > previous.taken) {
    e = Math.log(taken / previous.taken) / Math.log(previous.lambda / lambda);
  }
  e = Math.min(8, Math.max(0.25, e));
  let next = lambda * Math.pow(taken / aim, 1 / e);
  if (lambdaFail > 0) next = Math.max(next, Math.sqrt(lambda * lambdaFail));
  return Math.min(next, lambda * 0.999);
}

/** Units per client after handing out `count` units above the minimums, identical to greedyUnits. */
export function thresholdUnits(
  model: ResponseModel,
  lower: Float64Array,
  upper: Float64Array,
  count: number,
  ids: readonly string[],
): Int32Array {
  return thresholdCursor(model, lower, upper, count, ids).units;
}

/** thresholdUnits, returning the cursor: units and the value of each client's next unit. */
export function thresholdCursor(
  model: ResponseModel,
  lower: Float64Array,
  upper: Float64Array,
  count: number,
  ids: readonly string[],
): Cursor {
  const cursor = startCursor(model, lower, upper);
  if (count <= 0) return cursor;
  let best = 0;
  for (let i = 0; i < model.n; i++) best = Math.max(best, cursor.next[i] ?? 0);
  const slack = Math.max(1024, count >> 2);
  const initial = Math.max(1024, Math.min(count + slack, model.n));
  const log: StepLog = { client: new Int32Array(initial), value: new Float64Array(initial), length: 0 };
  let taken = 0;
  // Start where about count/8 clients (at most all) would take their first unit.
  const firsts = Math.max(1, Math.min(model.n, Math.ceil(count / 8)));
  let lambda = Math.max(kthLargest(cursor.next.slice(), model.n, firsts), best * 1e-12);
  // No unit is worth more than `best`, so just above it nothing is taken: a valid upper price.
  let lambdaHi = best * (1 + 1e-9);
  let lambdaFail = 0;
  let previous: { lambda: number; taken: number } | null = null;
  // Positive prices only: zero-valued units (flat responses) and masses of exactly tied units are
  // left to the greedy fallback, which is exact but slower.
  for (let round = 0; round < 200 && best > 0 && lambda > best * 1e-15; round++) {
    const ok = step(model, cursor, upper, lambda, count - taken + slack, log);
    if (!ok) {
      undo(cursor, log, 0);
      lambdaFail = lambda;
      if (lambdaHi <= lambdaFail * (1 + 1e-12)) break;
      lambda = Math.sqrt(lambdaHi * lambdaFail);
      continue;
    }
    if (taken + log.length >= count) {
      settle(cursor, log, count - taken, ids, model.n);
      return cursor;
    }
    taken += log.length;
    lambdaHi = lambda;
    lambda = nextPrice(lambda, taken, previous, count + slack / 2, lambdaFail);
    previous = { lambda: lambdaHi, taken };
  }
  const remaining = count - taken;
  greedyFill(model, cursor, upper, remaining, ids);
  return cursor;
}
