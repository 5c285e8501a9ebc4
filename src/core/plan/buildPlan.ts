/**
 * The year-end plan: segment the portfolio, give each client its norm, then allocate each channel's
 * capacity (visits split between clients and the prospecting reserve). Shared by the wizard and the CLI.
 */
import * as allocation from "../allocation";
import type { AdbudgParams, AllocationResult } from "../allocation";
import * as norms from "../norms";
import type { NormTable } from "../norms";
import type { SegmentAssignment } from "../segment";
import type { Channel, ChannelCounts, ChannelId, Client, SegmentId } from "../types";
import { DEFAULT_CHANNELS } from "../types";
import { segmentPortfolio, type SegmentationChoice } from "./segmentation";
import { clientValue, describeClient } from "./explain";

/** The capacity the plan shares out: contacts per channel, the visits reserved for prospects. */
export interface PlanCapacity {
  perChannel: ChannelCounts;
  prospecting: { visits: number };
}

export interface PlanOptions {
  segmentation?: SegmentationChoice;
  norms?: NormTable;
  channels?: readonly Channel[];
  capacity: PlanCapacity;
  method?: "norms" | "optimized";
  /** Norms method: share spare capacity in proportion to potential. */
  fillSpare?: boolean;
  /** ADBUDG response per segment for the optimized method (default: DEFAULT_RESPONSE_BY_SEGMENT). */
  responses?: Readonly<Record<SegmentId, AdbudgParams>>;
  /** The segment that takes the prospecting reserve of visits. */
  prospectSegment?: SegmentId;
}

export interface PlannedClient {
  id: string;
  segment: SegmentId;
  assignment: SegmentAssignment;
  norm: ChannelCounts;
  planned: ChannelCounts;
  weightedPlanned: number;
  /** Why the client got what it got, per allocated channel (English). */
  explanation: string;
}

/** One allocation: a channel's capacity among a pool of clients. */
export interface PoolResult {
  channel: ChannelId;
  pool: "clients" | "prospects" | "all";
  demand: number;
  result: AllocationResult;
}

export interface PlanResult {
  method: "norms" | "optimized";
  clients: PlannedClient[];
  segments: Record<SegmentId, number>;
  pools: PoolResult[];
  /** Channels with no capacity given: their norms stand as the plan. */
  uncapped: ChannelId[];
  notes: string[];
}

function responseFor(segment: SegmentId, responses: PlanOptions["responses"]): AdbudgParams | null {
  const table: Readonly<Record<SegmentId, AdbudgParams>> =
    responses ?? allocation.DEFAULT_RESPONSE_BY_SEGMENT;
  return Object.hasOwn(table, segment) ? (table[segment] ?? null) : null;
}

export function buildPlan(clients: readonly Client[], options: PlanOptions): PlanResult {
  const channels = options.channels ?? DEFAULT_CHANNELS;
  const table = options.norms ?? norms.DEFAULT_NORMS;
  const method = options.method ?? "norms";
  const prospectSegment = options.prospectSegment ?? "prospect";
  const assignments = segmentPortfolio(clients, options.segmentation ?? { method: "strategic" });
  const rows = clients.map((client) => {
    const assignment = assignments.get(client.id);
    if (assignment === undefined) throw new Error(`client ${client.id} was not segmented`);
    return { client, assignment, norm: norms.normFor(client, assignment.segment, table) };
  });

  const planned = new Map<string, ChannelCounts>(rows.map((r) => [r.client.id, {}]));
  const pools: PoolResult[] = [];
  const uncapped: ChannelId[] = [];
  for (const channel of channels) {
    const capacity = options.capacity.perChannel[channel.id];
    if (capacity === undefined) {
      if (rows.some((r) => (r.norm[channel.id] ?? 0) > 0)) uncapped.push(channel.id);
      for (const r of rows) {
        const n = r.norm[channel.id];
        if (n !== undefined) (planned.get(r.client.id) ?? {})[channel.id] = n;
      }
      continue;
    }
    const isVisit = channel.id === "visit";
    const split = isVisit
      ? ([
          [
            "clients",
            rows.filter((r) => r.assignment.segment !== prospectSegment),
            capacity - options.capacity.prospecting.visits,
          ],
          [
            "prospects",
            rows.filter((r) => r.assignment.segment === prospectSegment),
            options.capacity.prospecting.visits,
          ],
        ] as const)
      : ([["all", rows, capacity]] as const);
    for (const [pool, members, poolCapacity] of split) {
      if (members.length === 0) continue;
      const input = members.map((r) => ({
        id: r.client.id,
        demand: r.norm[channel.id] ?? 0,
        reference: r.norm[channel.id] ?? 0,
        value: clientValue(r.client),
        potential: r.client.potential,
        response: responseFor(r.assignment.segment, options.responses),
        // Bounds on a row apply to its visits, the resource reps plan first.
        min: isVisit ? r.client.min : null,
        max: isVisit ? r.client.max : null,
      }));
      const result =
        method === "optimized"
          ? allocation.allocateOptimized({ clients: input, capacity: poolCapacity })
          : allocation.allocateByNorms({
              clients: input,
              capacity: poolCapacity,
              fillSpare: options.fillSpare ?? false,
            });
      for (const a of result.allocations) (planned.get(a.id) ?? {})[channel.id] = a.units;
      pools.push({ channel: channel.id, pool, demand: input.reduce((s, c) => s + c.demand, 0), result });
    }
  }

  const segments: Record<SegmentId, number> = {};
  for (const r of rows) segments[r.assignment.segment] = (segments[r.assignment.segment] ?? 0) + 1;
  const out = rows.map((r): PlannedClient => {
    const p = planned.get(r.client.id) ?? {};
    return {
      id: r.client.id,
      segment: r.assignment.segment,
      assignment: r.assignment,
      norm: r.norm,
      planned: p,
      weightedPlanned: norms.weighted(p, channels),
      explanation: describeClient(r.client.id, r.norm, pools),
    };
  });
  const notes = pools.flatMap((p) => p.result.notes.map((n) => `${p.channel} (${p.pool}): ${n}`));
  if (uncapped.length > 0)
    notes.push(`No capacity given for ${uncapped.join(", ")}: the norms stand as the plan.`);
  return { method, clients: out, segments, pools, uncapped, notes };
}
