/**
 * Coherence of a team's plans (domain.md, Consolidation):
 * - a rep's intensity in a segment (weighted planned per client of the segment) against the team
 *   median for that segment, over the reps with clients in it (mean of the two middle values for an
 *   even count): flagged below low × median or above high × median (defaults 0.5 and 1.5);
 * - a rep's utilisation (weighted planned / weighted capacity) outside [0.9, 1.1] is flagged;
 *   a plan with no capacity at all is flagged "noCapacity".
 */
import type { SegmentId } from "../types";
import type { SegmentFigures } from "./figures";
import { ratiosOf } from "./figures";

export interface CoherenceOptions {
  intensityLow?: number;
  intensityHigh?: number;
  utilisationLow?: number;
  utilisationHigh?: number;
}

export type CoherenceFlagKind =
  "intensityLow" | "intensityHigh" | "utilisationLow" | "utilisationHigh" | "noCapacity";

export interface CoherenceFlag {
  repId: string;
  kind: CoherenceFlagKind;
  /** The segment for intensity flags, null for utilisation flags. */
  segment: SegmentId | null;
  /** The rep's intensity or utilisation. */
  value: number | null;
  /** The team median intensity, or the bound crossed for utilisation. */
  reference: number;
  message: string;
  messageFr: string;
}

export interface CoherenceRep {
  repId: string;
  plannedWeighted: number;
  capacityWeighted: number;
  bySegment: SegmentFigures;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const pct = (x: number): string => `${Math.round(x * 100)} %`;
const fix = (x: number): string => x.toFixed(2);

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

function utilisationFlag(rep: CoherenceRep, low: number, high: number): CoherenceFlag | null {
  if (rep.capacityWeighted <= 0) {
    if (rep.plannedWeighted <= 0) return null;
    return {
      repId: rep.repId,
      kind: "noCapacity",
      segment: null,
      value: null,
      reference: 0,
      message: `${rep.repId}: ${fix(rep.plannedWeighted)} visit-equivalents planned with no capacity.`,
      messageFr: `${rep.repId} : ${fix(rep.plannedWeighted)} équivalents-visites planifiés sans capital de visites.`,
    };
  }
  const u = rep.plannedWeighted / rep.capacityWeighted;
  if (u >= low && u <= high) return null;
  const kind = u < low ? "utilisationLow" : "utilisationHigh";
  const bound = u < low ? low : high;
  const [en, fr] = u < low ? ["below", "sous"] : ["above", "au-dessus de"];
  return {
    repId: rep.repId,
    kind,
    segment: null,
    value: u,
    reference: bound,
    message: `${rep.repId}: utilisation ${pct(u)} is ${en} ${pct(bound)}.`,
    messageFr: `${rep.repId} : utilisation ${pct(u)} ${fr} ${pct(bound)}.`,
  };
}

export function coherenceFlags(
  reps: readonly CoherenceRep[],
  options: CoherenceOptions = {},
): CoherenceFlag[] {
  const low = options.intensityLow ?? 0.5;
  const high = options.intensityHigh ?? 1.5;
  const medians = segmentMedians(reps);
  const flags: CoherenceFlag[] = [];
  for (const rep of reps) {
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
        value: intensity,
        reference: ref,
        message: `${rep.repId}, ${segment}: intensity ${fix(intensity)} per client is ${isLow ? `below ${low}×` : `above ${high}×`} the team median ${fix(ref)}.`,
        messageFr: `${rep.repId}, ${segment} : intensité ${fix(intensity)} par client, ${isLow ? `sous ${low} ×` : `au-dessus de ${high} ×`} la médiane de l'équipe ${fix(ref)}.`,
      });
    }
    const u = utilisationFlag(rep, options.utilisationLow ?? 0.9, options.utilisationHigh ?? 1.1);
    if (u !== null) flags.push(u);
  }
  return flags;
}
