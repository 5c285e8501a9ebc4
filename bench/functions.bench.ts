/**
 * Memoisation of the custom functions: one whole-column CADENCE.ALLOCATE over 5,000 clients against
 * 5,000 per-row calls (one per table row, each naming its row by id) with the same columns.
 * Goal (issue 3): the 5,000 per-row calls cost at most 3× one allocation. Excel hands each call fresh
 * arrays parsed from JSON (new arrays, new strings): the per-row runs draw each call's columns from 50
 * such copies made beforehand, so no two calls in a row share an array, and neither the copying nor
 * the garbage collection of 5,000 × 20,000 cells (the runtime's marshalling, not ours) lands in the
 * timed calls. Excel sends one recalculation's calls in one message that the runtime runs in one
 * synchronous loop, with the ranges' addresses when the function asks for them
 * (@requiresParameterAddresses): the per-row runs here are such loops, with and without the addresses.
 * Then the marshalling: the JSON of every call's arguments for 5,000 rows, per-row against spilled.
 */
import "../test/functions/support/customFunctions";
import * as fns from "../src/functions/functions";
import { contentKey, keyStats, wholeColumnCache } from "../src/functions/memo";
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

/** A copy as the runtime makes one: parsed from JSON, so its arrays and strings are new objects. */
const copy = (c: Column): Column => JSON.parse(JSON.stringify(c)) as Column;
const COPIES = 50;

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

  // What Excel's parameterAddresses holds for =CADENCE.ALLOCATE(Clients[Segment], 30000, [@Id], …).
  const invocation = {
    parameterAddresses: [
      "Clients!C2:C5001",
      "",
      "Clients!A2",
      "Clients!A2:A5001",
      "Clients!E2:E5001",
      "",
      "Clients!F2:F5001",
    ],
  };
  const copies = Array.from({ length: COPIES }, () => [
    copy(p.segments),
    copy(p.ids),
    copy(p.potential),
    copy(p.max),
  ]);
  const perRow = (fresh: boolean, addresses: boolean): number => {
    wholeColumnCache.clear();
    let total = 0;
    for (let i = 0; i < N; i++) {
      const cols = fresh ? (copies[i % COPIES] ?? []) : [p.segments, p.ids, p.potential, p.max];
      const id = p.ids[i]?.[0] ?? "";
      const inv = addresses ? { parameterAddresses: [...invocation.parameterAddresses] } : undefined;
      const t0 = performance.now();
      fns.allocate(
        cols[0],
        capacity,
        id,
        cols[1],
        cols[2],
        null as never,
        cols[3],
        undefined,
        undefined,
        undefined,
        undefined,
        inv,
      );
      total += performance.now() - t0;
    }
    return total;
  };
  // Each run is one synchronous loop, as the runtime runs one message; awaiting between runs ends it.
  const runs = async (fresh: boolean, addresses: boolean): Promise<number> => {
    const times: number[] = [];
    for (let r = 0; r < 3; r++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      times.push(perRow(fresh, addresses));
    }
    return median(times);
  };
  whole();
  const dispatched = await runs(true, true);
  keyStats.byAddress = 0;
  keyStats.byContent = 0;
  await new Promise((resolve) => setTimeout(resolve, 0));
  perRow(true, true);
  const stats = { ...keyStats };
  const fresh = await runs(true, false);
  const sameRuns = timeRuns(() => void perRow(false, false), 3, 1);
  const same = median(sameRuns);
  console.log(`one whole-column ALLOCATE, ${N} clients (cold cache): median ${fmt(one)}`);
  console.log(
    `${N} per-row ALLOCATE calls, fresh arrays, one dispatch with parameter addresses (as Excel): ${fmt(dispatched)}  ratio ${(dispatched / one).toFixed(2)}× (goal ≤ 3×); keys: ${stats.byAddress} by address, ${stats.byContent} by content`,
  );
  console.log(
    `${N} per-row ALLOCATE calls, fresh arrays, no addresses (exact check every call): ${fmt(fresh)}  ratio ${(fresh / one).toFixed(2)}×`,
  );
  console.log(
    `${N} per-row ALLOCATE calls, the same arrays: ${fmt(same)}  ratio ${(same / one).toFixed(2)}×`,
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
  marshalling(p);
  await Promise.resolve();
}

/**
 * What Excel marshals to the custom functions runtime: each call's arguments as JSON (the runtime
 * parses one message per recalculation). Per-row ALLOCATE / ABC / SEGMENT pass whole columns to
 * every call, so the bytes grow with rows²; one spilled call outside the table passes them once.
 * PACE / STATUS with TODAY() are volatile: every edit recalculates every row's call.
 */
function marshalling(p: ReturnType<typeof portfolio>): void {
  const sales: Column = p.potential.map((r) => [Math.round(Number(r[0] ?? 0) / 3)]);
  const sales1: Column = p.potential.map((r) => [Math.round(Number(r[0] ?? 0) / 4)]);
  const calls: Record<string, (id: string) => unknown[]> = {
    ALLOCATE: (id) => [p.segments, 30000, id, p.ids, p.potential, null, p.max],
    ABC: (id) => [sales, id, p.ids],
    SEGMENT: (id) => [sales, sales1, p.potential, id, p.ids, "fr"],
    "PACE (volatile, per edit)": () => [[[12]], [[20]], 46000],
  };
  const spilled: Record<string, unknown[]> = {
    ALLOCATE: [p.segments, 30000, null, p.ids, p.potential, null, p.max],
    ABC: [sales, null, p.ids],
    SEGMENT: [sales, sales1, p.potential, null, p.ids, "fr"],
    "PACE (volatile, per edit)": [p.potential.map(() => [12]), p.potential.map(() => [20]), 46000],
  };
  console.log(`marshalling: JSON of the arguments of every call for ${N} rows (what the runtime parses)`);
  for (const [name, args] of Object.entries(calls)) {
    // Every row's call carries the same columns; only its id differs: sum the exact sizes.
    let bytes = 0;
    for (let i = 0; i < N; i++) bytes += JSON.stringify(args(String(p.ids[i]?.[0] ?? ""))).length;
    const sample = JSON.stringify(args(String(p.ids[0]?.[0] ?? "")));
    const parseTimes: number[] = [];
    for (let r = 0; r < 20; r++) {
      const t0 = performance.now();
      JSON.parse(sample);
      parseTimes.push(performance.now() - t0);
    }
    const perCall = median(parseTimes);
    const once = JSON.stringify(spilled[name]).length;
    console.log(
      `  ${name}: ${N} per-row calls ${(bytes / 1e6).toFixed(1)} MB, parsing ≈ ${fmt(perCall * N)} (${fmt(perCall)} a call); one spilled call ${(once / 1e3).toFixed(0)} kB (${(bytes / once).toFixed(0)}× less)`,
    );
  }
}
