import { Type, type Static } from "@sinclair/typebox";

export const TeamViewQuery = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    asOf: Type.Optional(Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" })),
    tolerance: Type.Optional(Type.Number({ minimum: 0, exclusiveMaximum: 1 })),
  },
  { additionalProperties: false },
);
export type TeamViewQuery = Static<typeof TeamViewQuery>;

const Ratio = Type.Union([Type.Number(), Type.Null()]);

/** A coherence or ritual flag, in words (EN and FR) and as data. */
export const Flag = Type.Object({
  kind: Type.Union([
    Type.Literal("intensityLow"),
    Type.Literal("intensityHigh"),
    Type.Literal("utilisationLow"),
    Type.Literal("utilisationHigh"),
    Type.Literal("noCapacity"),
    Type.Literal("noReview"),
  ]),
  segment: Type.Union([Type.String(), Type.Null()]),
  channel: Type.Union([Type.String(), Type.Null()]),
  value: Type.Union([Type.Number(), Type.Null()]),
  reference: Type.Number(),
  message: Type.String(),
  messageFr: Type.String(),
});
export type Flag = Static<typeof Flag>;

/**
 * The figures of a rep, a segment or a team (domain.md, Tracking and Consolidation), as the core
 * computes them (core/consolidation/report.ts): ratios are fractions, null without a denominator.
 */
const figureFields = {
  clients: Type.Integer(),
  /** Capacity per channel. */
  capacity: Type.Record(Type.String(), Type.Number()),
  /** Planned contacts per channel, and `weighted` (visit-equivalents). */
  planned: Type.Record(Type.String(), Type.Number()),
  /** Per channel with a capacity: planned / capacity (like with like). */
  utilisation: Type.Record(Type.String(), Type.Number()),
  /** Σ earned, capped per client at cap factor × weighted plan, in visit-equivalents. */
  earned: Type.Number(),
  attainment: Ratio,
  reach: Ratio,
  coverage: Ratio,
  under: Type.Integer(),
  over: Type.Integer(),
  /** Retain clients whose status is Over. */
  saturatedTop: Type.Integer(),
  /** At risk clients whose status is Under. */
  neglectedAtRisk: Type.Integer(),
  flags: Type.Array(Flag),
};

export const Figures = Type.Object(figureFields);
export type Figures = Static<typeof Figures>;

export const SegmentFigures = Type.Object({ segment: Type.String(), ...figureFields });
export type SegmentFigures = Static<typeof SegmentFigures>;

export const RepView = Type.Object({
  /** The person's name in the store. */
  rep: Type.String(),
  ...figureFields,
  repId: Type.String(),
  managerId: Type.Union([Type.String(), Type.Null()]),
  /** Clients with ≥ 1 contact and no plan: counted apart, never in reach. */
  contactedOutsidePlan: Type.Integer(),
  /** Elapsed share of the year at asOf on the rep's own calendar (core tracking.elapsedShare). */
  elapsedShare: Type.Number(),
  /** Segments in id order. */
  segments: Type.Array(SegmentFigures),
});
export type RepView = Static<typeof RepView>;

export const ManagerView = Type.Object({
  manager: Type.String(),
  reps: Type.Integer(),
  ...figureFields,
  reviewsThisMonth: Type.Integer(),
  actionsOpen: Type.Integer(),
  actionsOverdue: Type.Integer(),
  managerId: Type.String(),
});
export type ManagerView = Static<typeof ManagerView>;

/**
 * The team view of a manager's subtree (`reps`, `team`: `cadence team --json` for a manager) and the
 * N+1 view (`managers`: one line per manager in the subtree, for a director).
 */
export const TeamView = Type.Object({
  managerId: Type.String(),
  year: Type.Integer(),
  asOf: Type.String(),
  reps: Type.Array(RepView),
  team: Figures,
  managers: Type.Array(ManagerView),
});
export type TeamView = Static<typeof TeamView>;
