/**
 * Allocation by norms (domain.md). When the demands exceed the capacity — or the minimums push
 * the clamped norms above it — every client gets clamp(t·demand, min, max) with one factor t chosen
 * so the shares sum to the capacity (clients whose scaled share violates a bound are held at it and
 * the rest is redistributed in proportion to demand), then shares are rounded by largest remainder,
 * ties by id. Otherwise the norms stand (clamped to bounds) and the spare is reported; `fillSpare`
 * hands the spare out the same way in proportion to potential (clients without potential get none).
 */
import { clampedShares, exceeds, largestRemainder, roundedTotal, waterFill } from "./apportion";
import { bindingOf, checkCapacity, checkNumber, readBounds } from "./bounds";
import { InfeasibleAllocationError } from "./errors";
import type { AllocationResult, BoundsInput } from "./types";

export interface NormsClient extends BoundsInput {
  demand: number;
  potential?: number | null;
}

export interface NormsInput {
  clients: readonly NormsClient[];
  capacity: number;
  fillSpare?: boolean;
}

function sum(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i] ?? 0;
  return s;
}
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export function allocateByNorms(input: NormsInput): AllocationResult {
  const capacity = checkCapacity(input.capacity);
  const { clients } = input;
  const ids = clients.map((c) => c.id);
  const { lower, upper, sumLower, sumUpper } = readBounds(clients);
  const demand = new Float64Array(clients.map((c) => checkNumber(c.id, "demand", c.demand)));
  if (sumLower > capacity) throw new InfeasibleAllocationError(capacity, sumLower, sumUpper);

  const standing = clampedShares(demand, lower, upper);
  const unbounded = clampedShares(
    demand,
    new Float64Array(clients.length),
    new Float64Array(clients.length).fill(Infinity),
  );
  const sumDemand = sum(demand);
  const notes: string[] = [];
  const notesFr: string[] = [];
  let shares: Float64Array;
  let units: Int32Array;

  if (exceeds(unbounded, capacity) || exceeds(standing, capacity)) {
    if (sumUpper < capacity) throw new InfeasibleAllocationError(capacity, sumLower, sumUpper);
    const scaled = waterFill(demand, lower, upper, capacity);
    if (scaled === null) {
      // Clients without demand only get their minimum, so the others' maximums fall short.
      const reachable = clients.reduce(
        (s, c, i) => s + ((demand[i] ?? 0) > 0 ? (upper[i] ?? 0) : (lower[i] ?? 0)),
        0,
      );
      throw new InfeasibleAllocationError(capacity, sumLower, reachable);
    }
    shares = scaled.shares;
    units = largestRemainder(scaled, capacity, ids, upper);
    const factor = sumDemand > 0 ? capacity / sumDemand : 0;
    notes.push(
      `Demands (${round3(sumDemand)}) exceed the capacity (${capacity}): scaled by about ${round3(factor)}.`,
    );
    notesFr.push(
      `Les normes (${round3(sumDemand)}) dépassent la capacité (${capacity}) : réduites d'un facteur ${round3(factor)} environ.`,
    );
  } else {
    shares = standing.shares;
    units = largestRemainder(standing, roundedTotal(standing), ids, upper);
    const spare = capacity - sum(units);
    if (input.fillSpare === true && spare > 0) {
      const filled = fillSpare(clients, units, upper, spare, ids);
      shares = shares.map((s, i) => s + (filled.extra[i] ?? 0));
      units = filled.units;
      notes.push(filled.noteEn);
      notesFr.push(filled.noteFr);
    } else if (spare > 0) {
      notes.push(`The norms use ${capacity - spare} of ${capacity}: ${spare} spare.`);
      notesFr.push(`Les normes utilisent ${capacity - spare} sur ${capacity} : ${spare} disponibles.`);
    }
  }

  const total = sum(units);
  return {
    method: "norms",
    capacity,
    total,
    spare: capacity - total,
    allocations: clients.map((c, i) => ({
      id: c.id,
      units: units[i] ?? 0,
      explanation: {
        lastUnitValue: null,
        nextUnitValue: null,
        binding: bindingOf(units[i] ?? 0, lower[i] ?? 0, upper[i] ?? 0),
        target: shares[i] ?? 0,
      },
    })),
    shadowPrice: null,
    notes,
    notesFr,
  };
}

interface Filled {
  units: Int32Array;
  extra: Float64Array;
  noteEn: string;
  noteFr: string;
}

/** Spreads `spare` units in proportion to potential, up to each client's maximum. */
function fillSpare(
  clients: readonly NormsClient[],
  units: Int32Array,
  upper: Float64Array,
  spare: number,
  ids: readonly string[],
): Filled {
  const potential = new Float64Array(
    clients.map((c) =>
      c.potential !== null && c.potential !== undefined && c.potential > 0 ? c.potential : 0,
    ),
  );
  const room = upper.map((u, i) => ((potential[i] ?? 0) > 0 ? u - (units[i] ?? 0) : 0));
  const zero = new Float64Array(clients.length);
  const exact = waterFill(potential, zero, room, spare) ?? clampedShares(room, zero, room);
  const extra = exact.shares;
  const placed = largestRemainder(exact, Math.min(spare, roundedTotal(exact)), ids, room);
  const out = units.map((u, i) => u + (placed[i] ?? 0));
  const used = sum(placed);
  const left = spare - used;
  return {
    units: out,
    extra,
    noteEn:
      left === 0
        ? `The ${spare} spare units were given in proportion to potential.`
        : `${used} of the ${spare} spare units were given in proportion to potential; ${left} remain (no potential or maximums reached).`,
    noteFr:
      left === 0
        ? `Les ${spare} contacts disponibles ont été répartis au prorata du potentiel.`
        : `${used} des ${spare} contacts disponibles ont été répartis au prorata du potentiel ; il en reste ${left} (pas de potentiel ou maximums atteints).`,
  };
}
