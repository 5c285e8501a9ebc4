/**
 * `cadence demo-org [--db file]`: on a store with nobody in it yet, a demo organisation — a manager
 * and two reps, one of them the workbench's demo rep — and their personal access tokens, printed
 * once, so a new user can sign in on the workbench and sync at once (`npm start` runs it). On a store
 * that already has people it does nothing.
 */
import type { Command } from "commander";
import { auditAdmin } from "../../server/adminAudit";
import { databaseOptionsFrom, openMigrated } from "../../server/db/connect";
import { createPerson, listPeople } from "../../server/people";
import { createToken } from "../../server/tokens";

export const DEMO_PEOPLE = [
  { name: "Claire Martin", role: "manager", email: "claire.martin@example.fr", reportsTo: null },
  { name: "Paul Durand", role: "rep", email: "paul.durand@example.fr", reportsTo: "Claire Martin" },
  { name: "Léa Bernard", role: "rep", email: "lea.bernard@example.fr", reportsTo: "Claire Martin" },
] as const;

export async function createDemoOrg(
  db?: string,
): Promise<{ name: string; role: string; token: string }[] | null> {
  const store = await openMigrated(databaseOptionsFrom(db));
  try {
    if ((await listPeople(store.db)).length > 0) return null;
    const out: { name: string; role: string; token: string }[] = [];
    const ids = new Map<string, string>();
    for (const p of DEMO_PEOPLE) {
      const person = await createPerson(store.db, {
        name: p.name,
        role: p.role,
        email: p.email,
        reportsTo: p.reportsTo === null ? null : (ids.get(p.reportsTo) ?? null),
      });
      ids.set(p.name, person.id);
      await auditAdmin(store.db, "person.created", { person: person.id, role: person.role });
      const { token } = await createToken(store.db, person.id, "demo");
      out.push({ name: p.name, role: p.role, token });
    }
    return out;
  } finally {
    await store.close();
  }
}

export function register(program: Command): void {
  program
    .command("demo-org")
    .description("on an empty store: a demo manager and two reps, with their tokens (development)")
    .option("--db <file|url>", "SQLite file or postgres:// URL")
    .action(async (opts: { db?: string }) => {
      const people = await createDemoOrg(opts.db);
      if (people === null) {
        process.stdout.write("The store already has people: no demo organisation added.\n");
        return;
      }
      process.stdout.write(
        [
          "Demo organisation created (development only). Sign in on the workbench's Sync tab with a token:",
          ...people.map((p) => `  ${p.name} (${p.role}): ${p.token}`),
          "",
        ].join("\n"),
      );
    });
}
