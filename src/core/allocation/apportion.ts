/**
 * Proportional shares under bounds (water-filling) and their rounding by largest remainder, in
 * exact arithmetic (domain.md: remainders are compared as the integers (demandᵢ × capacity) mod
 * Σ demand, never as floats). Weights are read as the decimals they print as (a norm of 2.5 is
 * 5/2), scaled to whole BigInts by one common power of ten; bounds are whole already.
 */

/** Weights as whole numbers over one common scale: weightᵢ = whole[i] / 10^k. */
interface Scaled {
  whole: bigint[];
  places: number;
}

/** The decimal a number prints as, as digits and a power of ten: 2.5 → [25n, 1]. */
function decimal(x: number): [bigint, number] {
  const [mantissa = "0", exponent = "0"] = x.toString().toLowerCase().split("e");
  const [int = "0", frac = ""] = mantissa.split(".");
  const digits = BigInt(int + frac);
  const places = frac.length - Number(exponent);
  return places >= 0 ? [digits, places] : [digits * 10n ** BigInt(-places), 0];
}

function scale(weights: ArrayLike<number>): Scaled {
  const parts: [bigint, number][] = [];
  let places = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] ?? 0;
    const part = w > 0 ? decimal(w) : ([0n, 0] as [bigint, number]);
    parts.push(part);
    places = Math.max(places, part[1]);
  }
  return { whole: parts.map(([d, p]) => d * 10n ** BigInt(places - p)), places };
}

/** An exact share: clamped to a bound, or whole[i] × level / denominator. */
export interface ExactShares {
  /** Each client's share as a float, for display (the scaled, unrounded target). */
  shares: Float64Array;
  /** floor(share) per client. */
  floors: number[];
  /** share − floor, as a numerator over `denominator` (0 for clients held at a bound). */
  remainders: bigint[];
  denominator: bigint;
}

const big = (x: number): bigint => BigInt(x);
const isFiniteBound = (u: number): boolean => u !== Number.POSITIVE_INFINITY;

/** Shares clamp(whole[i] × num / den, Lᵢ, Uᵢ), exactly. */
function sharesAt(
  whole: readonly bigint[],
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
  num: bigint,
  den: bigint,
): ExactShares {
  const n = whole.length;
  const shares = new Float64Array(n);
  const floors: number[] = [];
  const remainders: bigint[] = [];
  for (let i = 0; i < n; i++) {
    const l = lower[i] ?? 0;
    const u = upper[i] ?? 0;
    const x = (whole[i] ?? 0n) * num;
    if (x <= big(l) * den) {
      shares[i] = l;
      floors.push(l);
      remainders.push(0n);
    } else if (isFiniteBound(u) && x >= big(u) * den) {
      shares[i] = u;
      floors.push(u);
      remainders.push(0n);
    } else {
      const f = x / den;
      floors.push(Number(f));
      remainders.push(x % den);
      shares[i] = Number(f) + Number(x % den) / Number(den);
    }
  }
  return { shares, floors, remainders, denominator: den };
}

/** An event of the water level's walk: at level num/den, client i starts (or stops) growing. */
interface Event {
  num: bigint;
  den: bigint;
  i: number;
  start: boolean;
}

/**
 * Finds the level t ≥ 0 with Σ clamp(t·wᵢ, Lᵢ, Uᵢ) = target and returns the shares; null when even
 * t → ∞ falls short (clients with weight 0 stay at their minimum). Requires Σ L ≤ target and
 * whole bounds. The sum is piecewise linear in t with breakpoints Lᵢ/wᵢ and Uᵢ/wᵢ: the walk
 * keeps it as A + B·t and stops in the piece where it meets the target.
 */
export function waterFill(
  weights: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
  target: number,
): ExactShares | null {
  const { whole } = scale(weights);
  const events: Event[] = [];
  let a = 0n; // Σ of the parts that do not grow with t
  let b = 0n; // Σ of the weights that grow with t
  for (let i = 0; i < whole.length; i++) {
    const w = whole[i] ?? 0n;
    const l = lower[i] ?? 0;
    const u = upper[i] ?? 0;
    a += big(l);
    if (w > 0n && u > l) {
      events.push({ num: big(l), den: w, i, start: true });
      if (isFiniteBound(u)) events.push({ num: big(u), den: w, i, start: false });
    }
  }
  const goal = big(target);
  if (a >= goal) return sharesAt(whole, lower, upper, 0n, 1n);
  events.sort((p, q) => {
    const d = p.num * q.den - q.num * p.den;
    return d < 0n ? -1 : d > 0n ? 1 : 0;
  });
  for (const e of events) {
    // Does A + B·t reach the goal before this event's level e.num / e.den?
    if (b > 0n && (goal - a) * e.den <= e.num * b) return sharesAt(whole, lower, upper, goal - a, b);
    const w = whole[e.i] ?? 0n;
    if (e.start) {
      a -= big(lower[e.i] ?? 0);
      b += w;
    } else {
      a += big(upper[e.i] ?? 0);
      b -= w;
    }
  }
  return b > 0n ? sharesAt(whole, lower, upper, goal - a, b) : null;
}

/** Every share at its weight clamped to its bounds (t = 1): the norms as they stand. */
export function clampedShares(
  weights: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
): ExactShares {
  const { whole, places } = scale(weights);
  return sharesAt(whole, lower, upper, 1n, 10n ** BigInt(places));
}

/** Σ shares rounded to the nearest whole (halves up), exactly. */
export function roundedTotal(exact: ExactShares): number {
  const floors = exact.floors.reduce((s, f) => s + f, 0);
  const rest = exact.remainders.reduce((s, r) => s + r, 0n);
  return floors + Number((2n * rest + exact.denominator) / (2n * exact.denominator));
}

/**
 * Largest-remainder rounding to integers summing to `total` (Σ floor ≤ total): floors first, then
 * one more unit to the largest remainders, compared exactly, ties by id ascending. A client never
 * passes its upper bound (shares are ≤ upper and upper is whole).
 */
export function largestRemainder(
  exact: ExactShares,
  total: number,
  ids: readonly string[],
  upper: ArrayLike<number>,
): Int32Array {
  const n = exact.floors.length;
  const units = new Int32Array(n);
  const candidates: number[] = [];
  let assigned = 0;
  for (let i = 0; i < n; i++) {
    const f = exact.floors[i] ?? 0;
    units[i] = f;
    assigned += f;
    if (f < (upper[i] ?? 0)) candidates.push(i);
  }
  candidates.sort((p, q) => {
    const rp = exact.remainders[p] ?? 0n;
    const rq = exact.remainders[q] ?? 0n;
    if (rp !== rq) return rq > rp ? 1 : -1;
    const x = ids[p] ?? "";
    const y = ids[q] ?? "";
    return x < y ? -1 : x > y ? 1 : p - q;
  });
  const missing = Math.max(0, total - assigned);
  for (let k = 0; k < missing && k < candidates.length; k++) {
    const i = candidates[k] ?? 0;
    units[i] = (units[i] ?? 0) + 1;
  }
  return units;
}

/** Whether Σ shares > total, exactly. */
export function exceeds(exact: ExactShares, total: number): boolean {
  const floors = exact.floors.reduce((s, f) => s + f, 0);
  const rest = exact.remainders.reduce((s, r) => s + r, 0n);
  return big(floors - total) * exact.denominator + rest > 0n;
}
