/**
 * Optimized allocation after Lodish's CALLPLAN (domain.md): maximise Σ vᵢ·rᵢ(xᵢ) with Σ xᵢ = C,
 * Lᵢ ≤ xᵢ ≤ Uᵢ integers, rᵢ an ADBUDG response around the client's norm. Marginal analysis is exact
 * for concave responses (c ≤ 1); S-shaped ones (c > 1) are allocated on their concave envelope,
 * which the notes say. A client with value 0 or reference 0 has a flat response: its units are
 * worth 0, so it gets its minimum plus only what nobody else values (ties by id).
 */
import { bindingOf, checkCapacity, readBounds } from "./bounds";
import { InfeasibleAllocationError } from "./errors";
import { buildModel, marginal as marginalOf, valueAt as valueAtOf } from "./model";
import type { ResponseClient } from "./model";
import { repairChords } from "./repair";
import { thresholdCursor } from "./threshold";
import type { AllocationResult, BoundsInput, ClientAllocation } from "./types";

// Local bindings: CommonJS transforms (tsx, jest) turn each call of an import into a getter lookup.
const marginal = marginalOf;
const valueAt = valueAtOf;

export interface OptimizedClient extends BoundsInput, ResponseClient {}

export interface OptimizedInput {
  clients: readonly OptimizedClient[];
  capacity: number;
}

export function allocateOptimized(input: OptimizedInput): AllocationResult {
  const capacity = checkCapacity(input.capacity);
  const { clients } = input;
  const n = clients.length;
  const ids = clients.map((c) => c.id);
  const { lower, upper: givenUpper, sumLower, sumUpper } = readBounds(clients);
  if (sumLower > capacity || sumUpper < capacity) {
    throw new InfeasibleAllocationError(capacity, sumLower, sumUpper);
  }
  const spread = capacity - sumLower;
  // No client can take more than its minimum plus everything above the minimums.
  const upper = new Float64Array(n);
  for (let i = 0; i < n; i++) upper[i] = Math.min(givenUpper[i] ?? 0, (lower[i] ?? 0) + spread);
  const model = buildModel(clients, upper);
  const cursor = thresholdCursor(model, lower, upper, spread, ids);
  const repaired = repairChords(model, cursor, lower, upper);
  const { units, next } = cursor;

  let objective = 0;
  let shadowPrice: number | null = null;
  const allocations = new Array<ClientAllocation>(n);
  for (let i = 0; i < n; i++) {
    const x = units[i] ?? 0;
    const max = givenUpper[i] ?? 0;
    const known = next[i] ?? Number.NEGATIVE_INFINITY;
    const nextUnitValue =
      x < max ? (known > Number.NEGATIVE_INFINITY ? known : marginal(model, i, x + 1)) : null;
    if (nextUnitValue !== null && (shadowPrice === null || nextUnitValue > shadowPrice))
      shadowPrice = nextUnitValue;
    objective += valueAt(model, i, x);
    allocations[i] = {
      id: ids[i] ?? "",
      units: x,
      explanation: {
        lastUnitValue: x > 0 ? marginal(model, i, x) : null,
        nextUnitValue,
        binding: bindingOf(x, lower[i] ?? 0, max),
      },
    };
  }

  const notes: string[] = [];
  const notesFr: string[] = [];
  if (model.sShaped > 0) {
    notes.push(
      `${model.sShaped} client(s) have an S-shaped response (c > 1): they were allocated on its concave envelope${repaired > 0 ? `, then ${repaired} client(s) left part-way along it were moved by a local search` : ""}, so the result may fall slightly short of the true optimum.`,
    );
    notesFr.push(
      `${model.sShaped} client(s) ont une réponse en S (c > 1) : la répartition utilise son enveloppe concave${repaired > 0 ? `, puis ${repaired} client(s) arrêté(s) en cours de corde ont été ajusté(s) par recherche locale` : ""} et peut rester légèrement sous l'optimum.`,
    );
  }
  if (model.flat > 0) {
    notes.push(
      `${model.flat} client(s) have no value or no reference norm: extra contacts add nothing for them.`,
    );
    notesFr.push(
      `${model.flat} client(s) sans valeur ou sans norme de référence : des contacts en plus ne leur apportent rien.`,
    );
  }
  return {
    method: "optimized",
    capacity,
    total: capacity,
    spare: 0,
    allocations,
    shadowPrice,
    objective,
    notes,
    notesFr,
  };
}
