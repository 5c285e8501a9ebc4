/**
 * Memoisation of the custom functions: one whole-column CADENCE.ALLOCATE over 5,000 clients against
 * 5,000 per-row calls (one per table row, each naming its row by id) with the same columns.
 * Goal (issue 3): the 5,000 per-row calls cost at most 3× one allocation. Excel hands fresh arrays to
 * each call, so the per-row case copies the columns before every call (copying is not timed).
 */
import "../test/functions/support/customFunctions";
import * as fns from "../src/functions/functions";
import { contentKey, wholeColumnCache } from "../src/functions/memo";
import { fmt, median, timeRuns } from "./stats";

const N = 5000;
const SEGMENTS = ["Fidéliser", "Développer", "Érosion", "Entretenir", "Conquérir"];

type Column = (string | number | null)[][];

function portfolio(n: number): { ids: Column; segments: Column; potential: Column; max: Column } {
  let seed = 42;
  const rand = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const ids: Column = [];
  const segments: Column = [];
  const potential: Column = [];
  const max: Column = [];
  for (let i = 0; i < n; i++) {
    ids.push([`C${String(i).padStart(5, "0")}`]);
    segments.push([SEGMENTS[Math.floor(rand() * SEGMENTS.length)] ?? "Entretenir"]);
    potential.push([Math.round(rand() * 100000)]);
    max.push([rand() < 0.1 ? 4 : null]);
  }
  return { ids, segments, potential, max };
}

const copy = (c: Column): Column => c.map((row) => [...row]);

export async function run(): Promise<void> {
  const p = portfolio(N);
  const capacity = 30000;
  const whole = (): unknown =>
    fns.allocate(
      copy(p.segments),
      capacity,
      null,
      copy(p.ids),
      copy(p.potential),
      null as never,
      copy(p.max),
    );

  const wholeTimes: number[] = [];
  for (let r = 0; r < 7; r++) {
    wholeColumnCache.clear();
    const args = [copy(p.segments), copy(p.ids), copy(p.potential), copy(p.max)] as const;
    const t0 = performance.now();
    fns.allocate(args[0], capacity, null, args[1], args[2], null as never, args[3]);
    wholeTimes.push(performance.now() - t0);
  }
  const one = median(wholeTimes);

  const perRow = (fresh: boolean): number => {
    wholeColumnCache.clear();
    let total = 0;
    for (let i = 0; i < N; i++) {
      const cols = fresh
        ? [copy(p.segments), copy(p.ids), copy(p.potential), copy(p.max)]
        : [p.segments, p.ids, p.potential, p.max];
      const id = p.ids[i]?.[0] ?? "";
      const t0 = performance.now();
      fns.allocate(cols[0], capacity, id, cols[1], cols[2], null as never, cols[3]);
      total += performance.now() - t0;
    }
    return total;
  };
  whole();
  const freshRuns = [perRow(true), perRow(true), perRow(true)];
  const sameRuns = timeRuns(() => void perRow(false), 3, 1);
  const fresh = median(freshRuns);
  const same = median(sameRuns);
  console.log(`one whole-column ALLOCATE, ${N} clients (cold cache): median ${fmt(one)}`);
  console.log(
    `${N} per-row ALLOCATE calls, fresh arrays each call (as Excel): ${fmt(fresh)}  ratio ${(fresh / one).toFixed(2)}× (goal ≤ 3×)`,
  );
  console.log(
    `${N} per-row ALLOCATE calls, the same arrays: ${fmt(same)}  ratio ${(same / one).toFixed(2)}× (goal ≤ 3×)`,
  );
  console.log(`cache: ${wholeColumnCache.hits} hits, ${wholeColumnCache.misses} misses in the last run`);
  // The floor for fresh arrays: a correct cache check must read every cell of the columns once.
  const hashTimes: number[] = [];
  for (let r = 0; r < 200; r++) {
    const cols = [copy(p.segments), copy(p.ids), copy(p.potential), copy(p.max)];
    const t0 = performance.now();
    contentKey("ALLOCATE", [cols[0], capacity, cols[1], cols[2], null, cols[3]]);
    hashTimes.push(performance.now() - t0);
  }
  const hash = median(hashTimes);
  console.log(
    `content hash of the ${4 * N} cells alone: ${(hash * 1000).toFixed(0)} µs per call; × ${N} calls = ${fmt(hash * N)} (${((hash * N) / one).toFixed(1)}× one allocation)`,
  );
  await Promise.resolve();
}
