/** Service behaviour around the API: migrations, CORS, rate limits, token cache, graceful shutdown. */
import { randomUUID } from "node:crypto";
import { migrateToLatest } from "../../src/server/db/migrations";
import { createServer } from "../../src/server/app";
import { runStore } from "../../src/server/lifecycle";
import { revokeToken } from "../../src/server/tokens";
import { seedOrg, type Org } from "./support/org";
import { DIALECTS, openTestStore, type TestStore } from "./support/stores";

describe.each(DIALECTS)("service on %s", (dialect) => {
  let t: TestStore;
  let org: Org;

  beforeAll(async () => {
    t = await openTestStore(dialect);
    org = await seedOrg(t.store.db);
  });
  afterAll(async () => {
    await t.drop();
  });

  test("migrations are idempotent", async () => {
    expect(await migrateToLatest(t.store.db, t.store.schema)).toEqual([]);
  });

  test("CORS answers the add-in's origin only", async () => {
    const app = await createServer({ db: t.store, corsOrigin: "https://addin.example.fr", rateLimit: false });
    const ok = await app.inject({
      method: "OPTIONS",
      url: "/sync/pull",
      headers: { origin: "https://addin.example.fr", "access-control-request-method": "GET" },
    });
    expect(ok.headers["access-control-allow-origin"]).toBe("https://addin.example.fr");
    const evil = await app.inject({
      method: "OPTIONS",
      url: "/sync/pull",
      headers: { origin: "https://evil.example.com", "access-control-request-method": "GET" },
    });
    expect(evil.headers["access-control-allow-origin"]).toBeUndefined();
    await app.close();
  });

  test("rate limits answer 429 RATE_LIMITED", async () => {
    const app = await createServer({ db: t.store, rateLimit: { max: 3, timeWindowMs: 60_000 } });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++)
      codes.push((await app.inject({ url: "/me", headers: org.rep1.auth })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    const res = await app.inject({ url: "/me", headers: org.rep1.auth });
    expect(res.json().error.code).toBe("RATE_LIMITED");
    // Another token has its own budget.
    expect((await app.inject({ url: "/me", headers: org.rep2.auth })).statusCode).toBe(200);
    await app.close();
  });

  test("a revoked token stops working once the actor cache expires", async () => {
    const app = await createServer({ db: t.store, rateLimit: false, authCacheMs: 150 });
    const created = await app.inject({
      method: "POST",
      url: `/people/${org.rep3.id}/tokens`,
      headers: org.rep3.auth,
      payload: {},
    });
    const { id, token } = created.json<{ id: string; token: string }>();
    const headers = { authorization: `Bearer ${token}` };
    expect((await app.inject({ url: "/me", headers })).statusCode).toBe(200);
    expect(await revokeToken(t.store.db, id)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await app.inject({ url: "/me", headers })).statusCode).toBe(401);
    await app.close();
  });

  test("graceful shutdown finishes the push in flight", async () => {
    const running = await runStore({
      ...t.location,
      port: 0,
      handleSignals: false,
      logLevel: "silent",
      rateLimit: false,
    });
    const mutations = Array.from({ length: 1000 }, (_x, i) => ({
      mutationId: randomUUID(),
      table: "clients",
      rowId: randomUUID(),
      baseVersion: 0,
      fields: { name: { value: `c${i}` }, city: { value: "Nantes" } },
    }));
    // Stop once the server has the request (Fastify routes it in the same 'request' event, before this
    // listener), not after a fixed delay a loaded machine may not honour.
    const received = new Promise<void>((resolve) => {
      running.app.server.once("request", () => {
        resolve();
      });
    });
    const inFlight = fetch(`${running.url}/sync/push`, {
      method: "POST",
      headers: { ...org.rep1.auth, "content-type": "application/json" },
      body: JSON.stringify({ mutations }),
    });
    await received;
    await running.stop();
    const res = await inFlight;
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: { status: string }[] };
    expect(body.results.filter((r) => r.status === "applied")).toHaveLength(1000);
    await expect(fetch(`${running.url}/health`)).rejects.toThrow();
  });
});
