/**
 * Limits before and after sign-in: anonymous callers are limited per source address and their
 * refusals are counted per source and minute (one change-log row, not one per request); signed-in
 * callers are limited per person, however they spell the Authorization header.
 */
import { createServer } from "../../src/server/app";
import { seedOrg, type Org } from "./support/org";
import { DIALECTS, openTestStore, type TestStore } from "./support/stores";

describe.each(DIALECTS)("sign-in limits on %s", (dialect) => {
  let t: TestStore;
  let org: Org;

  beforeAll(async () => {
    t = await openTestStore(dialect);
    org = await seedOrg(t.store.db);
  });
  afterAll(async () => {
    await t.drop();
  });

  const logRows = async () =>
    (
      await t.store.db
        .selectFrom("change_log")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n;

  test("an anonymous flood is limited per source and logged as one row per source and minute", async () => {
    const app = await createServer({
      db: t.store,
      rateLimit: { max: 10_000, timeWindowMs: 60_000, anonymousMax: 20, refusalDelayMs: 0 },
    });
    // rep1 signed in before the flood: their token passes the source's limit.
    expect((await app.inject({ url: "/me", headers: org.rep1.auth })).statusCode).toBe(200);
    const before = await logRows();
    const codes = new Map<number, number>();
    for (let i = 0; i < 300; i++) {
      const headers = i % 2 === 0 ? {} : { authorization: `Bearer cad_guess${i}` };
      const res = await app.inject({ url: "/me", headers });
      codes.set(res.statusCode, (codes.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode === 429) expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
    }
    expect(codes.get(401)).toBe(20);
    expect(codes.get(429)).toBe(280);
    expect((await app.inject({ url: "/me", headers: org.rep1.auth })).statusCode).toBe(200);
    // Nothing written per request while the minute runs.
    expect(await logRows()).toBeLessThanOrEqual(before + 1);
    await app.close();
    const rows = await t.store.db
      .selectFrom("change_log")
      .select(["result", "ip", "fields", "reason", "actor_id"])
      .where("seq", ">", before)
      .where("result", "=", "unauthenticated")
      .execute();
    const total = rows.reduce((n, r) => n + (JSON.parse(r.fields ?? "{}") as { count: number }).count, 0);
    expect(rows.length).toBeLessThanOrEqual(2); // a minute boundary may split the run
    expect(total).toBe(300);
    expect(rows[0]).toMatchObject({ ip: "127.0.0.1", actor_id: null });
    expect(rows[0]?.reason).toMatch(/rate limited/);
  });

  test("the per-person limit follows the person, whatever the header's spelling", async () => {
    const app = await createServer({ db: t.store, rateLimit: { max: 3, timeWindowMs: 60_000 } });
    const spellings = [`Bearer ${org.rep2.token}`, `bearer  ${org.rep2.token}`, `BEARER\t${org.rep2.token}`];
    const codes: number[] = [];
    for (const authorization of [...spellings, `bearer   ${org.rep2.token}`])
      codes.push((await app.inject({ url: "/me", headers: { authorization } })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    // Someone else keeps their own allowance.
    expect((await app.inject({ url: "/me", headers: org.rep3.auth })).statusCode).toBe(200);
    await app.close();
  });
});

test("a source over its allowance is answered late (the flood's connections are held), known tokens at once", async () => {
  const t = await openTestStore("sqlite");
  try {
    const org = await seedOrg(t.store.db);
    const app = await createServer({
      db: t.store,
      rateLimit: { max: 10_000, timeWindowMs: 60_000, anonymousMax: 1, refusalDelayMs: 300 },
    });
    expect((await app.inject({ url: "/me", headers: org.rep1.auth })).statusCode).toBe(200);
    expect((await app.inject({ url: "/me" })).statusCode).toBe(401);
    let t0 = performance.now();
    expect((await app.inject({ url: "/me" })).statusCode).toBe(429);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
    t0 = performance.now();
    expect((await app.inject({ url: "/me", headers: org.rep1.auth })).statusCode).toBe(200);
    expect((await app.inject({ url: "/me", headers: org.rep1.auth })).statusCode).toBe(200);
    expect(performance.now() - t0).toBeLessThan(290);
    await app.close();
  } finally {
    await t.drop();
  }
});
