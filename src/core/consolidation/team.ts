/**
 * The team view: per rep and segment, the figures of their tracked clients, capacity and
 * utilisation, the team totals and the coherence flags. A team is built from mergeable sums
 * (TeamSums): consolidateTeam(reps) equals merging the teams of each rep one by one, in any order.
 * Capacity is a rep's, not a segment's, so utilisation is given per rep and for the team.
 */
import type { Channel, ChannelCounts, SegmentId } from "../types";
import { DEFAULT_CHANNELS } from "../types";
import type { ClientTracking } from "../tracking";
import type { CoherenceFlag, CoherenceOptions } from "./coherence";
import { coherenceFlags } from "./coherence";
import type { Figures, Ratios, SegmentFigures, SymptomSegments } from "./figures";
import {
  addCounts,
  emptyFigures,
  figuresOf,
  mergeFigures,
  mergeSegmentFigures,
  ratiosOf,
  segmentFiguresOf,
} from "./figures";

export interface RepInput {
  repId: string;
  repName: string;
  managerId: string | null;
  /** Contacts the rep can make in the period, per channel. */
  capacity: ChannelCounts;
  /** Weighted capacity; computed from `capacity` and the channel weights when absent. */
  capacityWeighted?: number;
  clients: readonly ClientTracking[];
}

export interface SegmentView {
  segment: SegmentId;
  figures: Figures;
  ratios: Ratios;
}

export interface RepView {
  repId: string;
  repName: string;
  managerId: string | null;
  capacity: ChannelCounts;
  capacityWeighted: number;
  /** Weighted planned / weighted capacity; null without capacity. */
  utilisation: number | null;
  total: Figures;
  ratios: Ratios;
  /** Segments in id order. */
  segments: SegmentView[];
}

/** The mergeable part of a team: sums only. */
export interface TeamSums {
  reps: number;
  capacity: ChannelCounts;
  capacityWeighted: number;
  total: Figures;
  bySegment: SegmentFigures;
}

export interface TeamView {
  /** Reps in id order. */
  reps: RepView[];
  sums: TeamSums;
  utilisation: number | null;
  ratios: Ratios;
  segments: SegmentView[];
  coherence: CoherenceFlag[];
}

export interface ConsolidationOptions extends CoherenceOptions {
  channels?: readonly Channel[];
  symptoms?: SymptomSegments;
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function weightedCapacity(capacity: ChannelCounts, channels: readonly Channel[]): number {
  let sum = 0;
  for (const ch of channels) sum += (capacity[ch.id] ?? 0) * ch.weight;
  return sum;
}

function segmentViews(bySegment: SegmentFigures): SegmentView[] {
  return Object.keys(bySegment)
    .sort(byKey)
    .map((segment) => {
      const figures = bySegment[segment] ?? emptyFigures();
      return { segment, figures, ratios: ratiosOf(figures) };
    });
}

/** One rep's view, with the per-segment figures kept for merging and coherence. */
export function repView(
  rep: RepInput,
  options: ConsolidationOptions = {},
): RepView & { bySegment: SegmentFigures } {
  const channels = options.channels ?? DEFAULT_CHANNELS;
  const capacityWeighted = rep.capacityWeighted ?? weightedCapacity(rep.capacity, channels);
  const total = figuresOf(rep.clients, options.symptoms);
  const bySegment = segmentFiguresOf(rep.clients, options.symptoms);
  return {
    repId: rep.repId,
    repName: rep.repName,
    managerId: rep.managerId,
    capacity: { ...rep.capacity },
    capacityWeighted,
    utilisation: capacityWeighted > 0 ? total.plannedWeighted / capacityWeighted : null,
    total,
    ratios: ratiosOf(total),
    segments: segmentViews(bySegment),
    bySegment,
  };
}

export function emptyTeamSums(): TeamSums {
  return { reps: 0, capacity: {}, capacityWeighted: 0, total: emptyFigures(), bySegment: {} };
}

export function mergeTeamSums(a: TeamSums, b: TeamSums): TeamSums {
  return {
    reps: a.reps + b.reps,
    capacity: addCounts(a.capacity, b.capacity),
    capacityWeighted: a.capacityWeighted + b.capacityWeighted,
    total: mergeFigures(a.total, b.total),
    bySegment: mergeSegmentFigures(a.bySegment, b.bySegment),
  };
}

function sumsOfRep(rep: RepView & { bySegment: SegmentFigures }): TeamSums {
  return {
    reps: 1,
    capacity: rep.capacity,
    capacityWeighted: rep.capacityWeighted,
    total: rep.total,
    bySegment: rep.bySegment,
  };
}

function segmentsOfRep(rep: RepView): SegmentFigures {
  const out: SegmentFigures = {};
  for (const s of rep.segments) out[s.segment] = s.figures;
  return out;
}

/** Derives the view (ratios, coherence) from merged sums and the reps' views. */
function finish(sums: TeamSums, reps: readonly RepView[], options: ConsolidationOptions): TeamView {
  const sorted = [...reps].sort((a, b) => byKey(a.repId, b.repId));
  const coherence = coherenceFlags(
    sorted.map((r) => ({
      repId: r.repId,
      plannedWeighted: r.total.plannedWeighted,
      capacityWeighted: r.capacityWeighted,
      bySegment: segmentsOfRep(r),
    })),
    options,
  );
  return {
    reps: sorted,
    sums,
    utilisation: sums.capacityWeighted > 0 ? sums.total.plannedWeighted / sums.capacityWeighted : null,
    ratios: ratiosOf(sums.total),
    segments: segmentViews(sums.bySegment),
    coherence,
  };
}

export function consolidateTeam(reps: readonly RepInput[], options: ConsolidationOptions = {}): TeamView {
  const views = reps.map((r) => repView(r, options));
  const sums = views.map(sumsOfRep).reduce(mergeTeamSums, emptyTeamSums());
  const plain = views.map(({ bySegment: _bySegment, ...view }) => view);
  return finish(sums, plain, options);
}

/** Merges two teams (e.g. two managers' teams for their director): same as consolidating all their reps. */
export function mergeTeams(a: TeamView, b: TeamView, options: ConsolidationOptions = {}): TeamView {
  return finish(mergeTeamSums(a.sums, b.sums), [...a.reps, ...b.reps], options);
}
