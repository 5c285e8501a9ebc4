import { Type, type Static } from "@sinclair/typebox";

export const ROLES = ["rep", "manager", "director", "admin"] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));

export const Person = Type.Object({
  id: Type.String(),
  name: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  role: RoleSchema,
  reportsTo: Type.Union([Type.String(), Type.Null()]),
  /** Set when the person was deactivated (`cadence users deactivate`): no sign-in, data kept. */
  deactivatedAt: Type.Optional(Type.String()),
});
export type Person = Static<typeof Person>;

export const NewPerson = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    email: Type.Optional(Type.Union([Type.String({ maxLength: 320 }), Type.Null()])),
    role: RoleSchema,
    reportsTo: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    entraOid: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type NewPerson = Static<typeof NewPerson>;

export const NewToken = Type.Object(
  { label: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);
export const CreatedToken = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  /** Shown once; only its SHA-256 hash is stored. */
  token: Type.String(),
});
export type CreatedToken = Static<typeof CreatedToken>;
