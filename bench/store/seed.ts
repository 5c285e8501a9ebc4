/** Bulk seed for the store benchmark: an organisation of 200 reps, their plans, clients and contacts. */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { byTableName, type StoredRow } from "../../src/server/db/syncRows";
import type { DB } from "../../src/server/db/schema";
import { refreshAllContactTotals } from "../../src/server/team/contactTotals";
import { createPerson } from "../../src/server/people";
import { createToken } from "../../src/server/tokens";

export interface BenchOrg {
  directorId: string;
  directorToken: string;
  reps: { id: string; token: string }[];
}

export async function seedPeople(
  db: Kysely<DB>,
  managers: number,
  repsPerManager: number,
): Promise<BenchOrg> {
  const director = await createPerson(db, { name: "director", role: "director" });
  const reps: { id: string; token: string }[] = [];
  for (let m = 0; m < managers; m++) {
    const manager = await createPerson(db, { name: `manager${m}`, role: "manager", reportsTo: director.id });
    for (let r = 0; r < repsPerManager; r++) {
      const rep = await createPerson(db, { name: `rep${m}-${r}`, role: "rep", reportsTo: manager.id });
      reps.push({ id: rep.id, token: (await createToken(db, rep.id)).token });
    }
  }
  return { directorId: director.id, directorToken: (await createToken(db, director.id)).token, reps };
}

const SEGMENTS = ["retain", "develop", "atRisk", "maintain", "prospect"];
const CHANNELS = ["visit", "visit", "call", "video", "digital"];

/** Inserts clients and contacts directly (the bench measures the reads, not this set-up). */
export async function seedPlans(
  db: Kysely<DB>,
  repIds: readonly string[],
  clientsPerRep: number,
  contactsPerClient: number,
): Promise<void> {
  const now = new Date().toISOString();
  const base = { version: 1, deleted: 0, updated_at: now };
  const clients: StoredRow[] = [];
  const contacts: StoredRow[] = [];
  const plans: StoredRow[] = [];
  let seed = 1;
  const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  for (const repId of repIds) {
    plans.push({
      ...base,
      id: randomUUID(),
      rep_id: repId,
      updated_by: repId,
      year: 2026,
      capacity: JSON.stringify({ visit: 800, call: 400 }),
    });
    for (let c = 0; c < clientsPerRep; c++) {
      const id = randomUUID();
      const visits = Math.floor(rand() * 12);
      clients.push({
        ...base,
        id,
        rep_id: repId,
        updated_by: repId,
        year: 2026,
        name: `Client ${c}`,
        segment: SEGMENTS[c % 5],
        planned_visit: visits,
        planned_call: 4,
        planned_weighted: visits + 1,
      });
      for (let k = 0; k < contactsPerClient; k++) {
        const day = 1 + Math.floor(rand() * 300);
        const date = new Date(Date.UTC(2026, 0, day)).toISOString().slice(0, 10);
        contacts.push({
          ...base,
          id: randomUUID(),
          rep_id: repId,
          updated_by: repId,
          client_id: id,
          date,
          channel: CHANNELS[k % 5],
        });
      }
    }
  }
  await db.transaction().execute(async (trx) => {
    for (const [table, rows, chunk] of [
      ["plans", plans, 500],
      ["clients", clients, 2000],
      ["contacts", contacts, 3000],
    ] as const) {
      for (let i = 0; i < rows.length; i += chunk)
        await byTableName(trx)
          .insertInto(table)
          .values(rows.slice(i, i + chunk))
          .execute();
    }
    // Rows inserted behind push's back: their clients' contact totals are computed here, as push would.
    await refreshAllContactTotals(trx);
  });
}
