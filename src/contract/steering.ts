import { Type, type Static } from "@sinclair/typebox";

/** GET /teams/:managerId/steering?asOf=YYYY-MM-DD — what a steering review of each rep starts from. */
export const SteeringQuery = Type.Object(
  { asOf: Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" }) },
  { additionalProperties: false },
);
export type SteeringQuery = Static<typeof SteeringQuery>;

const Text = Type.Union([Type.String(), Type.Null()]);

export const SteeringReview = Type.Object({
  id: Type.String(),
  date: Type.String(),
  managerId: Text,
  decisions: Text,
  /** The KPI snapshot frozen at the review (a JSON document as the manager's pane wrote it). */
  kpis: Type.Unknown(),
});
export type SteeringReview = Static<typeof SteeringReview>;

export const SteeringAction = Type.Object({
  id: Type.String(),
  clientId: Text,
  action: Text,
  owner: Text,
  dueDate: Text,
  status: Text,
});
export type SteeringAction = Static<typeof SteeringAction>;

export const SteeringRep = Type.Object({
  repId: Type.String(),
  rep: Type.String(),
  /** The latest review up to asOf (the previous review's decisions), or null. */
  lastReview: Type.Union([SteeringReview, Type.Null()]),
  /** Reviews of this rep in the as-of month, up to asOf. */
  reviewsThisMonth: Type.Integer(),
  /** Actions still open (the core's closed statuses), by due date. */
  openActions: Type.Array(SteeringAction),
});
export type SteeringRep = Static<typeof SteeringRep>;

export const SteeringView = Type.Object({
  managerId: Type.String(),
  asOf: Type.String(),
  /** Reps of the subtree, by name. */
  reps: Type.Array(SteeringRep),
});
export type SteeringView = Static<typeof SteeringView>;
