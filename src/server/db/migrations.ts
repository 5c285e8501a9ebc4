/**
 * The store's migrations, in code, the same set for SQLite and PostgreSQL. Never edit a released
 * migration: add a new one.
 */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from "kysely";
import type { FieldKind } from "../../contract";
import { capabilitiesOf } from "./dialects";
import { BACKFILL_003, BACKFILL_005, TOTAL_COLUMNS_003 as TOTAL_COLUMNS } from "./frozenTotals";

/** Column types that mean the same on both dialects (SQLite maps them by affinity). */
const COLUMN_TYPE: Record<FieldKind, "text" | "double precision" | "integer"> = {
  string: "text",
  number: "double precision",
  integer: "integer",
  boolean: "integer",
  date: "text",
  json: "text",
};

// Frozen copy of the synced tables as of migration 001 (the contract may grow; this must not).
const TABLES_001: Record<string, Record<string, FieldKind>> = {
  plans: { year: "integer", capacity: "json", norms: "json", channel_weights: "json" },
  clients: {
    year: "integer",
    client_key: "string",
    name: "string",
    postal_code: "string",
    city: "string",
    sales_n1: "number",
    sales_n: "number",
    potential: "number",
    segment: "string",
    planned_visit: "number",
    planned_video: "number",
    planned_call: "number",
    planned_digital: "number",
    planned_weighted: "number",
    extra: "json",
  },
  contacts: { client_id: "string", date: "date", channel: "string", weight: "number", note: "string" },
  actions: { client_id: "string", action: "string", owner: "string", due_date: "date", status: "string" },
  notes: {
    year: "integer",
    kind: "string",
    client_id: "string",
    author_id: "string",
    text: "string",
    value: "number",
  },
  reviews: { date: "date", manager_id: "string", kpis: "json", decisions: "string" },
};

// Kysely<unknown>: a migration must not depend on today's table types.
const m001: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("organisation")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("people")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("name", "text", (c) => c.notNull().unique())
      .addColumn("email", "text", (c) => c.unique())
      .addColumn("role", "text", (c) => c.notNull())
      .addColumn("reports_to", "text", (c) => c.references("people.id"))
      .addColumn("entra_oid", "text", (c) => c.unique())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("people_reports_to").on("people").column("reports_to").execute();
    await db.schema
      .createTable("tokens")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("person_id", "text", (c) => c.notNull().references("people.id"))
      .addColumn("hash", "text", (c) => c.notNull().unique())
      .addColumn("label", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("revoked_at", "text")
      .execute();
    await db.schema
      .createTable("seq_counter")
      .addColumn("id", "integer", (c) => c.primaryKey())
      .addColumn("value", "integer", (c) => c.notNull())
      .execute();
    await sql`insert into seq_counter (id, value) values (1, 0)`.execute(db);
    await db.schema
      .createTable("mutations")
      .addColumn("mutation_id", "text", (c) => c.primaryKey())
      .addColumn("actor_id", "text", (c) => c.notNull())
      .addColumn("result", "text", (c) => c.notNull())
      .addColumn("seq", "integer", (c) => c.notNull())
      .addColumn("at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("change_log")
      .addColumn("seq", "integer", (c) => c.primaryKey())
      .addColumn("at", "text", (c) => c.notNull())
      .addColumn("actor_id", "text")
      .addColumn("client_app", "text")
      .addColumn("ip", "text")
      .addColumn("mutation_id", "text")
      .addColumn("table_name", "text")
      .addColumn("row_id", "text")
      .addColumn("rep_id", "text")
      .addColumn("version", "integer")
      .addColumn("result", "text", (c) => c.notNull())
      .addColumn("fields", "text")
      .addColumn("reason", "text")
      .execute();
    await db.schema.createIndex("change_log_rep_seq").on("change_log").columns(["rep_id", "seq"]).execute();
    await db.schema
      .createTable("conflicts")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("seq", "integer", (c) => c.notNull())
      .addColumn("at", "text", (c) => c.notNull())
      .addColumn("mutation_id", "text", (c) => c.notNull())
      .addColumn("actor_id", "text", (c) => c.notNull())
      .addColumn("table_name", "text", (c) => c.notNull())
      .addColumn("row_id", "text", (c) => c.notNull())
      .addColumn("rep_id", "text", (c) => c.notNull())
      .addColumn("field", "text", (c) => c.notNull())
      .addColumn("base", "text")
      .addColumn("mine", "text")
      .addColumn("theirs", "text")
      .execute();
    for (const [table, columns] of Object.entries(TABLES_001)) {
      let builder = db.schema
        .createTable(table)
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("rep_id", "text", (c) => c.notNull().references("people.id"))
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("deleted", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("updated_by", "text", (c) => c.notNull());
      for (const [column, kind] of Object.entries(columns))
        builder = builder.addColumn(column, COLUMN_TYPE[kind]);
      await builder.execute();
      await db.schema.createIndex(`${table}_rep`).on(table).column("rep_id").execute();
    }
    await db.schema
      .createIndex("contacts_client_date")
      .on("contacts")
      .columns(["client_id", "date"])
      .execute();
    await db.schema
      .createIndex("actions_due")
      .on("actions")
      .columns(["rep_id", "status", "due_date"])
      .execute();
  },
};

// The team view sums contacts per client: a covering index lets it stream them in client order.
const m002: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex("contacts_team_view")
      .on("contacts")
      .columns(["client_id", "deleted", "date", "channel", "weight", "rep_id"])
      .execute();
  },
};

// Contacts summed per client and month on the client's row (see team/contactTotals.ts), backfilled
// here (with the rules of the time, frozen in frozenTotals.ts) and kept by push: the team view reads them instead of summing a year of contacts.
const m003: Migration = {
  async up(db: Kysely<unknown>) {
    for (const column of TOTAL_COLUMNS) {
      const type = column.startsWith("ytd_n_") ? "integer" : "double precision";
      await db.schema
        .alterTable("clients")
        .addColumn(column, type, (c) => c.notNull().defaultTo(0))
        .execute();
    }
    await sql.raw(BACKFILL_003).execute(db);
    // The view reads contacts only by date now (part of the as-of month); push recomputes a
    // client's totals through contacts_client_date. The index of 002 would only slow writes.
    await db.schema.dropIndex("contacts_team_view").execute();
    await db.schema
      .createIndex("contacts_by_date")
      .on("contacts")
      .columns(["date", "deleted", "client_id", "channel", "weight"])
      .execute();
    // SQLite streams the view from this index in (rep, segment) order, without a sort or a table
    // read; PostgreSQL scans the table in parallel instead (and caps an index at 32 columns).
    if (capabilitiesOf(db).wideCoveringIndexes) {
      await db.schema
        .createIndex("clients_team_view")
        .on("clients")
        .columns([
          "rep_id",
          "year",
          "deleted",
          "segment",
          "planned_weighted",
          "planned_visit",
          "planned_video",
          "planned_call",
          "planned_digital",
          ...TOTAL_COLUMNS,
        ])
        .execute();
    }
  },
};

// Deactivation keeps a person's rows and history but refuses their sign-in; a mutation id reused
// with other content is told apart from a replay by the digest of its content.
const m004: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("people").addColumn("deactivated_at", "text").execute();
    await db.schema.alterTable("mutations").addColumn("digest", "text").execute();
  },
};

// Per-client cap factors (the core's earned cap), and contact totals recounted as the core counts
// contacts (a contact with neither its own weight nor a known channel is not one).
const m005: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("clients").addColumn("cap_factor", "double precision").execute();
    await sql.raw(BACKFILL_005).execute(db);
    if (capabilitiesOf(db).wideCoveringIndexes) {
      await db.schema.dropIndex("clients_team_view").execute();
      await db.schema
        .createIndex("clients_team_view")
        .on("clients")
        .columns([
          "rep_id",
          "year",
          "deleted",
          "segment",
          "planned_weighted",
          "planned_visit",
          "planned_video",
          "planned_call",
          "planned_digital",
          "cap_factor",
          ...TOTAL_COLUMNS,
        ])
        .execute();
    }
  },
};

const MIGRATIONS: Record<string, Migration> = {
  "001_initial": m001,
  "002_contacts_team_view": m002,
  "003_client_contact_totals": m003,
  "004_deactivation_and_digests": m004,
  "005_client_cap_factor": m005,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(MIGRATIONS) };

export class MigrationError extends Error {
  constructor(
    readonly migration: string | null,
    override readonly cause: unknown,
  ) {
    super(
      `Migration ${migration ?? "(unknown)"} failed: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = "MigrationError";
  }
}

/** Brings the database to the latest migration (or to `target`); returns the names applied now. */
export async function migrateToLatest<T>(
  db: Kysely<T>,
  schema?: string | null,
  target?: string,
): Promise<string[]> {
  // On PostgreSQL the bookkeeping tables live in the store's own schema (Kysely otherwise finds
  // another schema's tables through introspection and skips creating its own).
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } =
    target === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(target);
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === "Error");
    throw new MigrationError(failed?.migrationName ?? null, error);
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
