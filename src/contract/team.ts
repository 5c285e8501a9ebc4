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

/** TeamFigures of one rep × segment, of one rep, or of one manager's team (domain.md, Consolidation). */
export const TeamFigures = Type.Object({
  clients: Type.Integer(),
  /** Clients with a plan > 0. */
  plannedClients: Type.Integer(),
  plannedVisit: Type.Number(),
  plannedVideo: Type.Number(),
  plannedCall: Type.Number(),
  plannedDigital: Type.Number(),
  plannedWeighted: Type.Number(),
  /** Weighted capacity from the plan (plans.capacity.weighted); null when unknown. */
  capacity: Type.Union([Type.Number(), Type.Null()]),
  utilisation: Type.Union([Type.Number(), Type.Null()]),
  contacts: Type.Integer(),
  actualWeighted: Type.Number(),
  earnedWeighted: Type.Number(),
  attainment: Type.Union([Type.Number(), Type.Null()]),
  reached: Type.Integer(),
  reach: Type.Union([Type.Number(), Type.Null()]),
  coverage: Type.Union([Type.Number(), Type.Null()]),
  under: Type.Integer(),
  over: Type.Integer(),
  onTrack: Type.Integer(),
  /** Retain clients whose status is Over. */
  saturatedTopAccounts: Type.Integer(),
  /** At risk clients whose status is Under. */
  neglectedAtRisk: Type.Integer(),
});
export type TeamFigures = Static<typeof TeamFigures>;

export const RepView = Type.Object({
  repId: Type.String(),
  name: Type.String(),
  managerId: Type.Union([Type.String(), Type.Null()]),
  totals: TeamFigures,
  segments: Type.Record(Type.String(), TeamFigures),
  /** Utilisation outside 90–110 %. */
  utilisationFlag: Type.Boolean(),
});
export type RepView = Static<typeof RepView>;

export const ManagerView = Type.Object({
  managerId: Type.String(),
  name: Type.String(),
  reps: Type.Integer(),
  totals: TeamFigures,
  reviewsThisMonth: Type.Integer(),
  actionsOpen: Type.Integer(),
  actionsOverdue: Type.Integer(),
});
export type ManagerView = Static<typeof ManagerView>;

/** A coherence flag (domain.md, Consolidation): intensity far from the team median, utilisation outside 90–110 %. */
export const CoherenceFlag = Type.Object({
  repId: Type.String(),
  kind: Type.Union([
    Type.Literal("intensityLow"),
    Type.Literal("intensityHigh"),
    Type.Literal("utilisationLow"),
    Type.Literal("utilisationHigh"),
    Type.Literal("noCapacity"),
  ]),
  segment: Type.Union([Type.String(), Type.Null()]),
  value: Type.Union([Type.Number(), Type.Null()]),
  reference: Type.Number(),
  message: Type.String(),
  messageFr: Type.String(),
});
export type CoherenceFlag = Static<typeof CoherenceFlag>;

export const TeamView = Type.Object({
  managerId: Type.String(),
  year: Type.Integer(),
  asOf: Type.String(),
  /** Working days elapsed / working days in the year (France's calendar). */
  elapsedShare: Type.Number(),
  reps: Type.Array(RepView),
  /** The N+1 view: one line per manager in the subtree (the requested manager included). */
  managers: Type.Array(ManagerView),
  totals: TeamFigures,
  /** Reps whose intensity per segment is far from the team median, or whose utilisation is off. */
  coherence: Type.Array(CoherenceFlag),
});
export type TeamView = Static<typeof TeamView>;
