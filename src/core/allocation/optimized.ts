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

/**
 * Equal clients get equal plans: the units worth exactly the lowest value given (λ) are taken
 * back and handed out again one per client per pass, by id, to every client whose next unit is
 * worth λ, instead of piling on the first id. The objective is unchanged (same values).
 */
function spreadTies(
  model: Parameters<typeof marginal>[0],
  cursor: { units: Int32Array; next: Float64Array },
  lower: Float64Array,
  upper: Float64Array,
  ids: readonly string[],
): void {
  const { units, next } = cursor;
  const n = units.length;
  let lambda = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const x = units[i] ?? 0;
    if (x > (lower[i] ?? 0)) lambda = Math.min(lambda, marginal(model, i, x));
  }
  if (lambda === Number.POSITIVE_INFINITY) return;
  let pool = 0;
  for (let i = 0; i < n; i++) {
    while ((units[i] ?? 0) > (lower[i] ?? 0) && marginal(model, i, units[i] ?? 0) === lambda) {
      units[i] = (units[i] ?? 0) - 1;
      next[i] = Number.NEGATIVE_INFINITY;
      pool++;
    }
  }
  const order = ids
    .map((_, i) => i)
    .sort((p, q) => {
      const a = ids[p] ?? "";
      const b = ids[q] ?? "";
      return a < b ? -1 : a > b ? 1 : p - q;
    });
  while (pool > 0) {
    let gave = false;
    for (const i of order) {
      if (pool === 0) break;
      const x = units[i] ?? 0;
      if (x < (upper[i] ?? 0) && marginal(model, i, x + 1) === lambda) {
        units[i] = x + 1;
        next[i] = Number.NEGATIVE_INFINITY;
        pool--;
        gave = true;
      }
    }
    if (!gave) break;
  }
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
  spreadTies(model, cursor, lower, upper, ids);
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
