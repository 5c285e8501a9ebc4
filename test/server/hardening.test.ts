/**
 * What an outside probe got through (issue 13), on both databases: a contact hung on another rep's
 * client, out-of-range numbers, forged authorship, deep JSON, sloppy `since`, refusals that leak a
 * row's version, lone surrogates, a reused mutation id, headers.
 */
import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import type { PullResponse, PushResponse } from "../../src/contract";
import { createServer } from "../../src/server/app";
import { mutation, pushOk } from "./support/mutations";
import { seedOrg, type Org } from "./support/org";
import { DIALECTS, openTestStore, type TestStore } from "./support/stores";

describe.each(DIALECTS)("store hardening on %s", (dialect) => {
  let t: TestStore;
  let app: FastifyInstance;
  let org: Org;

  beforeAll(async () => {
    t = await openTestStore(dialect);
    org = await seedOrg(t.store.db);
    app = await createServer({ db: t.store, rateLimit: false });
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const push = (who: keyof Org, mutations: unknown[]) =>
    app.inject({ method: "POST", url: "/sync/push", headers: org[who].auth, payload: { mutations } });

  test("a contact cannot hang on another rep's client, in the database or created in the same push", async () => {
    const theirs = randomUUID();
    await pushOk(app, org.rep2.auth, [mutation("clients", theirs, 0, { name: "B", year: 2026 })]);
    const [onTheirs] = (
      await pushOk(app, org.rep1.auth, [
        mutation("contacts", randomUUID(), 0, { clientId: theirs, date: "2026-03-02", weight: 50 }),
      ])
    ).results;
    expect([onTheirs.status, onTheirs.reason]).toEqual(["refused", "FORBIDDEN"]);

    // Moving one's own contact onto another rep's client is refused too.
    const mine = randomUUID();
    const contact = randomUUID();
    const made = await pushOk(app, org.rep1.auth, [
      mutation("clients", mine, 0, { name: "A", year: 2026 }),
      mutation("contacts", contact, 0, { clientId: mine, date: "2026-03-02", channel: "visit" }),
    ]);
    expect(made.results.map((r) => r.status)).toEqual(["applied", "applied"]);
    const [moved] = (
      await pushOk(app, org.rep1.auth, [
        mutation("contacts", contact, 1, { clientId: theirs }, { clientId: mine }),
      ])
    ).results;
    expect(moved.status).toBe("refused");
    // rep2's client totals are untouched.
    const row = await sql<{ n: number }>`select ytd_n_12 as n from clients where id = ${theirs}`.execute(
      t.store.db,
    );
    expect(row.rows[0]?.n).toBe(0);
  });

  test.each([
    ["clients", "plannedWeighted", 1.7e308],
    ["clients", "plannedVisit", 10_001],
    ["clients", "salesN", -2e12],
    ["contacts", "weight", 101],
    ["plans", "capacity", { weighted: 1.7e308 }],
  ] as const)("%s.%s = %p is a 400 naming the field", async (table, field, value) => {
    const res = await push("rep1", [mutation(table, randomUUID(), 0, { [field]: value })]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("BAD_FIELD_VALUE");
    expect(res.json().error.details).toMatchObject({ table, field });
  });

  test("figures overflowed by rows stored before the bounds answer 422 naming the rows, never 500", async () => {
    const own = await openTestStore(dialect);
    try {
      const people = await seedOrg(own.store.db);
      const server = await createServer({ db: own.store, rateLimit: false });
      const ids = [randomUUID(), randomUUID()];
      await pushOk(
        server,
        people.rep1.auth,
        ids.map((id) => mutation("clients", id, 0, { name: id, year: 2026, plannedWeighted: 10 })),
      );
      // As a store from before the bounds would hold them.
      await sql`update clients set planned_weighted = 1.7e308`.execute(own.store.db);
      const res = await server.inject({
        url: `/teams/${people.manager1.id}/view?year=2026&asOf=2026-06-30`,
        headers: people.manager1.auth,
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe("STORED_DATA_OUT_OF_RANGE");
      const body = res.json<{ error: { details: { clients: { id: string }[] } } }>();
      expect(body.error.details.clients.map((c) => c.id).sort()).toEqual([...ids].sort());
      await server.close();
    } finally {
      await own.drop();
    }
  });

  test("authorship is the caller's: managerId and authorId are set from it and never change", async () => {
    const review = randomUUID();
    const note = randomUUID();
    const made = await pushOk(app, org.manager1.auth, [
      mutation("reviews", review, 0, { repId: org.rep1.id, managerId: org.manager2.id, date: "2026-03-02" }),
      mutation("notes", note, 0, { repId: org.rep1.id, authorId: org.director.id, text: "x" }),
    ]);
    expect(made.results.map((r) => r.status)).toEqual(["applied", "applied"]);
    const pulled = (
      await app.inject({ url: "/sync/pull?since=0&limit=5000", headers: org.manager1.auth })
    ).json<PullResponse>();
    const fields = (id: string) => pulled.rows.find((r) => r.rowId === id)?.fields;
    expect(fields(review)?.managerId).toBe(org.manager1.id);
    expect(fields(note)?.authorId).toBe(org.manager1.id);
    // The director may edit the review, not re-sign it.
    const [forged] = (
      await pushOk(app, org.director.auth, [
        mutation("reviews", review, 1, { managerId: org.director.id }, { managerId: org.manager1.id }),
      ])
    ).results;
    expect([forged.status, forged.reason]).toEqual(["refused", "FORBIDDEN"]);
  });

  test("deeply nested JSON is a 400, not a stack overflow", async () => {
    const deep = "[".repeat(2700) + "]".repeat(2700);
    const m = mutation("plans", randomUUID(), 0, { year: 2026, norms: "DEEP" });
    const res = await app.inject({
      method: "POST",
      url: "/sync/push",
      headers: { ...org.rep1.auth, "content-type": "application/json" },
      payload: JSON.stringify({ mutations: [m] }).replace('"DEEP"', deep),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("VALIDATION");
    // 40 levels inside a field: within the body's limit, beyond a document's.
    const fortyDeep = JSON.parse("[".repeat(40) + "]".repeat(40)) as unknown;
    const field = await push("rep1", [mutation("plans", randomUUID(), 0, { norms: fortyDeep })]);
    expect([field.statusCode, field.json().error.code]).toEqual([400, "BAD_FIELD_VALUE"]);
  });

  test.each(["1.5", "1e3", "99999999999999999999", "-1", "0x10", " 1"])(
    "since=%s is a 400 (only safe non-negative integers)",
    async (since) => {
      const res = await app.inject({
        url: `/sync/pull?since=${encodeURIComponent(since)}`,
        headers: org.rep1.auth,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe("VALIDATION");
    },
  );

  test("since=12 is read as 12", async () => {
    const res = await app.inject({ url: "/sync/pull?since=12", headers: org.rep1.auth });
    expect(res.statusCode).toBe(200);
    expect(res.json<PullResponse>().next).toBeGreaterThanOrEqual(12);
  });

  test("a refused write to a row the caller may not read reveals neither its version nor its existence", async () => {
    const id = randomUUID();
    await pushOk(app, org.rep2.auth, [mutation("clients", id, 0, { name: "secret", year: 2026 })]);
    await pushOk(app, org.rep2.auth, [mutation("clients", id, 1, { city: "Lyon" })]);
    const stale = await pushOk(app, org.rep1.auth, [mutation("clients", id, 2, { name: "mine" })]);
    const missing = await pushOk(app, org.rep1.auth, [
      mutation("clients", randomUUID(), 2, { name: "mine" }),
    ]);
    const strip = (r: PushResponse["results"][number] | undefined) => ({ ...r, mutationId: "", rowId: "" });
    expect(strip(stale.results[0])).toEqual(strip(missing.results[0]));
    expect(stale.results[0]).toMatchObject({ status: "refused", version: 0, reason: "ROW_NOT_FOUND" });
  });

  test.each([
    ["a string field", (v: string) => ({ name: v })],
    ["a JSON document", (v: string) => ({ extra: { note: v } })],
    ["a JSON key", (v: string) => ({ extra: { [v]: 1 } })],
  ])("a lone surrogate in %s is a 400, nothing stored", async (_what, fields) => {
    const rowId = randomUUID();
    const res = await push("rep1", [mutation("clients", rowId, 0, fields("ab\uD800cd"))]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/Unicode/);
    const found = await sql`select id from clients where id = ${rowId}`.execute(t.store.db);
    expect(found.rows).toHaveLength(0);
  });

  test("a mutation id replayed with the same content is a replay; with other content, 409", async () => {
    const m = mutation("clients", randomUUID(), 0, { name: "once", year: 2026 });
    await pushOk(app, org.rep1.auth, [m]);
    const again = await pushOk(app, org.rep1.auth, [m]);
    expect(again.results[0]?.replayed).toBe(true);
    const changed = { ...m, fields: { ...m.fields, name: { base: null, value: "twice" } } };
    const res = await push("rep1", [changed]);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: "MUTATION_REUSED",
      details: { mutationId: m.mutationId },
    });
  });

  test("security headers on every answer, no-store on tokens, the error shape on 431", async () => {
    const token = await app.inject({
      method: "POST",
      url: `/people/${org.rep1.id}/tokens`,
      headers: org.rep1.auth,
      payload: {},
    });
    expect(token.statusCode).toBe(201);
    expect(token.headers["cache-control"]).toBe("no-store");
    for (const res of [token, await app.inject({ url: "/health" })]) {
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["content-security-policy"]).toContain("default-src 'none'");
      expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
      expect(res.headers["strict-transport-security"]).toBeDefined();
    }
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    const res = await fetch(`${url}/me`, { headers: { ...org.rep1.auth, "x-big": "x".repeat(20_000) } });
    expect(res.status).toBe(431);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("HEADERS_TOO_LARGE");
  });
});
