import type { Command } from "commander";
import { auditAdmin } from "../../server/adminAudit";
import { databaseOptionsFrom, openMigrated } from "../../server/db/connect";
import { createToken, revokeToken, UnknownPersonError } from "../../server/tokens";
import { CliError } from "../errors";

/** `cadence tokens create|revoke`: personal access tokens, shown once and stored hashed. */
export function register(program: Command): void {
  const tokens = program.command("tokens").description("Personal access tokens / Jetons d'accès personnels");
  tokens
    .command("create")
    .description("Create a token for a person (shown once) / Créer un jeton (affiché une seule fois)")
    .requiredOption("--user <id|name>", "the person")
    .option("--label <label>", "what the token is for")
    .option("--db <file|url>", "SQLite file or postgres:// URL")
    .action(async (opts: { user: string; label?: string; db?: string }) => {
      const store = await openMigrated(databaseOptionsFrom(opts.db));
      try {
        const created = await createToken(store.db, opts.user, opts.label);
        await auditAdmin(store.db, "token.created", { token: created.id, person: created.personId });
        process.stdout.write(`${created.token}\n`);
        process.stderr.write(
          `Token ${created.id} for ${created.personId}: copy it now, it is not shown again. / ` +
            `Copiez-le maintenant : il ne sera plus affiché.\n`,
        );
      } catch (error: unknown) {
        if (error instanceof UnknownPersonError) throw new CliError(`--user: ${error.message}`);
        throw error;
      } finally {
        await store.close();
      }
    });
  tokens
    .command("revoke <id>")
    .description("Revoke a token / Révoquer un jeton")
    .option("--db <file|url>", "SQLite file or postgres:// URL")
    .action(async (id: string, opts: { db?: string }) => {
      const store = await openMigrated(databaseOptionsFrom(opts.db));
      try {
        if (!(await revokeToken(store.db, id))) throw new CliError(`No active token ${id}. / Jeton inconnu.`);
        await auditAdmin(store.db, "token.revoked", { token: id });
        process.stdout.write(`Revoked ${id}\n`);
      } finally {
        await store.close();
      }
    });
}
