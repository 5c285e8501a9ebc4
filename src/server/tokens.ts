/** Personal access tokens: random, shown once, stored as a SHA-256 hash. */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { CreatedToken } from "../contract";
import type { DB } from "./db/schema";
import { findPerson } from "./people";

export const TOKEN_PREFIX = "cad_";

export class UnknownPersonError extends Error {
  constructor(readonly who: string) {
    super(`No person "${who}". / Personne inconnue : "${who}".`);
    this.name = "UnknownPersonError";
  }
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export async function createToken(db: Kysely<DB>, who: string, label?: string): Promise<CreatedToken> {
  const person = await findPerson(db, who);
  if (!person) throw new UnknownPersonError(who);
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const id = randomUUID();
  await db
    .insertInto("tokens")
    .values({
      id,
      person_id: person.id,
      hash: hashToken(token),
      label: label ?? null,
      created_at: new Date().toISOString(),
      revoked_at: null,
    })
    .execute();
  return { id, personId: person.id, token };
}

export async function revokeToken(db: Kysely<DB>, id: string): Promise<boolean> {
  const result = await db
    .updateTable("tokens")
    .set({ revoked_at: new Date().toISOString() })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
