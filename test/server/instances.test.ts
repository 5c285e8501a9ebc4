/**
 * Concurrent writers: on PostgreSQL two server instances share one database and behave as one; on
 * SQLite one instance takes the same load. Readers never see a gap in the change-log sequence.
 */
import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { PullResponse, PushResponse } from "../../src/contract";
import { createServer } from "../../src/server/app";
import { openDatabase, type Database } from "../../src/server/db/connect";
import { seedOrg, type Org, type OrgName } from "./support/org";
import { DIALECTS, openTestStore, type TestStore } from "./support/stores";

describe.each(DIALECTS)("concurrent writers on %s", (dialect) => {
  let t: TestStore;
  let second: Database | null = null;
  let apps: FastifyInstance[] = [];
  let org: Org;

  beforeAll(async () => {
    t = await openTestStore(dialect);
    org = await seedOrg(t.store.db);
    apps = [await createServer({ db: t.store, rateLimit: false })];
    if (dialect === "postgres") {
      second = await openDatabase(t.location);
      apps.push(await createServer({ db: second, rateLimit: false }));
    }
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await second?.close();
    await t.drop();
  });

  test("interleaved pushes through every instance: all acknowledged, gap-free sequence, one state", async () => {
    const writers: OrgName[] = ["rep1", "rep2", "rep3"];
    const acked: { rowId: string; value: string }[] = [];
    const state = { stop: false };
    let reads = 0;
    const gaps: string[] = [];
    const reader = (async () => {
      while (!state.stop) {
        const row = await t.store.db
          .selectFrom("change_log")
          .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.max<number | null>("seq").as("max")])
          .executeTakeFirstOrThrow();
        reads += 1;
        if (row.n !== (row.max ?? 0)) gaps.push(`${row.n} rows up to ${row.max}`);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await Promise.all(
      writers.flatMap((who, w) =>
        Array.from({ length: 4 }, async (_x, lane) => {
          for (let i = 0; i < 8; i++) {
            const app = apps[(w + lane + i) % apps.length];
            const mutations = Array.from({ length: 5 }, (_y, k) => ({
              mutationId: randomUUID(),
              table: "clients",
              rowId: randomUUID(),
              baseVersion: 0,
              fields: { name: { value: `${who}-${lane}-${i}-${k}` } },
            }));
            const res = await app.inject({
              method: "POST",
              url: "/sync/push",
              headers: org[who].auth,
              payload: { mutations },
            });
            expect(res.statusCode).toBe(200);
            const results = res.json<PushResponse>().results;
            expect(results.every((r) => r.status === "applied")).toBe(true);
            for (const m of mutations) acked.push({ rowId: m.rowId, value: m.fields.name.value });
          }
        }),
      ),
    );
    state.stop = true;
    await reader;
    expect(gaps).toEqual([]);
    expect(reads).toBeGreaterThan(0);
    expect(acked).toHaveLength(3 * 4 * 8 * 5);
    // Every instance serves the same state to the director.
    const views = await Promise.all(
      apps.map(async (app) => {
        const res = await app.inject({ url: "/sync/pull?since=0&limit=5000", headers: org.director.auth });
        return res.json<PullResponse>().rows.map((r) => [r.rowId, r.fields.name, r.seq]);
      }),
    );
    for (const v of views) expect(v).toEqual(views[0]);
    const byRow = new Map(views[0].map(([rowId, name]) => [rowId, name]));
    for (const a of acked) expect(byRow.get(a.rowId)).toBe(a.value);
  });

  test("a mutation pushed through one instance is a replay on the other", async () => {
    const mutation = {
      mutationId: randomUUID(),
      table: "clients",
      rowId: randomUUID(),
      baseVersion: 0,
      fields: { name: { value: "x" } },
    };
    const send = (app: FastifyInstance) =>
      app.inject({
        method: "POST",
        url: "/sync/push",
        headers: org.rep1.auth,
        payload: { mutations: [mutation] },
      });
    const first = (await send(apps[0])).json<PushResponse>().results[0];
    const again = (await send(apps[apps.length - 1])).json<PushResponse>().results[0];
    expect(first.replayed).toBeUndefined();
    expect(again).toEqual({ ...first, replayed: true });
  });
});
