import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { PullResponse } from "../../src/contract";
import { createServer } from "../../src/server/app";
import { seedOrg, type Org } from "./support/org";
import { mutation, pushOk } from "./support/mutations";
import { DIALECTS, openTestStore, type TestStore } from "./support/stores";

describe.each(DIALECTS)("store API on %s", (dialect) => {
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

  const pushAs = (who: keyof Org, mutations: unknown[]) => pushOk(app, org[who].auth, mutations);

  test("health, readiness and the OpenAPI document are public", async () => {
    expect((await app.inject("/health")).json()).toEqual({ status: "ok" });
    expect((await app.inject("/ready")).json()).toEqual({ status: "ready", dialect });
    const doc = (await app.inject("/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths as object)).toEqual(
      expect.arrayContaining(["/sync/push", "/sync/pull", "/teams/{managerId}/view"]),
    );
    expect(
      doc.paths["/sync/push"].post.requestBody.content["application/json"].schema.properties.mutations,
    ).toBeDefined();
  });

  test("a token is required, and /me names the caller", async () => {
    const anonymous = await app.inject("/me");
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe("UNAUTHENTICATED");
    const bad = await app.inject({ url: "/me", headers: { authorization: "Bearer cad_nope" } });
    expect(bad.statusCode).toBe(401);
    const me = await app.inject({ url: "/me", headers: org.rep1.auth });
    expect(me.json()).toMatchObject({
      id: org.rep1.id,
      name: "rep1",
      role: "rep",
      reportsTo: org.manager1.id,
    });
  });

  test("push creates a row, pull returns it, a replay changes nothing", async () => {
    const rowId = randomUUID();
    const create = mutation("clients", rowId, 0, {
      name: "Boulangerie Martin",
      year: 2026,
      plannedVisit: 10,
      extra: { b: 1, a: 2 },
    });
    const first = await pushAs("rep1", [create]);
    expect(first.results[0]).toMatchObject({ status: "applied", version: 1, rowId });
    const replay = await pushAs("rep1", [create]);
    expect(replay.results[0]).toMatchObject({ status: "applied", version: 1, replayed: true });
    const pulled = (
      await app.inject({ url: "/sync/pull?since=0", headers: org.rep1.auth })
    ).json<PullResponse>();
    const row = pulled.rows.find((r) => r.rowId === rowId);
    expect(row).toMatchObject({ table: "clients", version: 1 });
    expect(row?.fields).toMatchObject({
      name: "Boulangerie Martin",
      year: 2026,
      plannedVisit: 10,
      repId: org.rep1.id,
      deleted: false,
      extra: { a: 2, b: 1 },
    });
    // Other reps do not see it; the manager above does.
    const other = (
      await app.inject({ url: "/sync/pull?since=0", headers: org.rep3.auth })
    ).json<PullResponse>();
    expect(other.rows.some((r) => r.rowId === rowId)).toBe(false);
    const boss = (
      await app.inject({ url: "/sync/pull?since=0", headers: org.director.auth })
    ).json<PullResponse>();
    expect(boss.rows.some((r) => r.rowId === rowId)).toBe(true);
  });

  test("a stale base merges disjoint fields and records a real conflict", async () => {
    const rowId = randomUUID();
    await pushAs("rep2", [mutation("clients", rowId, 0, { name: "A", city: "Lyon", potential: 100 })]);
    const mine = await pushAs("rep2", [mutation("clients", rowId, 1, { city: "Paris" }, { city: "Lyon" })]);
    expect(mine.results[0]).toMatchObject({ status: "applied", version: 2 });
    // A second copy of the workbook, still at version 1, edits potential (disjoint) and city (clash).
    const stale = await pushAs("rep2", [
      mutation("clients", rowId, 1, { potential: 200, city: "Lille" }, { potential: 100, city: "Lyon" }),
    ]);
    expect(stale.results[0]).toMatchObject({
      status: "conflict",
      version: 3,
      applied: ["potential"],
      conflicts: [{ field: "city", base: "Lyon", mine: "Lille", theirs: "Paris" }],
    });
    const conflicts = (
      await app.inject({ url: "/sync/conflicts?since=0", headers: org.manager1.auth })
    ).json();
    expect(conflicts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rowId, field: "city", mine: "Lille", theirs: "Paris" }),
      ]),
    );
  });
});
