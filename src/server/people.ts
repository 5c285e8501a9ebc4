/** People of the organisation in a reports-to hierarchy (rep, manager, director, admin). */
import { randomUUID } from "node:crypto";
import { sql, type Kysely } from "kysely";
import { ROLES, type Person, type Role } from "../contract";
import type { DB, PeopleTable } from "./db/schema";

export class PersonInputError extends Error {
  constructor(
    readonly field: string,
    readonly value: unknown,
    message: string,
  ) {
    super(message);
    this.name = "PersonInputError";
  }
}

export interface PersonInput {
  name: string;
  role: string;
  email?: string | null | undefined;
  /** Id or name of the person this one reports to. */
  reportsTo?: string | null | undefined;
  entraOid?: string | null | undefined;
}

export function toPerson(row: PeopleTable): Person {
  const person: Person = {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role as Role,
    reportsTo: row.reports_to,
  };
  return row.deactivated_at ? { ...person, deactivatedAt: row.deactivated_at } : person;
}

/** Finds a person by id or, failing that, by exact name. */
export async function findPerson(db: Kysely<DB>, idOrName: string): Promise<PeopleTable | undefined> {
  return db
    .selectFrom("people")
    .selectAll()
    .where((eb) => eb.or([eb("id", "=", idOrName), eb("name", "=", idOrName)]))
    .orderBy(sql`case when id = ${idOrName} then 0 else 1 end`)
    .executeTakeFirst();
}

export async function createPerson(db: Kysely<DB>, input: PersonInput): Promise<Person> {
  const name = input.name.trim();
  if (name === "") throw new PersonInputError("name", input.name, "The name is empty. / Le nom est vide.");
  if (!(ROLES as readonly string[]).includes(input.role)) {
    throw new PersonInputError(
      "role",
      input.role,
      `Unknown role "${input.role}" (expected ${ROLES.join(", ")}). / Rôle inconnu.`,
    );
  }
  if (await findPerson(db, name)) {
    throw new PersonInputError(
      "name",
      name,
      `A person named "${name}" already exists. / Ce nom existe déjà.`,
    );
  }
  let reportsTo: string | null = null;
  if (input.reportsTo !== undefined && input.reportsTo !== null && input.reportsTo !== "") {
    const boss = await findPerson(db, input.reportsTo);
    if (!boss) {
      throw new PersonInputError(
        "reportsTo",
        input.reportsTo,
        `No person "${input.reportsTo}" to report to. / Personne inconnue : "${input.reportsTo}".`,
      );
    }
    reportsTo = boss.id;
  }
  const email = input.email?.trim().toLowerCase() || null;
  if (
    email !== null &&
    (await db.selectFrom("people").select("id").where("email", "=", email).executeTakeFirst())
  ) {
    throw new PersonInputError("email", email, `The e-mail ${email} is already used. / E-mail déjà utilisé.`);
  }
  const row: PeopleTable = {
    id: randomUUID(),
    name,
    email,
    role: input.role,
    reports_to: reportsTo,
    entra_oid: input.entraOid ?? null,
    created_at: new Date().toISOString(),
  };
  await db.insertInto("people").values(row).execute();
  return toPerson(row);
}

export async function listPeople(db: Kysely<DB>, ids?: readonly string[]): Promise<Person[]> {
  if (ids?.length === 0) return [];
  let query = db.selectFrom("people").selectAll().orderBy("name");
  if (ids) query = query.where("id", "in", ids);
  return (await query.execute()).map(toPerson);
}

/** Ids of everyone below `rootId` in the hierarchy (not `rootId` itself). */
export async function subordinateIds(db: Kysely<DB>, rootId: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    with recursive below(id) as (
      select id from people where reports_to = ${rootId}
      union
      select p.id from people p join below b on p.reports_to = b.id
    )
    select id from below`.execute(db);
  return result.rows.map((r) => r.id);
}

/**
 * Deactivates a person: their tokens are revoked at once and no sign-in (token or Entra ID) is
 * accepted for them any more; their rows and history stay (their managers still see them).
 * Returns the person, or undefined when nobody has this id or name.
 */
export async function deactivatePerson(
  db: Kysely<DB>,
  idOrName: string,
): Promise<{ person: Person; revokedTokens: number } | undefined> {
  return db.transaction().execute(async (trx) => {
    const found = await findPerson(trx, idOrName);
    if (!found) return undefined;
    const at = new Date().toISOString();
    await trx
      .updateTable("people")
      .set({ deactivated_at: found.deactivated_at ?? at })
      .where("id", "=", found.id)
      .execute();
    const revoked = await trx
      .updateTable("tokens")
      .set({ revoked_at: at })
      .where("person_id", "=", found.id)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    return {
      person: toPerson({ ...found, deactivated_at: found.deactivated_at ?? at }),
      revokedTokens: Number(revoked.numUpdatedRows),
    };
  });
}
