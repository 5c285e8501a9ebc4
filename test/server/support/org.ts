/** A small organisation with a token per person: director > managers > reps, and an admin. */
import type { Kysely } from "kysely";
import type { DB } from "../../../src/server/db/schema";
import { createPerson } from "../../../src/server/people";
import { createToken } from "../../../src/server/tokens";

export interface OrgMember {
  id: string;
  token: string;
  auth: { authorization: string };
}

export type OrgName = "admin" | "director" | "manager1" | "manager2" | "rep1" | "rep2" | "rep3";
export type Org = Record<OrgName, OrgMember>;

const PEOPLE: readonly [OrgName, string, OrgName | null][] = [
  ["admin", "admin", null],
  ["director", "director", null],
  ["manager1", "manager", "director"],
  ["manager2", "manager", "director"],
  ["rep1", "rep", "manager1"],
  ["rep2", "rep", "manager1"],
  ["rep3", "rep", "manager2"],
];

export async function seedOrg(db: Kysely<DB>): Promise<Org> {
  const org: Partial<Org> = {};
  for (const [name, role, boss] of PEOPLE) {
    const person = await createPerson(db, {
      name,
      role,
      email: `${name}@example.com`,
      reportsTo: boss === null ? null : org[boss]?.id,
    });
    const { token } = await createToken(db, person.id);
    org[name] = { id: person.id, token, auth: { authorization: `Bearer ${token}` } };
  }
  return org as Org;
}
