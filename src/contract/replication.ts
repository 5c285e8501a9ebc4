import { Type, type Static } from "@sinclair/typebox";

const Uuid = Type.String({
  pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
  description: "A client-made UUID",
});

export const FieldChange = Type.Object(
  {
    base: Type.Optional(
      Type.Unknown({ description: "The value the client last saw (null or absent: none)" }),
    ),
    value: Type.Unknown({ description: "The new value" }),
  },
  { additionalProperties: false },
);

export const Mutation = Type.Object(
  {
    mutationId: Uuid,
    table: Type.String({ maxLength: 40 }),
    rowId: Uuid,
    baseVersion: Type.Integer({ minimum: 0, description: "0 for a row the client creates" }),
    fields: Type.Record(Type.String({ maxLength: 60 }), FieldChange),
  },
  { additionalProperties: false },
);
export type Mutation = Static<typeof Mutation>;

export const PushRequest = Type.Object(
  {
    mutations: Type.Array(Mutation, { maxItems: 5000 }),
    clientApp: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type PushRequest = Static<typeof PushRequest>;

export const FieldConflict = Type.Object({
  field: Type.String(),
  base: Type.Unknown(),
  mine: Type.Unknown(),
  theirs: Type.Unknown(),
});
export type FieldConflict = Static<typeof FieldConflict>;

export const MutationStatus = Type.Union([
  Type.Literal("applied"),
  Type.Literal("merged"),
  Type.Literal("conflict"),
  Type.Literal("unchanged"),
  Type.Literal("refused"),
]);
export type MutationStatus = Static<typeof MutationStatus>;

export const MutationResult = Type.Object({
  mutationId: Type.String(),
  rowId: Type.String(),
  table: Type.String(),
  status: MutationStatus,
  /** The row's server version after this mutation (0 when refused before the row existed). */
  version: Type.Integer(),
  applied: Type.Array(Type.String()),
  conflicts: Type.Array(FieldConflict),
  /** Why it was refused (an error code from the catalogue). */
  reason: Type.Optional(Type.String()),
  replayed: Type.Optional(Type.Boolean()),
});
export type MutationResult = Static<typeof MutationResult>;

export const PushResponse = Type.Object({ results: Type.Array(MutationResult), seq: Type.Integer() });
export type PushResponse = Static<typeof PushResponse>;

export const PullQuery = Type.Object(
  {
    since: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0 }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
  },
  { additionalProperties: false },
);
export type PullQuery = Static<typeof PullQuery>;

export const PulledRow = Type.Object({
  seq: Type.Integer(),
  table: Type.String(),
  rowId: Type.String(),
  version: Type.Integer(),
  fields: Type.Record(Type.String(), Type.Unknown()),
});
export type PulledRow = Static<typeof PulledRow>;

export const PullResponse = Type.Object({
  rows: Type.Array(PulledRow),
  /** Pass as `since` next time. */
  next: Type.Integer(),
  more: Type.Boolean(),
});
export type PullResponse = Static<typeof PullResponse>;
