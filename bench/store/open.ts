import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { openDatabase, type Database, type DialectName } from "../../src/server/db/connect";
import { migrateToLatest } from "../../src/server/db/migrations";

const PG_URL = process.env.CADENCE_BENCH_PG ?? "postgres://postgres@127.0.0.1:5432/test";

/** A migrated throwaway store for a bench: its own PostgreSQL schema, or a SQLite file in a temporary folder. */
export async function openBenchStore(
  dialect: DialectName,
  name: string,
): Promise<{ store: Database; drop: () => Promise<void> }> {
  if (dialect === "postgres") {
    const schema = `${name}_${process.pid}_${randomUUID().slice(0, 8)}`;
    const store = await openDatabase({ databaseUrl: PG_URL, pgSchema: schema, poolSize: 10 });
    await migrateToLatest(store.db, store.schema);
    return {
      store,
      drop: async () => {
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
        await store.close();
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), `cadence-${name}-`));
  const store = await openDatabase({ sqlitePath: path.join(dir, "cadence.db") });
  await migrateToLatest(store.db, null);
  return {
    store,
    drop: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
