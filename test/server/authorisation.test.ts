/** The authorisation matrix: endpoint × role × ownership, allowed and denied, on both databases. */
import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import {
  SYNC_TABLE_NAMES,
  type PullResponse,
  type PushResponse,
  type SyncTableName,
} from "../../src/contract";
import { createServer } from "../../src/server/app";
import { seedOrg, type Org, type OrgName } from "./support/org";
import { DIALECTS, openTestStore, type TestStore } from "./support/stores";

const ACTORS: readonly OrgName[] = ["admin", "director", "manager1", "manager2", "rep1", "rep2", "rep3"];
const OWNERS: readonly OrgName[] = ["rep1", "rep2", "rep3", "manager1"];
/** Who is below whom, written out by hand (the org of support/org.ts). */
const BELOW: Partial<Record<OrgName, readonly OrgName[]>> = {
  director: ["manager1", "manager2", "rep1", "rep2", "rep3"],
  manager1: ["rep1", "rep2"],
  manager2: ["rep3"],
};
const below = (actor: OrgName, owner: OrgName): boolean => (BELOW[actor] ?? []).includes(owner);

function mayWrite(actor: OrgName, table: SyncTableName, owner: OrgName): boolean {
  if (actor === "admin") return false;
  if (table === "plans" || table === "clients" || table === "contacts") return actor === owner;
  if (table === "actions") return actor === owner || below(actor, owner);
  return below(actor, owner);
}
const mayRead = (actor: OrgName, owner: OrgName): boolean =>
  actor !== "admin" && (actor === owner || below(actor, owner));

const SAMPLE: Record<SyncTableName, Record<string, unknown>> = {
  plans: { year: 2026, capacity: { weighted: 800 } },
  clients: { name: "Client", year: 2026 },
  contacts: { date: "2026-03-02", channel: "visit" },
  actions: { action: "Call back", status: "open" },
  notes: { kind: "note", text: "Bien" },
  reviews: { date: "2026-03-02", decisions: "Plus de visites" },
};

describe.each(DIALECTS)("authorisation matrix on %s", (dialect) => {
  let t: TestStore;
  let app: FastifyInstance;
  let org: Org;
  const written = new Map<string, OrgName>();

  beforeAll(async () => {
    t = await openTestStore(dialect);
    org = await seedOrg(t.store.db);
    app = await createServer({ db: t.store, rateLimit: false });
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const cases = ACTORS.flatMap((actor) =>
    SYNC_TABLE_NAMES.flatMap((table) => OWNERS.map((owner) => [actor, table, owner] as const)),
  );

  test.each(cases)("push: %s writes %s of %s", async (actor, table, owner) => {
    const rowId = randomUUID();
    const fields: Record<string, { base: null; value: unknown }> = {
      repId: { base: null, value: org[owner].id },
    };
    for (const [k, v] of Object.entries(SAMPLE[table])) fields[k] = { base: null, value: v };
    const res = await app.inject({
      method: "POST",
      url: "/sync/push",
      headers: org[actor].auth,
      payload: { mutations: [{ mutationId: randomUUID(), table, rowId, baseVersion: 0, fields }] },
    });
    expect(res.statusCode).toBe(200);
    const [result] = res.json<PushResponse>().results;
    const allowed = mayWrite(actor, table, owner);
    expect(result.status).toBe(allowed ? "applied" : "refused");
    if (!allowed) {
      expect(result.reason).toBe("FORBIDDEN");
      const row = await t.store.db
        .selectFrom("change_log")
        .select(["result", "version", "actor_id"])
        .where("row_id", "=", rowId)
        .executeTakeFirst();
      expect(row).toEqual({ result: "refused", version: null, actor_id: org[actor].id });
    } else {
      written.set(rowId, owner);
    }
  });

  test.each(ACTORS)("pull: %s sees exactly the rows of its scope", async (actor) => {
    const res = await app.inject({ url: "/sync/pull?since=0&limit=5000", headers: org[actor].auth });
    expect(res.statusCode).toBe(200);
    const seen = new Set(res.json<PullResponse>().rows.map((r) => r.rowId));
    for (const [rowId, owner] of written)
      expect([rowId, seen.has(rowId)]).toEqual([rowId, mayRead(actor, owner)]);
  });

  test("a rep cannot move an existing row to another rep", async () => {
    const rowId = randomUUID();
    const create = {
      mutationId: randomUUID(),
      table: "clients",
      rowId,
      baseVersion: 0,
      fields: { name: { value: "A" } },
    };
    await app.inject({
      method: "POST",
      url: "/sync/push",
      headers: org.rep1.auth,
      payload: { mutations: [create] },
    });
    const move = {
      mutationId: randomUUID(),
      table: "clients",
      rowId,
      baseVersion: 1,
      fields: { repId: { base: org.rep1.id, value: org.rep2.id } },
    };
    const res = await app.inject({
      method: "POST",
      url: "/sync/push",
      headers: org.rep1.auth,
      payload: { mutations: [move] },
    });
    expect(res.json<PushResponse>().results[0]?.status).toBe("refused");
  });

  const TEAM: readonly [OrgName, OrgName, boolean][] = [
    ["manager1", "manager1", true],
    ["manager1", "manager2", false],
    ["director", "manager1", true],
    ["director", "director", true],
    ["manager1", "director", false],
    ["rep1", "manager1", false],
    ["admin", "manager1", false],
  ];
  test.each(TEAM)("team view: %s reads the team of %s → %s", async (actor, manager, allowed) => {
    const res = await app.inject({
      url: `/teams/${org[manager].id}/view?year=2026&asOf=2026-06-30`,
      headers: org[actor].auth,
    });
    expect(res.statusCode).toBe(allowed ? 200 : 403);
    if (!allowed) expect(res.json().error.code).toBe("FORBIDDEN");
  });

  test.each(ACTORS)("people: only admin adds people (%s)", async (actor) => {
    const res = await app.inject({
      method: "POST",
      url: "/people",
      headers: org[actor].auth,
      payload: { name: `new-${actor}-${randomUUID()}`, role: "rep" },
    });
    expect(res.statusCode).toBe(actor === "admin" ? 201 : 403);
  });

  test.each([
    ["rep1", "rep1", 201],
    ["rep1", "rep2", 403],
    ["manager1", "rep1", 403],
    // Over HTTP nobody mints a token for someone else, the admin included (the CLI does, audited).
    ["admin", "rep1", 403],
    ["admin", "director", 403],
    ["director", "rep1", 403],
    ["admin", "admin", 201],
  ] as const)("tokens: %s creates a token for %s → %i", async (actor, target, status) => {
    const res = await app.inject({
      method: "POST",
      url: `/people/${org[target].id}/tokens`,
      headers: org[actor].auth,
      payload: {},
    });
    expect(res.statusCode).toBe(status);
    if (status === 201) {
      const me = await app.inject({ url: "/me", headers: { authorization: `Bearer ${res.json().token}` } });
      expect(me.json().id).toBe(org[target].id);
    }
  });

  test("people lists are scoped: a rep sees only themself, a manager their team, admin everyone", async () => {
    const names = async (who: OrgName) =>
      (await app.inject({ url: "/people", headers: org[who].auth }))
        .json<{ name: string }[]>()
        .map((p) => p.name)
        .sort();
    expect(await names("rep1")).toEqual(["rep1"]);
    expect(await names("manager1")).toEqual(["manager1", "rep1", "rep2"]);
    expect((await names("admin")).length).toBeGreaterThanOrEqual(7);
  });

  test("denials are audited in the change log (anonymous refusals as a count per source and minute)", async () => {
    await app.inject({ url: `/teams/${org.manager2.id}/view?year=2026`, headers: org.manager1.auth });
    const own = await createServer({ db: t.store, rateLimit: false });
    await own.inject({ url: "/me", headers: { authorization: "Bearer cad_wrong" } });
    await own.close();
    const entries = await t.store.db
      .selectFrom("change_log")
      .select(["result", "actor_id"])
      .where("result", "in", ["denied", "unauthenticated"])
      .execute();
    expect(entries).toEqual(
      expect.arrayContaining([
        { result: "denied", actor_id: org.manager1.id },
        { result: "unauthenticated", actor_id: null },
      ]),
    );
  });
});
