/**
 * The contact totals kept on client rows (src/server/team/contactTotals.ts) stay equal to the
 * contacts after pushes that add, edit, move and delete contacts; and the team view read from them
 * equals the core's figures on the same rows (support/coreOracle.ts), for as-of
 * dates before and after a month's middle, at month ends, and before, in and after the year.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import type { Mutation, PushResponse, TeamView } from "../../src/contract";
import { DEFAULT_CHANNELS } from "../../src/core/types";
import { createServer } from "../../src/server/app";
import { MONTHS, refreshAllContactTotals, ytdCount, ytdWeight } from "../../src/server/team/contactTotals";
import { contactWindow } from "../../src/server/team/query";
import { coreOracle, projected, rounded } from "./support/coreOracle";
import { mutation, pushOk } from "./support/mutations";
import { seedOrg, type Org, type OrgName } from "./support/org";
import { DIALECTS, openTestStore, type TestStore } from "./support/stores";

const DATES = [
  "2025-12-31",
  "2026-01-01",
  "2026-01-31",
  "2026-02-15",
  "2026-02-16",
  "2026-02-28",
  "2026-03-01",
  "2026-06-15",
  "2026-06-16",
  "2026-06-30",
  "2026-12-31",
  "2027-01-01",
  "2027-03-10",
];
const AS_OF = [
  "2025-12-31",
  "2026-01-01",
  "2026-02-15",
  "2026-02-16",
  "2026-02-28",
  "2026-03-31",
  "2026-06-16",
  "2026-06-30",
  "2026-12-31",
  "2027-01-01",
  "2027-03-10",
];
const CHANNELS = ["visit", "video", "call", "digital", "fax"];
const WEIGHTS = [null, null, 0.3, 2];
const TOLERANCE = 0.2;

const round = (x: number): number => Math.round(x * 1e9) / 1e9;
/** A contact's weight as the core counts it; null when it is not a contact (unknown channel, no weight). */
const weightOf = (channel: string, weight: number | null): number | null =>
  weight ?? DEFAULT_CHANNELS.find((c) => c.id === channel)?.weight ?? null;

interface ClientRow extends Record<string, unknown> {
  id: string;
  rep_id: string;
  year: number | null;
  deleted: number;
  segment: string | null;
  planned_weighted: number | null;
}
interface ContactRow {
  client_id: string | null;
  date: string | null;
  channel: string | null;
  weight: number | null;
  deleted: number;
}

test("contact window: whole months from the totals, the rest of the as-of month added or taken away", () => {
  expect(contactWindow(2026, "2025-12-31")).toEqual({ months: 0, adjust: null });
  expect(contactWindow(2026, "2026-01-01")).toEqual({
    months: 0,
    adjust: { after: "2026-01-00", through: "2026-01-01", sign: 1 },
  });
  expect(contactWindow(2026, "2026-06-15")).toEqual({
    months: 5,
    adjust: { after: "2026-06-00", through: "2026-06-15", sign: 1 },
  });
  expect(contactWindow(2026, "2026-06-30")).toEqual({
    months: 6,
    adjust: { after: "2026-06-30", through: "2026-06-31", sign: -1 },
  });
  expect(contactWindow(2026, "2026-07-31")).toEqual({ months: 7, adjust: null });
  expect(contactWindow(2026, "2027-02-01")).toEqual({
    months: 12,
    adjust: { after: "2026-12-31", through: "2027-02-01", sign: 1 },
  });
});

describe.each(DIALECTS)("contact totals on %s", (dialect) => {
  let t: TestStore;
  let app: FastifyInstance;
  let org: Org;
  /** rep1's clients, in a fixed order the random moves pick from. */
  const clientIds: string[] = [];
  /** Contacts pushed so far: version and current values (the bases of the next edit). */
  const contacts = new Map<string, { version: number; values: Record<string, unknown> }>();

  async function push(who: OrgName, mutations: Mutation[]): Promise<PushResponse> {
    const body = await pushOk(app, org[who].auth, mutations);
    expect(body.results.map((r) => r.status)).toEqual(mutations.map(() => "applied"));
    return body;
  }

  /** A push of contact mutations as rep1, keeping the local versions and values. */
  async function pushContacts(changes: { id: string; values: Record<string, unknown> }[]): Promise<void> {
    const mutations = changes.map(({ id, values }) => {
      const known = contacts.get(id);
      // The server stores unset fields as not deleted and no weight: those are the bases.
      const bases = known ? { deleted: false, weight: null, ...known.values } : {};
      return mutation("contacts", id, known?.version ?? 0, values, bases);
    });
    const body = await push("rep1", mutations);
    body.results.forEach((r, i) => {
      const { id, values } = changes[i];
      contacts.set(id, { version: r.version, values: { ...contacts.get(id)?.values, ...values } });
    });
  }

  async function rows(): Promise<{ clients: ClientRow[]; contacts: ContactRow[] }> {
    const c = await sql<ClientRow>`select * from clients`.execute(t.store.db);
    const k = await sql<ContactRow>`
      select client_id, date, channel, weight, deleted from contacts`.execute(t.store.db);
    return { clients: c.rows, contacts: k.rows };
  }

  /** Every client's stored totals against the same sums done here, contact by contact. */
  async function expectTotalsRight(): Promise<void> {
    const db = await rows();
    const stored = db.clients.map((c) => ({
      id: c.id,
      n: MONTHS.map((m) => Number(c[ytdCount(m)])),
      w: MONTHS.map((m) => round(Number(c[ytdWeight(m)]))),
    }));
    const expected = db.clients.map((c) => {
      const mine = db.contacts.filter(
        (k) =>
          k.client_id === c.id &&
          k.deleted === 0 &&
          k.date?.slice(0, 4) === String(c.year) &&
          weightOf(k.channel ?? "", k.weight) !== null,
      );
      const through = (m: number) => mine.filter((k) => Number(k.date!.slice(5, 7)) <= m);
      return {
        id: c.id,
        n: MONTHS.map((m) => through(m).length),
        w: MONTHS.map((m) =>
          round(through(m).reduce((s, k) => s + (weightOf(k.channel ?? "", k.weight) ?? 0), 0)),
        ),
      };
    });
    expect(stored).toEqual(expected);
  }

  /** The director's view for 2026 against the core's figures on the same rows (the oracle). */
  async function expectViewRight(asOf: string): Promise<void> {
    const res = await app.inject({
      url: `/teams/${org.director.id}/view?year=2026&asOf=${asOf}&tolerance=${TOLERANCE}`,
      headers: org.director.auth,
    });
    expect(res.statusCode).toBe(200);
    const view = res.json<TeamView>();
    const oracle = await coreOracle(t.store.db, org.director.id, 2026, asOf, TOLERANCE);
    expect([asOf, rounded(projected(view))]).toEqual([asOf, rounded(oracle)]);
  }

  beforeAll(async () => {
    t = await openTestStore(dialect);
    org = await seedOrg(t.store.db);
    app = await createServer({ db: t.store, rateLimit: false });
    const client = (fields: Record<string, unknown>) => {
      const id = randomUUID();
      clientIds.push(id);
      return mutation("clients", id, 0, fields);
    };
    await push("rep1", [
      client({ year: 2026, segment: "retain", plannedVisit: 2, plannedWeighted: 2 }),
      client({ year: 2026, segment: "atRisk", plannedVisit: 3, plannedCall: 4 }),
      client({ year: 2026, segment: "retain", plannedVisit: 12 }),
      client({ year: 2025, segment: "retain", plannedVisit: 5 }),
      client({ year: 2026, segment: "prospect" }),
    ]);
    await push("rep2", [
      mutation("clients", randomUUID(), 0, { year: 2026, segment: "develop", plannedVisit: 4 }),
    ]);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  test("a contact pushed before its client counts once the client arrives; a client changing year", async () => {
    const later = randomUUID();
    await pushContacts([
      { id: randomUUID(), values: { clientId: later, date: "2026-03-04", channel: "visit" } },
    ]);
    await expectTotalsRight();
    await push("rep1", [mutation("clients", later, 0, { year: 2026, segment: "develop", plannedVisit: 6 })]);
    clientIds.push(later);
    const stored = await sql<Record<string, number>>`
      select ytd_n_02, ytd_n_03, ytd_n_12 from clients where id = ${later}`.execute(t.store.db);
    expect(stored.rows.map((r) => [r.ytd_n_02, r.ytd_n_03, r.ytd_n_12].map(Number))).toEqual([[0, 1, 1]]);
    await pushContacts([
      { id: randomUUID(), values: { clientId: clientIds[3], date: "2026-05-05", channel: "call" } },
    ]);
    await push("rep1", [mutation("clients", clientIds[3], 1, { year: 2026 }, { year: 2025 })]);
    await expectTotalsRight();
    for (const asOf of AS_OF) await expectViewRight(asOf);
  });

  test("the backfill (migration 003, bulk loads) counts contacts written behind push's back", async () => {
    const base = {
      version: 1,
      deleted: 0,
      rep_id: org.rep1.id,
      updated_at: "2026-01-01",
      updated_by: org.rep1.id,
    };
    const bulk = DATES.map((date, i) => ({
      ...base,
      id: randomUUID(),
      client_id: clientIds[i % clientIds.length],
      date,
      channel: CHANNELS[i % CHANNELS.length],
      weight: WEIGHTS[i % WEIGHTS.length],
    }));
    await sql`insert into contacts (id, rep_id, version, deleted, updated_at, updated_by, client_id, date, channel, weight)
      values ${sql.join(
        bulk.map(
          (r) =>
            sql`(${r.id}, ${r.rep_id}, ${r.version}, ${r.deleted}, ${r.updated_at}, ${r.updated_by}, ${r.client_id}, ${r.date}, ${r.channel}, ${r.weight})`,
        ),
      )}`.execute(t.store.db);
    await expect(expectTotalsRight()).rejects.toThrow();
    await refreshAllContactTotals(t.store.db);
    await expectTotalsRight();
    await expectViewRight("2026-06-16");
  });

  test("random pushes that add, edit, move and delete contacts keep the totals and the view right", async () => {
    const values = fc.record(
      {
        clientId: fc.integer({ min: 0, max: 5 }),
        date: fc.constantFrom(...DATES),
        channel: fc.constantFrom(...CHANNELS),
        weight: fc.constantFrom(...WEIGHTS),
        deleted: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    const change = fc.record({ target: fc.nat(), isNew: fc.boolean(), values });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(change, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }),
        async (pushes) => {
          for (const batch of pushes) {
            const known = [...contacts.keys()];
            const seen = new Set<string>();
            const changes = batch.flatMap(({ target, isNew, values: v }) => {
              const id = isNew || known.length === 0 ? randomUUID() : known[target % known.length];
              if (seen.has(id)) return [];
              seen.add(id);
              const fields: Record<string, unknown> = { ...v };
              if (v.clientId !== undefined) fields.clientId = clientIds[v.clientId % clientIds.length];
              if (!contacts.has(id)) {
                // A new contact has a client, a date and a channel, as the pane writes it.
                fields.clientId ??= clientIds[target % clientIds.length];
                fields.date ??= DATES[target % DATES.length];
                fields.channel ??= "visit";
              }
              // Unset fields read as the server stores them: not deleted, no weight of its own.
              const current = { deleted: false, weight: null, ...contacts.get(id)?.values };
              const changed = Object.entries(fields).filter(
                ([k, x]) => !contacts.has(id) || current[k as keyof typeof current] !== x,
              );
              return changed.length > 0 ? [{ id, values: Object.fromEntries(changed) }] : [];
            });
            if (changes.length > 0) await pushContacts(changes);
            await expectTotalsRight();
          }
          for (const asOf of AS_OF) await expectViewRight(asOf);
        },
      ),
      { numRuns: 20 },
    );
  });
});
