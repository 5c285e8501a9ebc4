/**
 * The year-end plan: segment the portfolio, give each client its norm, then allocate each pool:
 * the visit capacity (split between clients and the prospecting reserve), the remote pool shared
 * by the remote channels, or a channel's own capacity. Shared by the wizard, the CLI and the functions.
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
import { allocatePool, DEFAULT_CEILING_FACTOR, DEFAULT_PRIORITY } from "./pool";
import type { PoolMember, ShortfallMode } from "./pool";
import { floorChannel, remoteChannels, splitRemote } from "./remote";
import type { Unfunded } from "./remote";

/** The capacity the plan shares out. */
export interface PlanCapacity {
  /** Channels with a capacity of their own, in contacts (visits always: the field days' pool). */
  perChannel: ChannelCounts;
  prospecting: { visits: number };
  /**
   * The remote pool, in visit-equivalents, shared by the other channels by their weights. Absent:
   * those channels have no capacity given and their norms stand.
   */
  remote?: { visitEquivalents: number; perDay: number };
}

export interface PlanOptions {
  segmentation?: SegmentationChoice;
  norms?: NormTable;
  channels?: readonly Channel[];
  capacity: PlanCapacity;
  method?: "norms" | "optimized";
  /** Norms method, when the demands exceed a pool: scale every norm alike, or serve segments by priority. */
  mode?: ShortfallMode;
  /** The priority order of segments (default Retain, At risk, Develop, Maintain). */
  priority?: readonly SegmentId[];
  /** Keep one contact a year for every active client (salesN > 0 or salesN1 > 0). */
  floor?: boolean;
  /** Norms method: share spare capacity in proportion to potential. */
  fillSpare?: boolean;
  /** Optimized: ceiling per client and channel = factor × the segment's norm (≥ 1) unless a max; default 2. */
  ceilingFactor?: number;
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
  /** The same in French. */
  explanationFr: string;
}

/** One allocation: a channel's capacity among a pool of clients. */
export interface PoolResult {
  channel: ChannelId;
  pool: "clients" | "prospects" | "all" | "remote";
  demand: number;
  result: AllocationResult;
}

export interface PlanResult {
  method: "norms" | "optimized";
  mode: ShortfallMode;
  clients: PlannedClient[];
  segments: Record<SegmentId, number>;
  pools: PoolResult[];
  /** Channels with no capacity given: their norms stand as the plan. */
  uncapped: ChannelId[];
  /** Remote norms with no remote time: contacts, visit-equivalents and the remote days they would need. */
  unfunded: Unfunded | null;
  /** Whether the capacity binds: some pool's norms exceed it, or remote norms are unfunded. */
  constrained: boolean;
  /** Clients whose norms ask for contacts but who get none ("who we stop visiting"), by id. */
  leftAtZero: string[];
  /** Active clients kept at one contact a year by the floor. */
  floored: string[];
  notes: string[];
  notesFr: string[];
}

/** A segment's ADBUDG response for the optimized method: the plan's table, else the defaults. */
export function responseFor(segment: SegmentId, responses: PlanOptions["responses"]): AdbudgParams | null {
  const table: Readonly<Record<SegmentId, AdbudgParams>> =
    responses ?? allocation.DEFAULT_RESPONSE_BY_SEGMENT;
  return Object.hasOwn(table, segment) ? (table[segment] ?? null) : null;
}

interface Row {
  client: Client;
  assignment: SegmentAssignment;
  norm: ChannelCounts;
  segmentNorm: ChannelCounts;
}

const isActive = (c: Client): boolean => (c.salesN ?? 0) > 0 || (c.salesN1 ?? 0) > 0;
const sumOf = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

export function buildPlan(clients: readonly Client[], options: PlanOptions): PlanResult {
  const channels = options.channels ?? DEFAULT_CHANNELS;
  const table = options.norms ?? norms.DEFAULT_NORMS;
  const method = options.method ?? "norms";
  const mode = options.mode ?? "proportional";
  const assignments = segmentPortfolio(clients, options.segmentation ?? { method: "strategic" });
  const rows: Row[] = clients.map((client) => {
    const assignment = assignments.get(client.id);
    if (assignment === undefined) throw new Error(`client ${client.id} was not segmented`);
    return {
      client,
      assignment,
      norm: norms.normFor(client, assignment.segment, table),
      segmentNorm: table[assignment.segment] ?? {},
    };
  });

  // The floor: allocate, find active clients left with nothing, keep one contact for them, again
  // (each pass only adds clients, so it ends).
  const floored = new Set<string>();
  let floorShort = 0;
  let pass = allocateAll(rows, channels, options, method, mode, floored);
  if (options.floor === true) {
    for (let k = 0; k <= rows.length; k++) {
      const bare = rows.filter(
        (r) =>
          isActive(r.client) &&
          !floored.has(r.client.id) &&
          Object.values(pass.planned.get(r.client.id) ?? {}).every((n) => (n ?? 0) === 0),
      );
      if (bare.length === 0) break;
      for (const r of bare) floored.add(r.client.id);
      try {
        pass = allocateAll(rows, channels, options, method, mode, floored);
      } catch (error) {
        if (!(error instanceof allocation.InfeasibleAllocationError)) throw error;
        // The capacity cannot hold these floors: they stay at zero, listed, and the plan says why.
        for (const r of bare) floored.delete(r.client.id);
        floorShort = bare.length;
        break;
      }
    }
  }
  const { planned, pools, uncapped, unfunded } = pass;

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
      explanationFr: describeClient(r.client.id, r.norm, pools, "fr"),
    };
  });
  const leftAtZero = out
    .filter(
      (c) =>
        Object.values(c.norm).some((n) => (n ?? 0) > 0) &&
        Object.values(c.planned).every((n) => (n ?? 0) === 0),
    )
    .map((c) => c.id)
    .sort();
  const constrained = unfunded !== null || pools.some((p) => p.demand > p.result.capacity);
  const notes = pools.flatMap((p) => p.result.notes.map((n) => `${p.channel} (${p.pool}): ${n}`));
  const notesFr = pools.flatMap((p) => p.result.notesFr.map((n) => `${p.channel} (${p.pool}) : ${n}`));
  if (uncapped.length > 0) {
    notes.push(`No capacity given for ${uncapped.join(", ")}: the norms stand as the plan.`);
    notesFr.push(`Pas de capacité pour ${uncapped.join(", ")} : les normes sont reprises telles quelles.`);
  }
  if (unfunded !== null) {
    const list = Object.entries(unfunded.contacts).map(([ch, n]) => `${n} ${ch}`);
    notes.push(
      `No remote time: the norms ask ${list.join(", ")} (${unfunded.visitEquivalents} visit-equivalents), ${unfunded.days} remote days not funded; none are planned and the field days are not touched.`,
    );
    notesFr.push(
      `Pas de temps à distance : les normes demandent ${list.join(", ")} (${unfunded.visitEquivalents} équivalents visites), soit ${unfunded.days} jours à distance non financés ; aucun n'est planifié et les jours terrain restent aux visites.`,
    );
  }
  if (floored.size > 0) {
    notes.push(`${floored.size} active client(s) kept at one contact a year (the floor).`);
    notesFr.push(`${floored.size} client(s) actif(s) gardé(s) à un contact par an (le plancher).`);
  }
  if (floorShort > 0) {
    notes.push(
      `The capacity cannot keep one contact for ${floorShort} more active client(s): they stay at zero.`,
    );
    notesFr.push(
      `La capacité ne permet pas un contact pour ${floorShort} client(s) actif(s) de plus : ils restent à zéro.`,
    );
  }
  if (leftAtZero.length > 0) {
    notes.push(
      `${leftAtZero.length} client(s) left at zero: ${leftAtZero.slice(0, 20).join(", ")}${leftAtZero.length > 20 ? "…" : ""}.`,
    );
    notesFr.push(
      `${leftAtZero.length} client(s) laissé(s) à zéro : ${leftAtZero.slice(0, 20).join(", ")}${leftAtZero.length > 20 ? "…" : ""}.`,
    );
  }
  return {
    method,
    mode,
    clients: out,
    segments,
    pools,
    uncapped,
    unfunded,
    constrained,
    leftAtZero,
    floored: [...floored].sort(),
    notes,
    notesFr,
  };
}

interface Pass {
  planned: Map<string, ChannelCounts>;
  pools: PoolResult[];
  uncapped: ChannelId[];
  unfunded: Unfunded | null;
}

function allocateAll(
  rows: readonly Row[],
  channels: readonly Channel[],
  options: PlanOptions,
  method: "norms" | "optimized",
  mode: ShortfallMode,
  floored: ReadonlySet<string>,
): Pass {
  const prospectSegment = options.prospectSegment ?? "prospect";
  const choice = {
    method,
    mode,
    priority: options.priority ?? DEFAULT_PRIORITY,
    fillSpare: options.fillSpare ?? false,
    ceilingFactor: options.ceilingFactor ?? DEFAULT_CEILING_FACTOR,
  };
  const fixed = options.capacity.perChannel;
  const remote = options.capacity.remote;
  const remoteList = remote === undefined ? [] : remoteChannels(channels, fixed);
  // A floor contact goes on a remote channel when the remote pool can hold them all, else on visits.
  const onRemote = floorChannel(remoteList);
  const remoteWeight = remoteList.find((c) => c.id === onRemote)?.weight ?? 0;
  const floorOn: ChannelId =
    onRemote !== null &&
    remote !== undefined &&
    floored.size * remoteWeight <= remote.visitEquivalents &&
    remote.visitEquivalents > 0
      ? onRemote
      : "visit";
  const split =
    remote === undefined
      ? null
      : splitRemote(
          remote.visitEquivalents,
          remote.perDay,
          remoteList.map((channel) => ({
            channel,
            demand: sumOf(rows.map((r) => r.norm[channel.id] ?? 0)),
            floors: channel.id === floorOn ? floored.size : 0,
          })),
        );

  const planned = new Map<string, ChannelCounts>(rows.map((r) => [r.client.id, {}]));
  const pools: PoolResult[] = [];
  const uncapped: ChannelId[] = [];
  for (const channel of channels) {
    const own = fixed[channel.id];
    const shared = split?.capacity[channel.id];
    const capacity = own ?? shared;
    if (capacity === undefined) {
      if (rows.some((r) => (r.norm[channel.id] ?? 0) > 0)) uncapped.push(channel.id);
      for (const r of rows) {
        const n = r.norm[channel.id];
        if (n !== undefined) (planned.get(r.client.id) ?? {})[channel.id] = n;
      }
      continue;
    }
    const isVisit = channel.id === "visit";
    const groups: [PoolResult["pool"], readonly Row[], number][] = isVisit
      ? [
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
        ]
      : [[own === undefined ? "remote" : "all", rows, capacity]];
    for (const [pool, members, poolCapacity] of groups) {
      if (members.length === 0) {
        if (poolCapacity > 0)
          pools.push({ channel: channel.id, pool, demand: 0, result: unused(poolCapacity, pool) });
        continue;
      }
      const input: PoolMember[] = members.map((r) => ({
        id: r.client.id,
        segment: r.assignment.segment,
        demand: r.norm[channel.id] ?? 0,
        segmentNorm: r.segmentNorm[channel.id] ?? 0,
        value: clientValue(r.client),
        potential: r.client.potential,
        response: responseFor(r.assignment.segment, options.responses),
        // Bounds on a row apply to its visits, the resource reps plan first; the floor to its channel.
        min: Math.max(
          isVisit ? (r.client.min ?? 0) : 0,
          // A row's max of 0 visits wins over the floor (the client stays listed at zero).
          channel.id === floorOn && floored.has(r.client.id)
            ? Math.min(1, isVisit ? (r.client.max ?? 1) : 1)
            : 0,
        ),
        max: isVisit ? r.client.max : null,
      }));
      const result = allocatePool(input, poolCapacity, choice);
      for (const a of result.allocations) (planned.get(a.id) ?? {})[channel.id] = a.units;
      pools.push({ channel: channel.id, pool, demand: sumOf(input.map((c) => c.demand)), result });
    }
  }
  return { planned, pools, uncapped, unfunded: split?.unfunded ?? null };
}

/** A pool nobody draws on (a prospecting reserve with no prospect): all of it is spare, and said so. */
function unused(capacity: number, pool: PoolResult["pool"]): AllocationResult {
  const who = pool === "prospects" ? "no prospect to use it" : "no client";
  const whoFr = pool === "prospects" ? "aucun prospect pour l'utiliser" : "aucun client";
  return {
    method: "norms",
    capacity,
    total: 0,
    spare: capacity,
    allocations: [],
    shadowPrice: null,
    notes: [`${who}: ${capacity} spare.`],
    notesFr: [`${whoFr} : ${capacity} disponibles.`],
  };
}
