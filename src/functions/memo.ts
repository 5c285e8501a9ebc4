/**
 * Memoisation of whole-column work (allocation, segmentation…): a table of 5,000 rows calls the same
 * function 5,000 times with the same columns, and Excel hands over fresh arrays each time, so results
 * are keyed by a content hash of the arguments (two independent 32-bit FNV-style hashes plus the
 * sizes), in a small LRU cache.
 */
import type { Cell } from "./args";

export type Arg = Cell | readonly (readonly Cell[])[];

const FNV_PRIME = 0x01000193;
const MIX_PRIME = 0x85ebca6b;
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** A content key of the arguments: sizes, then two hashes over every cell's type and value. */
export function contentKey(name: string, args: readonly Arg[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x12345678;
  let size = "";
  const mix = (x: number): void => {
    h1 = Math.imul(h1 ^ x, FNV_PRIME);
    h2 = Math.imul(h2 ^ x, MIX_PRIME) ^ (h2 >>> 15);
  };
  const cell = (v: Cell): void => {
    if (typeof v === "number") {
      if ((v | 0) === v) mix(v);
      else {
        f64[0] = v;
        mix(u32[0]);
        mix(u32[1]);
      }
      mix(1);
    } else if (typeof v === "string") {
      for (let i = 0; i < v.length; i++) mix(v.charCodeAt(i));
      mix(2);
    } else if (typeof v === "boolean") mix(v ? 3 : 4);
    else mix(5);
  };
  for (const arg of args) {
    if (Array.isArray(arg)) {
      const m = arg as readonly (readonly Cell[])[];
      size += `${m.length}x${m[0]?.length ?? 0};`;
      for (const row of m) for (const v of row) cell(v);
    } else {
      size += "s;";
      cell(arg as Cell);
    }
    mix(6);
  }
  return `${name}|${size}|${(h1 >>> 0).toString(36)}|${(h2 >>> 0).toString(36)}`;
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

/** Computes `compute()` once per distinct (name, arguments) content among the recent ones. */
export function memoised<V>(name: string, args: readonly Arg[], compute: () => V): V {
  return wholeColumnCache.getOrCompute(contentKey(name, args), compute) as V;
}
