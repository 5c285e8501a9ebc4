import type { Command } from "commander";
import { ROLES } from "../../contract";
import { databaseOptionsFrom, openMigrated } from "../../server/db/connect";
import { auditAdmin } from "../../server/adminAudit";
import { createPerson, deactivatePerson, listPeople, PersonInputError } from "../../server/people";
import { CliError } from "../errors";

interface AddOptions {
  name: string;
  role: string;
  reportsTo?: string;
  email?: string;
  entraOid?: string;
  db?: string;
}

/** `cadence users add|list`: the people of the store (admin work, run on the server's machine). */
export function register(program: Command): void {
  const users = program
    .command("users")
    .description("People of the shared store / Personnes du serveur partagé");
  users
    .command("add")
    .description("Add a person / Ajouter une personne")
    .requiredOption("--name <name>", "unique display name")
    .requiredOption("--role <role>", ROLES.join(" | "))
    .option("--reports-to <id|name>", "their manager")
    .option("--email <email>", "e-mail (matches Microsoft Entra ID sign-ins)")
    .option("--entra-oid <oid>", "Microsoft Entra ID object id")
    .option("--db <file|url>", "SQLite file or postgres:// URL")
    .action(async (opts: AddOptions) => {
      const store = await openMigrated(databaseOptionsFrom(opts.db));
      try {
        const person = await createPerson(store.db, opts);
        await auditAdmin(store.db, "person.created", { person: person.id, role: person.role });
        process.stdout.write(`${person.id}\t${person.name}\t${person.role}\t${person.reportsTo ?? "-"}\n`);
      } catch (error: unknown) {
        if (error instanceof PersonInputError)
          throw new CliError(`--${optionName(error.field)}: ${error.message}`);
        throw error;
      } finally {
        await store.close();
      }
    });
  users
    .command("list")
    .description("List people / Lister les personnes")
    .option("--db <file|url>", "SQLite file or postgres:// URL")
    .action(async (opts: { db?: string }) => {
      const store = await openMigrated(databaseOptionsFrom(opts.db));
      try {
        for (const p of await listPeople(store.db)) {
          const state = p.deactivatedAt === undefined ? "" : `\tdeactivated ${p.deactivatedAt}`;
          process.stdout.write(
            `${p.id}\t${p.name}\t${p.role}\t${p.reportsTo ?? "-"}\t${p.email ?? "-"}${state}\n`,
          );
        }
      } finally {
        await store.close();
      }
    });
  users
    .command("deactivate <id|name>")
    .description(
      "Deactivate a person: revoke their tokens at once, refuse their sign-ins, keep their data / " +
        "Désactiver une personne : jetons révoqués, données conservées",
    )
    .option("--db <file|url>", "SQLite file or postgres:// URL")
    .action(async (who: string, opts: { db?: string }) => {
      const store = await openMigrated(databaseOptionsFrom(opts.db));
      try {
        const done = await deactivatePerson(store.db, who);
        if (done === undefined) throw new CliError(`No person "${who}". / Personne inconnue : "${who}".`);
        await auditAdmin(store.db, "person.deactivated", {
          person: done.person.id,
          revokedTokens: done.revokedTokens,
        });
        process.stdout.write(
          `Deactivated ${done.person.id}\t${done.person.name}; ${done.revokedTokens} token(s) revoked. / ` +
            `Désactivé ; ${done.revokedTokens} jeton(s) révoqué(s).\n`,
        );
      } finally {
        await store.close();
      }
    });
}

function optionName(field: string): string {
  return field === "reportsTo" ? "reports-to" : field;
}
