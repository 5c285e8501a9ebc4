/**
 * Coherence of a team's plans (domain.md, Consolidation):
 * - a rep's intensity in a segment (weighted planned per client of the segment) against the team
 *   median for that segment, over the reps with clients in it (mean of the two middle values for an
 *   even count): flagged below low × median or above high × median (defaults 0.5 and 1.5);
 * - utilisation like with like: per channel with a capacity, planned contacts of the channel / its
 *   capacity, flagged outside [0.9, 1.1]; a plan with no capacity on any channel is "noCapacity".
 */
import type { ChannelCounts, ChannelId, SegmentId } from "../types";
import { DEFAULT_CHANNELS } from "../types";
import type { SegmentFigures } from "./figures";
import { ratiosOf } from "./figures";

export interface CoherenceOptions {
  intensityLow?: number;
  intensityHigh?: number;
  utilisationLow?: number;
  utilisationHigh?: number;
}

export const UTILISATION_BAND = { low: 0.9, high: 1.1 } as const;
export const INTENSITY_BAND = { low: 0.5, high: 1.5 } as const;

export type CoherenceFlagKind =
  "intensityLow" | "intensityHigh" | "utilisationLow" | "utilisationHigh" | "noCapacity";

export interface CoherenceFlag {
  repId: string;
  kind: CoherenceFlagKind;
  /** The segment for intensity flags, null otherwise. */
  segment: SegmentId | null;
  /** The channel for utilisation flags, null otherwise. */
  channel: ChannelId | null;
  /** The rep's intensity or utilisation. */
  value: number | null;
  /** The team median intensity, or the bound crossed for utilisation. */
  reference: number;
  message: string;
  messageFr: string;
}

export interface CoherenceRep {
  repId: string;
  /** The name messages use (default the id). */
  repName?: string;
  /** Planned contacts per channel. */
  planned: ChannelCounts;
  plannedWeighted: number;
  /** Capacity per channel. */
  capacity: ChannelCounts;
  bySegment: SegmentFigures;
}

/**
 * Utilisation like with like: for each channel with a capacity > 0, planned contacts of that
 * channel / its capacity (a weighted total is never divided by a visit capacity). Channels in id order.
 */
export function utilisationOf(planned: ChannelCounts, capacity: ChannelCounts): Record<ChannelId, number> {
  const out: Record<ChannelId, number> = {};
  for (const channel of Object.keys(capacity).sort()) {
    const cap = capacity[channel] ?? 0;
    if (Number.isFinite(cap) && cap > 0) out[channel] = (planned[channel] ?? 0) / cap;
  }
  return out;
}

/** True when some channel has a capacity > 0. */
export const hasCapacity = (capacity: ChannelCounts): boolean =>
  Object.values(capacity).some((n) => n !== undefined && Number.isFinite(n) && n > 0);

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const pct = (x: number): string => `${Math.round(x * 100)} %`;
const fix = (x: number): string => x.toFixed(2);
/** French writes its decimals with a comma: 12,00 and 0,5. */
const fixFr = (x: number): string => fix(x).replace(".", ",");
const numFr = (x: number): string => String(x).replace(".", ",");

/** Team median intensity per segment. */
export function segmentMedians(reps: readonly CoherenceRep[]): Record<SegmentId, number> {
  const values = new Map<SegmentId, number[]>();
  for (const rep of reps) {
    for (const [segment, f] of Object.entries(rep.bySegment)) {
      const intensity = ratiosOf(f).intensity;
      if (intensity === null) continue;
      const list = values.get(segment) ?? [];
      list.push(intensity);
      values.set(segment, list);
    }
  }
  const out: Record<SegmentId, number> = {};
  for (const [segment, list] of values) out[segment] = median(list) ?? 0;
  return out;
}

/** The utilisation flags of one rep (or one team, under its own name): per channel, or noCapacity. */
export function utilisationFlags(
  rep: Pick<CoherenceRep, "repId" | "repName" | "planned" | "plannedWeighted" | "capacity">,
  options: CoherenceOptions = {},
): CoherenceFlag[] {
  const name = rep.repName ?? rep.repId;
  const low = options.utilisationLow ?? UTILISATION_BAND.low;
  const high = options.utilisationHigh ?? UTILISATION_BAND.high;
  if (!hasCapacity(rep.capacity)) {
    if (rep.plannedWeighted <= 0) return [];
    return [
      {
        repId: rep.repId,
        kind: "noCapacity",
        segment: null,
        channel: null,
        value: null,
        reference: 0,
        message: `${name}: ${fix(rep.plannedWeighted)} visit-equivalents planned with no capacity.`,
        messageFr: `${name} : ${fixFr(rep.plannedWeighted)} équivalents-visites planifiés sans capital de visites.`,
      },
    ];
  }
  const flags: CoherenceFlag[] = [];
  for (const [channel, u] of Object.entries(utilisationOf(rep.planned, rep.capacity))) {
    if (u >= low && u <= high) continue;
    const isLow = u < low;
    const bound = isLow ? low : high;
    const [en, fr] = isLow ? ["below", "sous"] : ["above", "au-dessus de"];
    const known = DEFAULT_CHANNELS.find((c) => c.id === channel);
    const [nameEn, nameFr] = known
      ? [known.labelEn.toLowerCase(), known.labelFr.toLowerCase()]
      : [channel, channel];
    flags.push({
      repId: rep.repId,
      kind: isLow ? "utilisationLow" : "utilisationHigh",
      segment: null,
      channel,
      value: u,
      reference: bound,
      message: `${name}: ${nameEn} utilisation ${pct(u)} is ${en} ${pct(bound)}.`,
      messageFr: `${name} : utilisation ${nameFr} ${pct(u)} ${fr} ${pct(bound)}.`,
    });
  }
  return flags;
}

export function coherenceFlags(
  reps: readonly CoherenceRep[],
  options: CoherenceOptions = {},
): CoherenceFlag[] {
  const low = options.intensityLow ?? INTENSITY_BAND.low;
  const high = options.intensityHigh ?? INTENSITY_BAND.high;
  const medians = segmentMedians(reps);
  const flags: CoherenceFlag[] = [];
  for (const rep of reps) {
    const name = rep.repName ?? rep.repId;
    for (const [segment, f] of Object.entries(rep.bySegment).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    )) {
      const intensity = ratiosOf(f).intensity;
      const ref = medians[segment] ?? 0;
      if (intensity === null || ref <= 0) continue;
      if (intensity >= low * ref && intensity <= high * ref) continue;
      const isLow = intensity < low * ref;
      flags.push({
        repId: rep.repId,
        kind: isLow ? "intensityLow" : "intensityHigh",
        segment,
        channel: null,
        value: intensity,
        reference: ref,
        message: `${name}, ${segment}: intensity ${fix(intensity)} per client is ${isLow ? `below ${low}×` : `above ${high}×`} the team median ${fix(ref)}.`,
        messageFr: `${name}, ${segment} : intensité ${fixFr(intensity)} par client, ${isLow ? `sous ${numFr(low)} ×` : `au-dessus de ${numFr(high)} ×`} la médiane de l'équipe ${fixFr(ref)}.`,
      });
    }
    flags.push(...utilisationFlags(rep, options));
  }
  return flags;
}
