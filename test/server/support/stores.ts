/**
 * Every store test runs on SQLite and on PostgreSQL. Each store gets its own SQLite file or its
 * own PostgreSQL schema, so parallel Jest workers never collide; drop() cleans up.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { openDatabase, type Database, type DialectName } from "../../../src/server/db/connect";
import { migrateToLatest } from "../../../src/server/db/migrations";

export const DIALECTS: readonly DialectName[] = ["sqlite", "postgres"];
export const PG_URL = process.env.CADENCE_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";

export interface TestStore {
  store: Database;
  /** Options that open the same database again (a second instance, a restarted server). */
  location: { databaseUrl?: string; sqlitePath?: string; pgSchema?: string };
  drop(): Promise<void>;
}

export async function openTestStore(dialect: DialectName, poolSize?: number): Promise<TestStore> {
  const tag = `t_${process.pid}_${randomBytes(4).toString("hex")}`;
  if (dialect === "postgres") {
    const location = { databaseUrl: PG_URL, pgSchema: tag };
    const store = await openDatabase({ ...location, poolSize });
    await migrateToLatest(store.db, store.schema);
    return {
      store,
      location,
      drop: async () => {
        await sql`drop schema if exists ${sql.id(tag)} cascade`.execute(store.db);
        await store.close();
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "cadence-store-"));
  const location = { sqlitePath: path.join(dir, "cadence.db") };
  const store = await openDatabase(location);
  await migrateToLatest(store.db, store.schema);
  return {
    store,
    location,
    drop: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
