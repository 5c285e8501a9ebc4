/**
 * Memoisation of whole-column work (allocation, segmentation…): a table of 5,000 rows calls the same
 * function 5,000 times with the same columns, and Excel hands over fresh arrays each time, so results
 * are keyed by a content hash of the arguments (two independent 32-bit FNV-style hashes plus the
 * sizes), in a small LRU cache.
 *
 * Reading every cell of every call is exact but costs about as much per call as the columns are long.
 * Excel sends one recalculation's invocations in one message, which the custom functions runtime runs
 * in one synchronous loop; when Excel also says where each argument was read from
 * (invocation.parameterAddresses), calls of that same loop naming the same ranges (and equal scalar
 * arguments) share the content key the first of them computed, without reading the cells again. A new
 * task (the next message, the next recalculation) starts over with the exact check.
 */
import type { Cell } from "./args";

export type Arg = Cell | readonly (readonly Cell[])[];

const FNV_PRIME = 0x01000193;
const MIX_PRIME = 0x85ebca6b;
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** Two 32-bit hashes of one cell list, folded into `state` (kept in locals: this loop is the hot path). */
function hashCells(rows: readonly (readonly Cell[])[], state: Uint32Array): void {
  let h1 = state[0];
  let h2 = state[1];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      let x: number;
      if (typeof v === "number") {
        if ((v | 0) === v) x = v ^ 0x5bd1e995;
        else {
          f64[0] = v;
          x = u32[0] ^ Math.imul(u32[1], 0x27d4eb2d);
        }
      } else if (typeof v === "string") {
        x = v.length ^ 0x7f4a7c15;
        for (let i = 0; i < v.length; i++) x = Math.imul(x ^ v.charCodeAt(i), FNV_PRIME);
      } else if (typeof v === "boolean") x = v ? 0x1b873593 : 0x2c1b3c6d;
      else x = 0x3c6ef372;
      h1 = Math.imul(h1 ^ x, FNV_PRIME);
      h2 = Math.imul(h2 ^ x, MIX_PRIME);
      h2 ^= h2 >>> 15;
    }
  }
  state[0] = h1;
  state[1] = h2;
}

/** A content key of the arguments: sizes, then two hashes over every cell's type and value. */
export function contentKey(name: string, args: readonly Arg[]): string {
  const state = new Uint32Array([0x811c9dc5, 0x12345678]);
  let size = "";
  for (const arg of args) {
    if (Array.isArray(arg)) {
      const m = arg as readonly (readonly Cell[])[];
      size += `${m.length}x${m[0]?.length ?? 0};`;
      hashCells(m, state);
    } else {
      size += "s;";
      hashCells([[arg as Cell]], state);
    }
  }
  return `${name}|${size}|${state[0].toString(36)}|${state[1].toString(36)}`;
}

/** A bounded least-recently-used cache (Map keeps insertion order; a hit moves the entry last). */
export class LruCache<V> {
  private readonly entries = new Map<string, V>();
  hits = 0;
  misses = 0;

  constructor(private readonly capacity: number) {}

  getOrCompute(key: string, compute: () => V): V {
    const cached = this.entries.get(key);
    if (cached !== undefined) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    this.misses++;
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    return value;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.hits = 0;
    this.misses = 0;
  }
}

/** The one cache the whole-column functions share: a few recent portfolios are enough for a workbook. */
export const wholeColumnCache = new LruCache<unknown>(8);

/** The last few calls' arguments and keys: callers that pass the same values again skip the hash. */
const recentKeys: { name: string; args: readonly Arg[]; key: string }[] = [];
const RECENT = 4;

/** Same cells, same order: a plain `===` walk, several times cheaper than hashing every string. */
function sameArg(a: Arg, b: Arg): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b)) return false;
  const x = a as readonly (readonly Cell[])[];
  const y = b as readonly (readonly Cell[])[];
  if (x.length !== y.length) return false;
  for (let r = 0; r < x.length; r++) {
    const rx = x[r];
    const ry = y[r];
    if (rx === ry) continue;
    if (rx.length !== ry.length) return false;
    for (let c = 0; c < rx.length; c++) if (rx[c] !== ry[c]) return false;
  }
  return true;
}

/**
 * The content key. Excel hands fresh arrays to every call of a table's 5,000 rows, all with the same
 * values: comparing them cell by cell with the previous call's arguments is exact and much cheaper than
 * hashing them again, so the hash runs only when the values changed.
 */
function exactKeyOf(name: string, args: readonly Arg[]): string {
  for (const recent of recentKeys) {
    if (
      recent.name === name &&
      recent.args.length === args.length &&
      recent.args.every((a, i) => sameArg(a, args[i]))
    ) {
      // Keep the newest arrays: a caller that passes them again then matches by identity at once.
      recent.args = [...args];
      return recent.key;
    }
  }
  const key = contentKey(name, args);
  if (args.some((a) => Array.isArray(a))) {
    recentKeys.unshift({ name, args: [...args], key });
    if (recentKeys.length > RECENT) recentKeys.pop();
  }
  return key;
}

/** Where Excel read each argument (aligned with the arguments); null or "" where it did not say. */
export type Addresses = readonly (string | null | undefined)[];

/** Content keys already checked in the current synchronous dispatch, by ranges and scalar values. */
const dispatchKeys = new Map<string, string>();
let dispatchOpen = false;

/** Counts of calls keyed by their ranges within one dispatch, and by reading their cells. */
export const keyStats = { byAddress: 0, byContent: 0 };

/** Opens a dispatch at the first call of a synchronous run; it closes at the next microtask. */
function enterDispatch(): void {
  if (dispatchOpen) return;
  dispatchOpen = true;
  dispatchKeys.clear();
  queueMicrotask(() => {
    dispatchOpen = false;
    dispatchKeys.clear();
  });
}

/** The ranges and scalars of a call, or null when a range argument has no address (an inline array). */
function addressKey(name: string, args: readonly Arg[], addresses: Addresses): string | null {
  if (addresses.length !== args.length) return null;
  let key = name;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (Array.isArray(arg)) {
      const address = addresses[i];
      if (typeof address !== "string" || address === "") return null;
      const m = arg as readonly (readonly Cell[])[];
      key += `|${address}#${m.length}x${m[0]?.length ?? 0}`;
    } else {
      key += `|${typeof arg}:${String(arg)}`;
    }
  }
  return key;
}

/**
 * The key of a call's arguments: by their ranges within one dispatch when Excel gave the addresses,
 * else by their content.
 */
export function keyOf(name: string, args: readonly Arg[], addresses?: Addresses): string {
  const byAddress = addresses === undefined ? null : addressKey(name, args, addresses);
  if (byAddress === null) {
    keyStats.byContent++;
    return exactKeyOf(name, args);
  }
  enterDispatch();
  const known = dispatchKeys.get(byAddress);
  if (known !== undefined) {
    keyStats.byAddress++;
    return known;
  }
  keyStats.byContent++;
  const key = exactKeyOf(name, args);
  dispatchKeys.set(byAddress, key);
  return key;
}

/** What the memo reads of Excel's invocation object (CustomFunctions.Invocation). */
export interface Invocation {
  readonly parameterAddresses?: readonly string[] | null;
}

/**
 * A memo key out of a function's parameters (in Excel's order): those at `positions`, blanks as null,
 * with the addresses Excel gave for those same parameters when it gave any.
 */
export function keyAt(
  params: readonly (Arg | undefined)[],
  positions: readonly number[],
  invocation?: Invocation,
): { args: Arg[]; addresses: Addresses | undefined } {
  const all = invocation?.parameterAddresses;
  return {
    args: positions.map((p) => params[p] ?? null),
    addresses: all === undefined || all === null ? undefined : positions.map((p) => all[p]),
  };
}

/** Computes `compute()` once per distinct (name, arguments) content among the recent ones. */
export function memoised<V>(name: string, args: readonly Arg[], compute: () => V, addresses?: Addresses): V {
  // Failures are kept too: 5,000 rows over an infeasible plan must not recompute it 5,000 times.
  const outcome = wholeColumnCache.getOrCompute(keyOf(name, args, addresses), (): Outcome<V> => {
    try {
      return { ok: true, value: compute() };
    } catch (error: unknown) {
      return { ok: false, error };
    }
  }) as Outcome<V>;
  if (outcome.ok) return outcome.value;
  throw outcome.error;
}

type Outcome<V> = { ok: true; value: V } | { ok: false; error: unknown };
