/**
 * The team view: per rep and segment, the figures of their tracked clients, capacity and
 * utilisation, the team totals and the coherence flags. A team is built from mergeable sums
 * (TeamSums): consolidateTeam(reps) equals merging the teams of each rep one by one, in any order.
 * Capacity is a rep's, not a segment's, so utilisation is given per rep and for the team, per
 * channel (like with like: planned visits / visit capacity, …).
 */
import type { ChannelCounts, ChannelId, SegmentId } from "../types";
import type { ClientTracking } from "../tracking";
import type { CoherenceFlag, CoherenceOptions } from "./coherence";
import { coherenceFlags, utilisationOf } from "./coherence";
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
  /** Per channel with a capacity: planned contacts of the channel / its capacity. */
  utilisation: Record<ChannelId, number>;
  total: Figures;
  ratios: Ratios;
  /** Segments in id order. */
  segments: SegmentView[];
}

/** The mergeable part of a team: sums only. */
export interface TeamSums {
  reps: number;
  capacity: ChannelCounts;
  total: Figures;
  bySegment: SegmentFigures;
}

export interface TeamView {
  /** Reps by name, then id (byRepName). */
  reps: RepView[];
  sums: TeamSums;
  /** Per channel with a capacity, over the team's sums. */
  utilisation: Record<ChannelId, number>;
  ratios: Ratios;
  segments: SegmentView[];
  coherence: CoherenceFlag[];
}

export interface ConsolidationOptions extends CoherenceOptions {
  symptoms?: SymptomSegments;
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The order of reps in every view: by name (as people read a list), then id (homonyms stay stable). */
export const byRepName = (a: RepView, b: RepView): number =>
  byKey(a.repName, b.repName) || byKey(a.repId, b.repId);

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
  const total = figuresOf(rep.clients, options.symptoms);
  const bySegment = segmentFiguresOf(rep.clients, options.symptoms);
  return {
    repId: rep.repId,
    repName: rep.repName,
    managerId: rep.managerId,
    capacity: { ...rep.capacity },
    utilisation: utilisationOf(total.planned, rep.capacity),
    total,
    ratios: ratiosOf(total),
    segments: segmentViews(bySegment),
    bySegment,
  };
}

/** A rep given by per-segment sums (the store sums its rows in SQL) instead of tracked clients. */
export interface RepSums {
  repId: string;
  repName: string;
  managerId: string | null;
  capacity: ChannelCounts;
  bySegment: SegmentFigures;
}

/** One rep's view from per-segment sums: the same view repView gives for the clients summed. */
export function repViewOfSums(rep: RepSums): RepView & { bySegment: SegmentFigures } {
  const total = Object.keys(rep.bySegment)
    .sort(byKey)
    .reduce((acc, segment) => mergeFigures(acc, rep.bySegment[segment] ?? emptyFigures()), emptyFigures());
  return {
    repId: rep.repId,
    repName: rep.repName,
    managerId: rep.managerId,
    capacity: { ...rep.capacity },
    utilisation: utilisationOf(total.planned, rep.capacity),
    total,
    ratios: ratiosOf(total),
    segments: segmentViews(rep.bySegment),
    bySegment: rep.bySegment,
  };
}

export function emptyTeamSums(): TeamSums {
  return { reps: 0, capacity: {}, total: emptyFigures(), bySegment: {} };
}

export function mergeTeamSums(a: TeamSums, b: TeamSums): TeamSums {
  return {
    reps: a.reps + b.reps,
    capacity: addCounts(a.capacity, b.capacity),
    total: mergeFigures(a.total, b.total),
    bySegment: mergeSegmentFigures(a.bySegment, b.bySegment),
  };
}

function sumsOfRep(rep: RepView & { bySegment: SegmentFigures }): TeamSums {
  return {
    reps: 1,
    capacity: rep.capacity,
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
  const sorted = [...reps].sort(byRepName);
  const coherence = coherenceFlags(
    sorted.map((r) => ({
      repId: r.repId,
      repName: r.repName,
      planned: r.total.planned,
      plannedWeighted: r.total.plannedWeighted,
      capacity: r.capacity,
      bySegment: segmentsOfRep(r),
    })),
    options,
  );
  return {
    reps: sorted,
    sums,
    utilisation: utilisationOf(sums.total.planned, sums.capacity),
    ratios: ratiosOf(sums.total),
    segments: segmentViews(sums.bySegment),
    coherence,
  };
}

export function consolidateTeam(reps: readonly RepInput[], options: ConsolidationOptions = {}): TeamView {
  return consolidateViews(
    reps.map((r) => repView(r, options)),
    options,
  );
}

/** The team of reps given by their per-segment sums (the store's path to the same view). */
export function consolidateSums(reps: readonly RepSums[], options: ConsolidationOptions = {}): TeamView {
  return consolidateViews(reps.map(repViewOfSums), options);
}

function consolidateViews(
  views: readonly (RepView & { bySegment: SegmentFigures })[],
  options: ConsolidationOptions,
): TeamView {
  const sums = views.map(sumsOfRep).reduce(mergeTeamSums, emptyTeamSums());
  const plain = views.map(({ bySegment: _bySegment, ...view }) => view);
  return finish(sums, plain, options);
}

/** Merges two teams (e.g. two managers' teams for their director): same as consolidating all their reps. */
export function mergeTeams(a: TeamView, b: TeamView, options: ConsolidationOptions = {}): TeamView {
  return finish(mergeTeamSums(a.sums, b.sums), [...a.reps, ...b.reps], options);
}
