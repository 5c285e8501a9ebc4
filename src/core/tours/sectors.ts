/**
 * Compact sectors: a window's visits are cut into days around the base. A sweep by bearing gives
 * the first cut (starting at the widest empty angle); then stops move or swap between days while
 * that shortens the total of the days' round trips (cheapest insertion into each day's current
 * route). Fixed stops (appointments) never move. Everything is deterministic.
 */
import { improve, tourLength, type Matrix } from "./tsp";

export interface SectorDay {
  /** Stop indices (into the matrix, base = 0) fixed on this day. */
  fixed: readonly number[];
  /** Free stops this day can still take. */
  capacity: number;
}

/**
 * Distributes the free stops (matrix indices) into the days; returns each day's stops as a route
 * order (fixed and free together). `angles[i]` is the bearing of stop i from the base.
 */
export function buildSectors(
  d: Matrix,
  angles: Float64Array,
  days: readonly SectorDay[],
  free: readonly number[],
): number[][] {
  const routes: number[][] = days.map((day) => [...day.fixed]);
  const room = days.map((day) => day.capacity);
  const isFixed = new Uint8Array(d.length);
  for (const day of days) for (const i of day.fixed) isFixed[i] = 1;
  const sorted = [...free].sort((a, b) => angles[a] - angles[b] || a - b);
  // Days with fixed stops take the free stops nearest them first (built around their appointments).
  const left = new Set(sorted);
  days.forEach((day, k) => {
    while (room[k] > 0 && day.fixed.length > 0 && left.size > 0) {
      let best = -1;
      let bestCost = Infinity;
      for (const s of left) {
        const c = insertion(d, routes[k], s).cost;
        if (c < bestCost) {
          bestCost = c;
          best = s;
        }
      }
      insertAt(d, routes[k], best);
      left.delete(best);
      room[k] = room[k] - 1;
    }
  });
  // The sweep: start after the widest gap in bearings, fill the other days in turn.
  const rest = sorted.filter((s) => left.has(s));
  if (rest.length > 0) {
    let gapAt = 0;
    let widest = -1;
    for (let i = 0; i < rest.length; i++) {
      const a = angles[rest[i]];
      const prev = angles[rest[(i - 1 + rest.length) % rest.length]];
      const gap = i === 0 ? a - prev + 2 * Math.PI : a - prev;
      if (gap > widest) {
        widest = gap;
        gapAt = i;
      }
    }
    const order = [...rest.slice(gapAt), ...rest.slice(0, gapAt)];
    let k = 0;
    for (const s of order) {
      while (k < days.length && room[k] <= 0) k++;
      if (k >= days.length) break;
      insertAt(d, routes[k], s);
      room[k] = room[k] - 1;
    }
  }
  for (let k = 0; k < routes.length; k++) routes[k] = improve(d, routes[k]);
  localSearch(d, routes, room, isFixed);
  return routes;
}

/** Cheapest insertion of s into a route (base = 0 at both ends). */
function insertion(d: Matrix, route: readonly number[], s: number): { cost: number; at: number } {
  const row = d[s];
  let best = Infinity;
  let at = 0;
  let prev = 0;
  for (let i = 0; i <= route.length; i++) {
    const next = i < route.length ? route[i] : 0;
    const c = row[prev] + row[next] - d[prev][next];
    if (c < best) {
      best = c;
      at = i;
    }
    prev = next;
  }
  return { cost: best, at };
}

function insertAt(d: Matrix, route: number[], s: number): void {
  route.splice(insertion(d, route, s).at, 0, s);
}

/** What removing the stop at position i saves. */
function removalGain(d: Matrix, route: readonly number[], i: number): number {
  const prev = i > 0 ? route[i - 1] : 0;
  const next = i + 1 < route.length ? route[i + 1] : 0;
  const s = route[i];
  const row = d[s];
  return row[prev] + row[next] - d[prev][next];
}

const MAX_PASSES = 30;

/** Relocate and swap free stops between days while the total round-trip length falls. */
function localSearch(d: Matrix, routes: number[][], room: number[], isFixed: Uint8Array): void {
  const EPS = 1e-9;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let moved = false;
    for (let a = 0; a < routes.length; a++) {
      for (let i = 0; i < routes[a].length; i++) {
        const ra = routes[a];
        const s = ra[i];
        if (isFixed[s] === 1) continue;
        const gain = removalGain(d, ra, i);
        const without = [...ra.slice(0, i), ...ra.slice(i + 1)];
        let bestDelta = -EPS;
        let bestMove: (() => void) | null = null;
        for (let b = 0; b < routes.length; b++) {
          if (b === a) continue;
          const rb = routes[b];
          if (room[b] > 0) {
            const ins = insertion(d, rb, s);
            const delta = ins.cost - gain;
            if (delta < bestDelta) {
              bestDelta = delta;
              bestMove = () => {
                rb.splice(ins.at, 0, s);
                routes[a] = without;
                room[a] = room[a] + 1;
                room[b] = room[b] - 1;
              };
            }
          }
          // Swap s with a free stop t of day b.
          for (let j = 0; j < rb.length; j++) {
            const t = rb[j];
            if (isFixed[t] === 1) continue;
            const gainT = removalGain(d, rb, j);
            const rbWithout = [...rb.slice(0, j), ...rb.slice(j + 1)];
            const insS = insertion(d, rbWithout, s);
            const insT = insertion(d, without, t);
            const delta = insS.cost + insT.cost - gain - gainT;
            if (delta < bestDelta) {
              bestDelta = delta;
              bestMove = () => {
                rbWithout.splice(insS.at, 0, s);
                without.splice(insT.at, 0, t);
                routes[a] = without;
                routes[b] = rbWithout;
              };
            }
          }
        }
        if (bestMove !== null) {
          bestMove();
          moved = true;
        }
      }
    }
    for (let k = 0; k < routes.length; k++) routes[k] = improve(d, routes[k]);
    if (!moved) break;
  }
}

/** Total length of the days' round trips. */
export const totalLength = (d: Matrix, routes: readonly (readonly number[])[]): number =>
  routes.reduce((sum, r) => sum + tourLength(d, r), 0);
