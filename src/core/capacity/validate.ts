import type { ChannelCounts } from "../types";
import { InvalidCapacityInputError } from "./errors";

/** A finite number ≥ 0, or a named error. */
export function nonNegative(field: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new InvalidCapacityInputError(field, value, { kind: "number" });
  }
  if (value < 0) {
    throw new InvalidCapacityInputError(field, value, { kind: "nonNegative" });
  }
  return value;
}

export function shareInUnitRange(field: string, value: unknown): number {
  const n = nonNegative(field, value);
  if (n > 1) {
    throw new InvalidCapacityInputError(field, value, { kind: "range", min: 0, max: 1, maxOpen: false });
  }
  return n;
}

/** Validated copy of a per-channel map; undefined entries are dropped. */
export function channelMap(
  field: string,
  counts: ChannelCounts,
  check: (f: string, v: unknown) => number,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const [channel, value] of Object.entries(counts)) {
    if (value === undefined) continue;
    out.set(channel, check(`${field}.${channel}`, value));
  }
  return out;
}
