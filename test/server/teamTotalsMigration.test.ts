/**
 * Migration 003 on a store that already holds clients and contacts (written under migration 002):
 * every client gets its year-to-date contact totals, and the team view reads them.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { openDatabase, type Database, type DialectName } from "../../src/server/db/connect";
import { migrateToLatest } from "../../src/server/db/migrations";
import { DIALECTS, PG_URL } from "./support/stores";

async function open(dialect: DialectName): Promise<{ store: Database; drop: () => Promise<void> }> {
  if (dialect === "postgres") {
    const schema = `t_${process.pid}_${randomBytes(4).toString("hex")}`;
    const store = await openDatabase({ databaseUrl: PG_URL, pgSchema: schema });
    return {
      store,
      drop: async () => {
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
        await store.close();
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "cadence-store-"));
  const store = await openDatabase({ sqlitePath: path.join(dir, "cadence.db") });
  return {
    store,
    drop: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

test.each(DIALECTS)(
  "migration 003 backfills the contact totals of existing clients on %s",
  async (dialect) => {
    const { store, drop } = await open(dialect);
    try {
      expect(await migrateToLatest(store.db, store.schema, "002_contacts_team_view")).toEqual([
        "001_initial",
        "002_contacts_team_view",
      ]);
      const row = { version: 1, deleted: 0, updated_at: "2026-01-01", updated_by: "p1", rep_id: "p1" };
      await sql`insert into people (id, name, role, created_at) values ('p1', 'rep', 'rep', '2026-01-01')`.execute(
        store.db,
      );
      const [a, b, none] = [randomUUID(), randomUUID(), randomUUID()];
      for (const [id, year] of [
        [a, 2026],
        [b, 2025],
        [none, 2026],
      ] as const) {
        await sql`insert into clients (id, rep_id, version, deleted, updated_at, updated_by, year)
        values (${id}, ${row.rep_id}, ${row.version}, ${row.deleted}, ${row.updated_at}, ${row.updated_by}, ${year})`.execute(
          store.db,
        );
      }
      // client, date, channel, weight, deleted
      const contacts: [string, string, string, number | null, number][] = [
        [a, "2026-01-15", "visit", null, 0],
        [a, "2026-03-02", "call", null, 0],
        [a, "2026-03-31", "digital", 0.3, 0],
        [a, "2026-04-01", "visit", null, 1], // deleted
        [a, "2025-12-31", "visit", null, 0], // another year than the client's
        [b, "2025-02-10", "video", null, 0],
      ];
      for (const [client, date, channel, weight, deleted] of contacts) {
        await sql`insert into contacts (id, rep_id, version, deleted, updated_at, updated_by, client_id, date, channel, weight)
        values (${randomUUID()}, ${row.rep_id}, 1, ${deleted}, ${row.updated_at}, ${row.updated_by}, ${client}, ${date}, ${channel}, ${weight})`.execute(
          store.db,
        );
      }
      expect(await migrateToLatest(store.db, store.schema, "003_client_contact_totals")).toEqual([
        "003_client_contact_totals",
      ]);
      const totals = await sql<Record<string, unknown>>`
      select id, ytd_n_01, ytd_n_02, ytd_n_03, ytd_n_12, ytd_w_01, ytd_w_03, ytd_w_12 from clients`.execute(
        store.db,
      );
      const byId = new Map(
        totals.rows.map((r) => [
          r.id,
          [r.ytd_n_01, r.ytd_n_02, r.ytd_n_03, r.ytd_n_12, r.ytd_w_01, r.ytd_w_03, r.ytd_w_12].map(
            (x) => Math.round(Number(x) * 1e9) / 1e9,
          ),
        ]),
      );
      expect(byId.get(a)).toEqual([1, 1, 3, 3, 1, 1.55, 1.55]);
      expect(byId.get(b)).toEqual([0, 1, 1, 1, 0, 0.5, 0.5]);
      expect(byId.get(none)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    } finally {
      await drop();
    }
  },
);
