/**
 * One channel's re-forecast (domain.md, Scenarios and re-forecast): its remaining capacity, and the
 * remaining demands kept, or re-planned by the plan's method when they exceed it. `reforecast` runs
 * it per channel of a tracked plan; the REMAINING custom function runs it on plain columns.
 */
import type { AdbudgParams } from "../allocation";
import * as plan from "../plan";
import * as tracking from "../tracking";
import type { SegmentId } from "../types";

export type ReforecastMethod = "norms" | "optimized";

/** Whether the re-forecast starts from the contacts so far: from the period's first day on. */
export const hasStarted = (asOf: string, period: { start: string }): boolean => asOf >= period.start;

/** ⌊capacity × (1 − e)⌋, exact in working days when e is their ratio (no float rounding below a whole). */
export function remainingCapacityOf(
  capacity: number,
  elapsed: { share: number; elapsedDays: number; totalDays: number },
): number {
  if (!Number.isFinite(capacity) || capacity <= 0) return 0;
  if (elapsed.share <= 0) return Math.floor(capacity);
  if (elapsed.share >= 1) return 0;
  const plain = elapsed.totalDays > 0 && elapsed.share === elapsed.elapsedDays / elapsed.totalDays;
  const exact = plain
    ? (capacity * (elapsed.totalDays - elapsed.elapsedDays)) / elapsed.totalDays
    : capacity * (1 - elapsed.share);
  // A product that should be whole may land a hair under it in floating point.
  return Math.floor(exact + 1e-9);
}

/** A client's remaining demand on the channel, and what the optimized method values it by. */
export interface ChannelDemand {
  id: string;
  segment: SegmentId;
  demand: number;
  potential: number | null;
  salesN: number | null;
}

export interface Replanned {
  /** Per client, in the input's order. */
  units: number[];
  /** Whether the demands exceeded the capacity and were re-planned. */
  scaled: boolean;
}

/**
 * The demands stand when they fit in `capacity` (or there is none); otherwise the plan's own pool
 * allocation shares it out: norms by largest remainder, optimized on the remaining units with each
 * demand as its reference and its ceiling (nobody gets more than is left of their plan).
 */
export function replanChannel(
  demands: readonly ChannelDemand[],
  capacity: number | null,
  method: ReforecastMethod,
  responses?: Readonly<Record<SegmentId, AdbudgParams>>,
): Replanned {
  const total = demands.reduce((s, d) => s + d.demand, 0);
  if (capacity === null || total <= capacity) return { units: demands.map((d) => d.demand), scaled: false };
  const members: plan.PoolMember[] = demands.map((d) => ({
    id: d.id,
    segment: d.segment,
    demand: d.demand,
    segmentNorm: d.demand,
    value: plan.clientValue({ potential: d.potential, salesN: d.salesN, margin: null }),
    potential: d.potential,
    response: plan.responseFor(d.segment, responses),
    min: 0,
    // A fraction of a contact left rounds up to a whole ceiling.
    max: Math.ceil(d.demand),
  }));
  const result = plan.allocatePool(members, capacity, {
    method,
    mode: "proportional",
    priority: plan.DEFAULT_PRIORITY,
    fillSpare: false,
    ceilingFactor: plan.DEFAULT_CEILING_FACTOR,
  });
  // The pool's allocations come back in the members' order.
  return { units: result.allocations.map((a) => a.units), scaled: true };
}

export interface ColumnInput {
  /** Client ids (ties of the largest remainders go by id). */
  ids: readonly string[];
  /** The plan per client (the baseline). */
  baseline: readonly number[];
  /** Contacts made so far per client. */
  done: readonly number[];
  /** The channel's capacity for the period; null: none, the remaining demands stand. */
  capacity: number | null;
  elapsed: tracking.Elapsed;
  started: boolean;
  method?: ReforecastMethod;
}

export interface ColumnReforecast {
  remainingCapacity: number | null;
  demand: number[];
  remaining: number[];
  scaled: boolean;
}

/** One channel's re-forecast from plain columns (segments unknown: the norms method). */
export function reforecastColumn(input: ColumnInput): ColumnReforecast {
  const { started, capacity } = input;
  const demand = input.baseline.map((p, i) => (started ? tracking.remainingOf(p, input.done[i] ?? 0) : p));
  const left = capacity === null ? null : started ? remainingCapacityOf(capacity, input.elapsed) : capacity;
  if (!started) return { remainingCapacity: left, demand, remaining: [...demand], scaled: false };
  const r = replanChannel(
    demand.map((d, i) => ({ id: input.ids[i] ?? "", segment: "", demand: d, potential: null, salesN: null })),
    left,
    input.method ?? "norms",
  );
  return { remainingCapacity: left, demand, remaining: r.units, scaled: r.scaled };
}
