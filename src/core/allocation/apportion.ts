/** Proportional shares under bounds (water-filling) and their rounding by largest remainder. */

/**
 * Finds t ≥ 0 with Σ clamp(t·wᵢ, Lᵢ, Uᵢ) = target and returns the clamped shares; null when even
 * t → ∞ falls short (clients with weight 0 stay at their minimum). Requires Σ L ≤ target.
 * Exact by a sweep over the breakpoints Lᵢ/wᵢ and Uᵢ/wᵢ, where the sum changes slope.
 */
export function waterFill(
  weights: Float64Array,
  lower: Float64Array,
  upper: Float64Array,
  target: number,
): Float64Array | null {
  const n = weights.length;
  const times: number[] = [];
  const deltas: number[] = [];
  let value = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i] ?? 0;
    const l = lower[i] ?? 0;
    const u = upper[i] ?? 0;
    value += l;
    if (w > 0 && u > l) {
      times.push(l / w, u / w);
      deltas.push(w, -w);
    }
  }
  const order = times.map((_, k) => k).sort((p, q) => (times[p] ?? 0) - (times[q] ?? 0));
  let slope = 0;
  let now = 0;
  // The walk sums float steps: a target equal to the sum of the maximums may be reached only to
  // within a few ulps (117.99999999999999 for 118), which must still count as reached.
  const reached = (v: number): boolean => v >= target - 1e-9 * Math.max(1, Math.abs(target));
  let t: number | null = reached(value) ? 0 : null;
  for (const k of order) {
    if (t !== null) break;
    const at = times[k] ?? 0;
    if (at === Number.POSITIVE_INFINITY) break;
    if (slope > 0 && reached(value + slope * (at - now))) {
      t = now + (target - value) / slope;
      break;
    }
    value += slope * (at - now);
    now = at;
    slope += deltas[k] ?? 0;
  }
  if (t === null && slope > 0) t = now + (target - value) / slope;
  if (t === null) return null;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = Math.min(Math.max(t * (weights[i] ?? 0), lower[i] ?? 0), upper[i] ?? 0);
  }
  return out;
}

/** Snap values within float noise of an integer onto it, so 6.9999999999 rounds as 7. */
function snap(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - r) <= 1e-9 * Math.max(1, Math.abs(x)) ? r : x;
}

/**
 * Largest-remainder rounding of `shares` to integers summing to `total` (Σ floor ≤ total):
 * floors first, then one more unit to the largest remainders, ties by id ascending.
 * A client never passes its upper bound (shares are ≤ upper and upper is whole).
 */
export function largestRemainder(
  shares: Float64Array,
  total: number,
  ids: readonly string[],
  upper: Float64Array,
): Int32Array {
  const n = shares.length;
  const units = new Int32Array(n);
  const remainders = new Float64Array(n);
  let assigned = 0;
  const candidates: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = snap(shares[i] ?? 0);
    const f = Math.floor(x);
    units[i] = f;
    assigned += f;
    remainders[i] = x - f;
    if (f < (upper[i] ?? 0)) candidates.push(i);
  }
  candidates.sort((p, q) => {
    const d = (remainders[q] ?? 0) - (remainders[p] ?? 0);
    if (d !== 0) return d;
    const a = ids[p] ?? "";
    const b = ids[q] ?? "";
    return a < b ? -1 : a > b ? 1 : p - q;
  });
  const missing = Math.max(0, total - assigned);
  for (let k = 0; k < missing && k < candidates.length; k++) {
    const i = candidates[k] ?? 0;
    units[i] = (units[i] ?? 0) + 1;
  }
  return units;
}
