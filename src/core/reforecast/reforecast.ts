/**
 * The re-forecast as of a date (domain.md, Scenarios and re-forecast): what is left to do with the
 * capacity that is left, beside the baseline plan, which it only reads.
 * - Remaining capacity of a channel = ⌊capacity × (1 − e)⌋, e the tracking's elapsed share.
 * - A client's remaining demand = max(0, planned − done) per channel (the tracking's `remaining`).
 * - When a channel's demands exceed its remaining capacity they are re-planned by the plan's method
 *   (the plan's own pool allocation: norms scale by largest remainder; optimized runs the same
 *   optimisation on the remaining units, each demand its reference and its ceiling). The channel's
 *   whole capacity is one pool: the prospecting reserve is already in the prospects' remaining demand.
 * - A channel without a capacity keeps its remaining demands; before the period starts the
 *   re-forecast is the baseline plan.
 */
import type { AdbudgParams } from "../allocation";
import type { TrackingResult } from "../tracking";
import type { ChannelCounts, ChannelId, SegmentId } from "../types";
import { hasStarted, remainingCapacityOf, replanChannel, type ReforecastMethod } from "./channel";
import { summariseBySegment, type SegmentReforecast } from "./summary";

export interface ReforecastInput {
  /** The plan's rows tracked as of the date (trackClients): baseline, done and elapsed share. */
  tracking: Pick<TrackingResult, "asOf" | "period" | "elapsed" | "channels" | "clients">;
  /** The plan's capacity per channel, in contacts; a channel absent has none (its demands stand). */
  capacity: ChannelCounts;
  method: ReforecastMethod;
  /** ADBUDG responses per segment for the optimized method (default: the plan's defaults). */
  responses?: Readonly<Record<SegmentId, AdbudgParams>>;
}

export interface ClientReforecast {
  id: string;
  segment: SegmentId;
  /** The plan as written (never changed). */
  baseline: ChannelCounts;
  /** Contacts made from the period start to the as-of date. */
  done: ChannelCounts;
  /** max(0, baseline − done). */
  demand: ChannelCounts;
  /** The re-planned remaining contacts. */
  remaining: ChannelCounts;
}

export interface ChannelReforecast {
  channel: ChannelId;
  /** The plan's capacity; null when the channel has none. */
  capacity: number | null;
  /** ⌊capacity × (1 − e)⌋; null without a capacity. */
  remainingCapacity: number | null;
  /** Σ remaining demands. */
  demand: number;
  /** Σ re-planned remaining contacts. */
  remaining: number;
  /** Whether the demands exceeded the remaining capacity and were re-planned by the plan's method. */
  scaled: boolean;
}

export interface Reforecast {
  asOf: string;
  /** e, the elapsed share of the period's working days. */
  elapsedShare: number;
  /** False before the period starts: the re-forecast is then the baseline. */
  started: boolean;
  method: ReforecastMethod;
  /** The channels reported: planned, done or with a capacity, in the tracking's channel order. */
  channels: ChannelId[];
  /** Remaining capacity of each channel that has a capacity. */
  remainingCapacity: ChannelCounts;
  byChannel: ChannelReforecast[];
  clients: ClientReforecast[];
  segments: SegmentReforecast[];
  notes: string[];
  notesFr: string[];
}

const pick = (counts: ChannelCounts, channels: readonly ChannelId[]): ChannelCounts => {
  const out: ChannelCounts = {};
  for (const ch of channels) out[ch] = counts[ch] ?? 0;
  return out;
};

function reportedChannels(input: ReforecastInput): ChannelId[] {
  const { clients, channels } = input.tracking;
  return channels
    .map((c) => c.id)
    .filter(
      (id) =>
        input.capacity[id] !== undefined ||
        clients.some((c) => (c.planned[id] ?? 0) > 0 || (c.actual[id] ?? 0) > 0),
    );
}

export function reforecast(input: ReforecastInput): Reforecast {
  const { tracking } = input;
  const { clients, elapsed } = tracking;
  const started = hasStarted(tracking.asOf, tracking.period);
  const channels = reportedChannels(input);
  const remaining = clients.map((c): ChannelCounts => pick(started ? c.remaining : c.planned, channels));
  const byChannel: ChannelReforecast[] = [];
  const remainingCapacity: ChannelCounts = {};
  const notes: string[] = [];
  const notesFr: string[] = [];
  for (const channel of channels) {
    const capacity = input.capacity[channel];
    const demand = clients.reduce((s, c) => s + (c.remaining[channel] ?? 0), 0);
    const has = capacity !== undefined && Number.isFinite(capacity);
    const left = has ? (started ? remainingCapacityOf(capacity, elapsed) : capacity) : null;
    if (left !== null) remainingCapacity[channel] = left;
    const scaled = started && left !== null && demand > left;
    if (scaled) {
      const demands = clients.map((c) => ({
        id: c.id,
        segment: c.segment,
        demand: c.remaining[channel] ?? 0,
        potential: c.potential,
        salesN: c.salesN,
      }));
      replanChannel(demands, left, input.method, input.responses).units.forEach((units, i) => {
        remaining[i][channel] = units;
      });
      notes.push(
        `${channel}: the remaining demands (${demand}) exceed the remaining capacity (${left}): re-planned by ${input.method}.`,
      );
      notesFr.push(
        `${channel} : le reste à faire (${demand}) dépasse la capacité restante (${left}) : replanifié (${input.method === "norms" ? "normes" : "optimisé"}).`,
      );
    }
    byChannel.push({
      channel,
      capacity: has ? capacity : null,
      remainingCapacity: left,
      demand: started ? demand : clients.reduce((s, c) => s + (c.planned[channel] ?? 0), 0),
      remaining: remaining.reduce((s, r) => s + (r[channel] ?? 0), 0),
      scaled,
    });
  }
  if (!started) {
    notes.push(`Before the period starts (${tracking.period.start}): the re-forecast is the baseline plan.`);
    notesFr.push(
      `Avant le début de la période (${tracking.period.start}) : le reste à faire est le plan de référence.`,
    );
  }
  const out = clients.map((c, i): ClientReforecast => ({
    id: c.id,
    segment: c.segment,
    baseline: pick(c.planned, channels),
    done: pick(c.actual, channels),
    demand: pick(started ? c.remaining : c.planned, channels),
    remaining: remaining[i] ?? {},
  }));
  return {
    asOf: tracking.asOf,
    elapsedShare: elapsed.share,
    started,
    method: input.method,
    channels,
    remainingCapacity,
    byChannel,
    clients: out,
    segments: summariseBySegment(out, channels),
    notes,
    notesFr,
  };
}
