/**
 * ADBUDG response (Little, 1970; used by Lodish's CALLPLAN), relative to a reference effort x₀:
 *   r(x) = b + (a − b) · (x/x₀)^c / (d + (x/x₀)^c),   d = (a − 1)/(1 − b) so that r(x₀) = 1.
 * b = share of sales kept with no contact, a = saturation, c = shape (≤ 1 concave, > 1 S-shaped).
 * A reference x₀ ≤ 0 (no norm) makes the response flat at 1: more contacts change nothing.
 */
import type { StrategicSegmentId } from "../types";
import type { Requirement } from "../errors";
import { InvalidAllocationInputError } from "./errors";

export interface AdbudgParams {
  /** Saturation: response with unlimited contacts (> 1). */
  a: number;
  /** Response with no contact (0 ≤ b < 1). */
  b: number;
  /** Shape (> 0): ≤ 1 concave, > 1 S-shaped. */
  c: number;
  /** Scale; default calibrateD(a, b) so that r(x₀) = 1. */
  d?: number;
}

/** The domain page's worked example: b 0.6, a 1.2, c 0.8 (d = 0.5). */
export const DEFAULT_ADBUDG: Readonly<AdbudgParams> = { a: 1.2, b: 0.6, c: 0.8 };

/**
 * Defaults per strategic segment (editable): loyal clients keep most sales without contact and
 * saturate early; clients to develop have the most upside; prospects need several contacts
 * before they buy (S-shaped, b = 0).
 */
export const DEFAULT_RESPONSE_BY_SEGMENT: Readonly<Record<StrategicSegmentId, Readonly<AdbudgParams>>> = {
  retain: { a: 1.15, b: 0.7, c: 0.8 },
  develop: { a: 1.6, b: 0.5, c: 0.9 },
  atRisk: { a: 1.3, b: 0.4, c: 0.8 },
  maintain: { a: 1.1, b: 0.8, c: 0.7 },
  prospect: { a: 1.5, b: 0, c: 1.5 },
};

export function calibrateD(a: number, b: number): number {
  return (a - 1) / (1 - b);
}

export interface CheckedParams {
  a: number;
  b: number;
  c: number;
  d: number;
}

/** Validated parameters with d filled in; errors name the client and the parameter. */
export function checkParams(p: AdbudgParams, clientId: string | null = null): CheckedParams {
  const bad = (field: string, value: number, requirement: Requirement): never => {
    throw new InvalidAllocationInputError(clientId, `response.${field}`, value, requirement);
  };
  if (!Number.isFinite(p.b) || p.b < 0 || p.b >= 1)
    bad("b", p.b, { kind: "range", min: 0, max: 1, maxOpen: true });
  if (!Number.isFinite(p.a) || p.a <= 1) bad("a", p.a, { kind: "above", bound: 1 });
  if (!Number.isFinite(p.c) || p.c <= 0) bad("c", p.c, { kind: "above", bound: 0 });
  const d = p.d ?? calibrateD(p.a, p.b);
  if (!Number.isFinite(d) || d <= 0) bad("d", d, { kind: "above", bound: 0 });
  return { a: p.a, b: p.b, c: p.c, d };
}

/** r(x) for effort x and reference x₀ (flat at 1 when x₀ ≤ 0). */
export function adbudg(x: number, x0: number, p: AdbudgParams): number {
  const { a, b, c, d } = checkParams(p);
  if (x0 <= 0) return 1;
  const s = Math.pow(Math.max(0, x) / x0, c);
  return b + ((a - b) * s) / (d + s);
}
