/**
 * The optimized allocation's response curves in typed arrays (the hot loops read these), and the
 * value of each client's k-th unit: v·(r(k) − r(k − 1)), or for S-shaped curves (c > 1) the slope
 * of their concave envelope — a chord from 0 to the tangent point kₜ, then the curve itself.
 */
import { checkParams, DEFAULT_ADBUDG } from "./adbudg";
import type { AdbudgParams } from "./adbudg";
import { checkNumber } from "./bounds";

export interface ResponseClient {
  id: string;
  value: number;
  reference: number;
  response?: AdbudgParams | null;
}

export interface ResponseModel {
  n: number;
  value: Float64Array;
  base: Float64Array;
  /** v·(a − b); 0 for a flat response (value 0 or no reference). */
  amp: Float64Array;
  d: Float64Array;
  c: Float64Array;
  /** x₀^(−c), so s(k) = k^c · scale. */
  scale: Float64Array;
  /** Envelope tangent point kₜ (0 when concave); units 1..kₜ are worth hullSlope each. */
  hullEnd: Int32Array;
  hullSlope: Float64Array;
  /** Index into `powers` of the client's shape c, or −1 (too many distinct shapes: Math.pow). */
  shape: Int32Array;
  /** powers[j][k] = k^c for the j-th distinct c, grown on demand: pow is the hot loop's cost. */
  powers: Float64Array[];
  shapes: number[];
  sShaped: number;
  flat: number;
}

const MAX_SHAPES = 32;

function powerTable(m: ResponseModel, c: number): number {
  const j = m.shapes.indexOf(c);
  if (j >= 0 || m.shapes.length >= MAX_SHAPES) return j;
  m.shapes.push(c);
  m.powers.push(fillPowers(new Float64Array(64), 0, c));
  return m.shapes.length - 1;
}

function fillPowers(table: Float64Array, from: number, c: number): Float64Array {
  for (let k = from; k < table.length; k++) table[k] = Math.pow(k, c);
  return table;
}

/** k^c for client i. */
function power(m: ResponseModel, i: number, k: number): number {
  const j = m.shape[i] ?? -1;
  if (j < 0) return Math.pow(k, m.c[i] ?? 1);
  let table = m.powers[j];
  if (k >= table.length) {
    let size = table.length;
    while (size <= k) size *= 2;
    const grown = new Float64Array(size);
    grown.set(table);
    table = fillPowers(grown, m.powers[j]?.length ?? 0, m.shapes[j] ?? 1);
    m.powers[j] = table;
  }
  return table[k] ?? 0;
}

export function buildModel(clients: readonly ResponseClient[], upper: Float64Array): ResponseModel {
  const n = clients.length;
  const m: ResponseModel = {
    n,
    value: new Float64Array(n),
    base: new Float64Array(n),
    amp: new Float64Array(n),
    d: new Float64Array(n),
    c: new Float64Array(n),
    scale: new Float64Array(n),
    hullEnd: new Int32Array(n),
    hullSlope: new Float64Array(n),
    shape: new Int32Array(n),
    powers: [],
    shapes: [],
    sShaped: 0,
    flat: 0,
  };
  let last: AdbudgParams | null = null;
  let checked = checkParams(DEFAULT_ADBUDG);
  let shape = powerTable(m, checked.c);
  for (let i = 0; i < n; i++) {
    const cl = clients[i];
    const v = checkNumber(cl.id, "value", cl.value);
    const x0 = checkNumber(cl.id, "reference", cl.reference);
    const p = cl.response ?? DEFAULT_ADBUDG;
    // Clients usually share a segment's parameter object: check it once.
    if (p !== last) {
      checked = checkParams(p, cl.id);
      shape = powerTable(m, checked.c);
      last = p;
    }
    m.value[i] = v;
    m.base[i] = checked.b;
    m.d[i] = checked.d;
    m.c[i] = checked.c;
    m.shape[i] = shape;
    const flat = v === 0 || x0 === 0;
    m.amp[i] = flat ? 0 : v * (checked.a - checked.b);
    m.scale[i] = flat
      ? 1
      : 1 / (Number.isInteger(x0) && x0 < 4096 ? power(m, i, x0) : Math.pow(x0, checked.c));
    if (flat) m.flat++;
    else if (checked.c > 1) {
      m.sShaped++;
      envelope(m, i, upper[i] ?? 0);
    }
  }
  return m;
}

/** r(k) − b for the actual curve, times v (so 0 for k = 0). */
function gain(m: ResponseModel, i: number, k: number): number {
  if (k <= 0) return 0;
  const s = power(m, i, k) * (m.scale[i] ?? 1);
  return ((m.amp[i] ?? 0) * s) / ((m.d[i] ?? 1) + s);
}

/** The slope from the origin, (r(k) − r(0))/k, rises then falls: kₜ is its peak (capped by U). */
function envelope(m: ResponseModel, i: number, upper: number): void {
  let k = 0;
  let best = 0;
  while (k < upper) {
    const slope = gain(m, i, k + 1) / (k + 1);
    if (slope < best) break;
    best = slope;
    k++;
  }
  m.hullEnd[i] = k;
  m.hullSlope[i] = best;
}

/** Value of client i's k-th unit (k ≥ 1). */
export function marginal(m: ResponseModel, i: number, k: number): number {
  if (k <= (m.hullEnd[i] ?? 0)) return m.hullSlope[i] ?? 0;
  const amp = m.amp[i] ?? 0;
  if (amp === 0) return 0;
  const scale = m.scale[i] ?? 1;
  const d = m.d[i] ?? 1;
  const s1 = power(m, i, k) * scale;
  const s0 = power(m, i, k - 1) * scale;
  // r(k) − r(k−1) rewritten to avoid cancelling two nearly equal ratios.
  return (amp * d * (s1 - s0)) / ((d + s1) * (d + s0));
}

/** v·r(x) on the actual (not enveloped) curve; flat responses are worth v. */
export function valueAt(m: ResponseModel, i: number, x: number): number {
  const v = m.value[i] ?? 0;
  if ((m.amp[i] ?? 0) === 0) return v;
  return v * (m.base[i] ?? 0) + gain(m, i, x);
}
