/**
 * Shortest round trips from a base through a day's stops: exact (Held-Karp dynamic programming) up
 * to EXACT_LIMIT stops, else deterministic multi-start 2-opt + Or-opt. Works on a distance matrix
 * where index 0 is the base.
 */

/** Days with at most this many stops are solved exactly. */
export const EXACT_LIMIT = 12;

export type Matrix = readonly Float64Array[];

/** Length of the round trip base → order… → base (order holds stop indices 1..n). */
export function tourLength(d: Matrix, order: readonly number[]): number {
  let total = 0;
  let prev = 0;
  for (const i of order) {
    total += d[prev][i];
    prev = i;
  }
  return total + d[prev][0];
}

/** Held-Karp: the exact shortest round trip over stops 1..n (n ≤ 16 keeps memory small). */
export function heldKarp(d: Matrix): number[] {
  const n = d.length - 1;
  if (n <= 0) return [];
  if (n === 1) return [1];
  const full = 1 << n;
  const cost = new Float64Array(full * n).fill(Infinity);
  const parent = new Int8Array(full * n).fill(-1);
  for (let j = 0; j < n; j++) cost[(1 << j) * n + j] = d[0][j + 1];
  for (let mask = 1; mask < full; mask++) {
    for (let j = 0; j < n; j++) {
      if ((mask & (1 << j)) === 0) continue;
      const c = cost[mask * n + j];
      if (c === Infinity) continue;
      const row = d[j + 1];
      for (let k = 0; k < n; k++) {
        if ((mask & (1 << k)) !== 0) continue;
        const next = mask | (1 << k);
        const v = c + row[k + 1];
        if (v < cost[next * n + k]) {
          cost[next * n + k] = v;
          parent[next * n + k] = j;
        }
      }
    }
  }
  const last = full - 1;
  let best = Infinity;
  let end = 0;
  for (let j = 0; j < n; j++) {
    const v = cost[last * n + j] + d[j + 1][0];
    if (v < best - 1e-12) {
      best = v;
      end = j;
    }
  }
  const order: number[] = [];
  let mask = last;
  let j = end;
  while (j >= 0) {
    order.push(j + 1);
    const p = parent[mask * n + j];
    mask &= ~(1 << j);
    j = p;
  }
  order.reverse();
  // A round trip and its reverse are the same length: keep the one that starts with the lower index.
  return order[0] <= order[order.length - 1] ? order : order.reverse();
}

/** 2-opt and Or-opt (segments of 1–3 stops moved, either direction) until no move improves. */
export function improve(d: Matrix, start: readonly number[]): number[] {
  const t = [0, ...start];
  const n = t.length;
  const at = (i: number): number => t[i % n];
  const dist = (a: number, b: number): number => d[a][b];
  const EPS = 1e-10;
  let improved = true;
  while (improved) {
    improved = false;
    // 2-opt: reverse t[i+1..j].
    for (let i = 0; i < n - 1; i++) {
      for (let j = i + 2; j < n; j++) {
        if (i === 0 && j === n - 1) continue;
        const a = at(i);
        const b = at(i + 1);
        const c = at(j);
        const e = at(j + 1);
        const delta = dist(a, c) + dist(b, e) - dist(a, b) - dist(c, e);
        if (delta < -EPS) {
          for (let lo = i + 1, hi = j; lo < hi; lo++, hi--) {
            const tmp = t[lo];
            t[lo] = t[hi];
            t[hi] = tmp;
          }
          improved = true;
        }
      }
    }
    // Or-opt: move the segment t[i..i+len-1] between two other neighbours.
    for (let len = 1; len <= 3 && !improved; len++) {
      for (let i = 1; i + len - 1 < n && !improved; i++) {
        const first = at(i);
        const last = at(i + len - 1);
        const prev = at(i - 1);
        const next = at(i + len);
        const removeGain = dist(prev, first) + dist(last, next) - dist(prev, next);
        for (let j = 0; j < n; j++) {
          if (j >= i - 1 && j <= i + len - 1) continue;
          const p = at(j);
          const q = at(j + 1);
          const forward = dist(p, first) + dist(last, q) - dist(p, q);
          const backward = dist(p, last) + dist(first, q) - dist(p, q);
          const add = Math.min(forward, backward);
          if (add < removeGain - EPS) {
            const segment = t.slice(i, i + len);
            if (backward < forward) segment.reverse();
            t.splice(i, len);
            const insertAt = j < i ? j + 1 : j + 1 - len;
            t.splice(insertAt, 0, ...segment);
            improved = true;
            break;
          }
        }
      }
    }
  }
  const zero = t.indexOf(0);
  return [...t.slice(zero + 1), ...t.slice(0, zero)];
}

/** Nearest neighbour from the base, starting with the given first stop. */
function nearestNeighbour(d: Matrix, first: number): number[] {
  const n = d.length - 1;
  const seen = new Uint8Array(n + 1);
  seen[0] = 1;
  seen[first] = 1;
  const order = [first];
  let cur = first;
  for (let step = 1; step < n; step++) {
    let best = -1;
    let bestD = Infinity;
    const row = d[cur];
    for (let k = 1; k <= n; k++) {
      if (seen[k] === 0 && row[k] < bestD) {
        bestD = row[k];
        best = k;
      }
    }
    seen[best] = 1;
    order.push(best);
    cur = best;
  }
  return order;
}

/** The shortest round trip found: exact up to EXACT_LIMIT stops, else the best of several local searches. */
export function shortestRoundTrip(d: Matrix): number[] {
  const n = d.length - 1;
  if (n <= EXACT_LIMIT) return heldKarp(d);
  let best: number[] = [];
  let bestLength = Infinity;
  const starts = Math.min(n, 8);
  for (let s = 0; s < starts; s++) {
    const first = 1 + Math.floor((s * n) / starts);
    const tour = improve(d, nearestNeighbour(d, first));
    const length = tourLength(d, tour);
    if (length < bestLength - 1e-9) {
      bestLength = length;
      best = tour;
    }
  }
  return best;
}
