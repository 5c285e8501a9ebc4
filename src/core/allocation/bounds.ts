/**
 * Validated integer bounds. A fractional minimum is rounded up and a fractional maximum down
 * (units are whole contacts); blank means 0 and no maximum (Infinity).
 */
import { InvalidAllocationInputError } from "./errors";
import type { BoundsInput } from "./types";

export interface Bounds {
  lower: Float64Array;
  /** Infinity where the client has no maximum. */
  upper: Float64Array;
  sumLower: number;
  sumUpper: number;
}

function finiteNonNegative(id: string | null, field: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new InvalidAllocationInputError(id, field, value, { kind: "nonNegative" });
  }
  return value;
}

export function checkCapacity(capacity: number): number {
  finiteNonNegative(null, "capacity", capacity);
  if (!Number.isInteger(capacity)) {
    throw new InvalidAllocationInputError(null, "capacity", capacity, { kind: "wholeNumber" });
  }
  return capacity;
}

export function checkNumber(id: string, field: string, value: number): number {
  return finiteNonNegative(id, field, value);
}

export function readBounds(clients: readonly BoundsInput[]): Bounds {
  const n = clients.length;
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  let sumLower = 0;
  let sumUpper = 0;
  for (let i = 0; i < n; i++) {
    const c = clients[i];
    const lo = c.min ?? 0;
    const hi = c.max ?? Number.POSITIVE_INFINITY;
    const l = Math.ceil(finiteNonNegative(c.id, "min", lo));
    const u = c.max === null || c.max === undefined ? hi : Math.floor(finiteNonNegative(c.id, "max", hi));
    if (l > u) {
      throw new InvalidAllocationInputError(c.id, "min", c.min, {
        kind: "notAboveMaximum",
        maximum: c.max ?? u,
      });
    }
    lower[i] = l;
    upper[i] = u;
    sumLower += l;
    sumUpper += u;
  }
  return { lower, upper, sumLower, sumUpper };
}

/** "max" when units equal a given maximum, else "min" when they equal a positive minimum. */
export function bindingOf(units: number, lower: number, upper: number): "min" | "max" | null {
  if (units === upper) return "max";
  if (units === lower && lower > 0) return "min";
  return null;
}
