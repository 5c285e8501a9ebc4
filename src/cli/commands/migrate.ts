import type { Command } from "commander";
import { databaseOptionsFrom, openDatabase } from "../../server/db/connect";
import { migrateToLatest } from "../../server/db/migrations";

/** `cadence migrate [--db]`: brings the store's database to the latest schema. */
export function register(program: Command): void {
  program
    .command("migrate")
    .description("Apply the store's database migrations / Appliquer les migrations de la base")
    .option("--db <file|url>", "SQLite file or postgres:// URL (default: DATABASE_URL or ./data/cadence.db)")
    .action(async (opts: { db?: string }) => {
      const store = await openDatabase(databaseOptionsFrom(opts.db));
      try {
        const applied = await migrateToLatest(store.db, store.schema);
        process.stdout.write(
          applied.length ? `Applied: ${applied.join(", ")}\n` : "Already up to date. / Déjà à jour.\n",
        );
      } finally {
        await store.close();
      }
    });
}
