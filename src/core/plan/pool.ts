/**
 * One pool's allocation: a channel's capacity among clients, by norms (proportional scaling or by
 * priority of segments) or optimized (with its default ceiling of 2 × the segment's norm).
 */
import * as allocation from "../allocation";
import type { AdbudgParams, AllocationResult } from "../allocation";
import type { SegmentId } from "../types";

export type ShortfallMode = "proportional" | "priority";

/** Retain, At risk, Develop, Maintain (domain.md); segments not listed come after, in order of appearance. */
export const DEFAULT_PRIORITY: readonly SegmentId[] = ["retain", "atRisk", "develop", "maintain"];
export const DEFAULT_CEILING_FACTOR = 2;

export interface PoolMember {
  id: string;
  segment: SegmentId;
  demand: number;
  /** The segment's own norm for this channel (the optimized ceiling's base). */
  segmentNorm: number;
  value: number;
  potential: number | null;
  response: AdbudgParams | null;
  min: number;
  /** The client's own maximum; null when none. */
  max: number | null;
}

export interface PoolChoice {
  method: "norms" | "optimized";
  mode: ShortfallMode;
  priority: readonly SegmentId[];
  fillSpare: boolean;
  ceilingFactor: number;
}

/** Segments in priority order: the listed ones first, then the others as they appear. */
function prioritised(members: readonly PoolMember[], priority: readonly SegmentId[]): SegmentId[] {
  const seen = [...new Set(members.map((m) => m.segment))];
  const rank = (s: SegmentId): number => {
    const i = priority.indexOf(s);
    return i < 0 ? priority.length + seen.indexOf(s) : i;
  };
  return seen.sort((a, b) => rank(a) - rank(b));
}

/**
 * By priority: each segment in turn gets its full norms while the capacity lasts (the minimums
 * of the later ones kept aside); the segment where it runs out is scaled by largest remainder;
 * the segments after it get their minimums (the floor).
 */
function byPriority(
  members: readonly PoolMember[],
  capacity: number,
  priority: readonly SegmentId[],
): AllocationResult {
  const sumMin = members.reduce((s, m) => s + Math.ceil(m.min), 0);
  if (sumMin > capacity) {
    // Same message and numbers as the proportional rule.
    return allocation.allocateByNorms({ clients: members, capacity });
  }
  let free = capacity - sumMin;
  const units = new Map<string, number>();
  const targets = new Map<string, number>();
  const bindings = new Map<string, AllocationResult["allocations"][number]["explanation"]["binding"]>();
  const cut: SegmentId[] = [];
  for (const segment of prioritised(members, priority)) {
    const group = members.filter((m) => m.segment === segment);
    const groupMin = group.reduce((s, m) => s + Math.ceil(m.min), 0);
    const groupDemand = group.reduce((s, m) => s + Math.max(m.demand, m.min), 0);
    if (groupDemand > free + groupMin) cut.push(segment);
    const r = allocation.allocateByNorms({ clients: group, capacity: free + groupMin });
    free -= r.total - groupMin;
    for (const a of r.allocations) {
      units.set(a.id, a.units);
      targets.set(a.id, a.explanation.target ?? a.units);
      bindings.set(a.id, a.explanation.binding);
    }
  }
  const total = capacity - free;
  const demand = members.reduce((s, m) => s + m.demand, 0);
  const notes: string[] = [];
  const notesFr: string[] = [];
  if (demand > capacity) {
    notes.push(
      `Demands (${demand}) exceed the capacity (${capacity}): segments served by priority; the capacity runs out in ${cut[0] ?? "—"}.`,
    );
    notesFr.push(
      `Les normes (${demand}) dépassent la capacité (${capacity}) : segments servis par priorité ; la capacité s'épuise dans ${cut[0] ?? "—"}.`,
    );
  } else if (free > 0) {
    notes.push(`The norms use ${total} of ${capacity}: ${free} spare.`);
    notesFr.push(`Les normes utilisent ${total} sur ${capacity} : ${free} disponibles.`);
  }
  return {
    method: "norms",
    capacity,
    total,
    spare: free,
    allocations: members.map((m) => ({
      id: m.id,
      units: units.get(m.id) ?? 0,
      explanation: {
        lastUnitValue: null,
        nextUnitValue: null,
        binding: bindings.get(m.id) ?? null,
        target: targets.get(m.id) ?? 0,
      },
    })),
    shadowPrice: null,
    notes,
    notesFr,
  };
}

/** Optimized, each client capped at its max or at factor × its segment's norm (at least 1). */
function optimized(members: readonly PoolMember[], capacity: number, factor: number): AllocationResult {
  const clients = members.map((m) => ({
    id: m.id,
    value: m.value,
    reference: m.demand,
    response: m.response,
    min: m.min,
    max: m.max ?? Math.max(1, Math.floor(factor * m.segmentNorm), Math.ceil(m.min)),
  }));
  const ceiling = clients.reduce((s, c) => s + c.max, 0);
  if (ceiling >= capacity) return allocation.allocateOptimized({ clients, capacity });
  const r = allocation.allocateOptimized({ clients, capacity: ceiling });
  return {
    ...r,
    capacity,
    spare: capacity - ceiling,
    notes: [
      ...r.notes,
      `Every client is at its ceiling (its max, else ${factor} × its segment's norm): ${capacity - ceiling} of ${capacity} spare.`,
    ],
    notesFr: [
      ...r.notesFr,
      `Chaque client est à son plafond (son maximum, sinon ${factor} × la norme de son segment) : ${capacity - ceiling} sur ${capacity} disponibles.`,
    ],
  };
}

export function allocatePool(
  members: readonly PoolMember[],
  capacity: number,
  choice: PoolChoice,
): AllocationResult {
  if (choice.method === "optimized") return optimized(members, capacity, choice.ceilingFactor);
  if (choice.mode === "priority") return byPriority(members, capacity, choice.priority);
  return allocation.allocateByNorms({ clients: members, capacity, fillSpare: choice.fillSpare });
}
