/**
 * PostgreSQL going away under load (a restart, a failover): every connection of the store's pool is
 * terminated again and again while reps push. The store must stay up, clients retry, and every
 * mutation ends up applied exactly once. Terminating only this pool's backends leaves the shared server
 * to the other tests; pgRestart.test.ts restarts a private server for real.
 */
import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { createServer } from "../../src/server/app";
import { openDatabase, type Database } from "../../src/server/db/connect";
import { injectFetch } from "../sync/support/injectFetch";
import { seedOrg, type Org } from "./support/org";
import { PG_URL, openTestStore, type TestStore } from "./support/stores";
import { expectAppliedOnce, expectGaplessLog, Ledger, syncClient } from "./support/syncLedger";

describe("store on postgres while its connections are cut", () => {
  const appName = `cadence_cut_${randomBytes(4).toString("hex")}`;
  let t: TestStore;
  let served: Database;
  let app: FastifyInstance;
  let org: Org;

  beforeAll(async () => {
    t = await openTestStore("postgres");
    org = await seedOrg(t.store.db);
    served = await openDatabase({
      databaseUrl: `${PG_URL}?application_name=${appName}`,
      pgSchema: t.location.pgSchema,
      poolSize: 4,
    });
    app = await createServer({ db: served, rateLimit: false });
  });
  afterAll(async () => {
    await app.close();
    await served.close();
    await t.drop();
  });

  const cut = async (): Promise<number> => {
    const r = await sql<{ n: number }>`
      select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where application_name = ${appName}`.execute(
      t.store.db,
    );
    return r.rows[0]?.n ?? 0;
  };

  test("no acknowledged write is lost or duplicated, and the store keeps answering", async () => {
    const ledger = new Ledger();
    const clients = [org.rep1.token, org.rep2.token].map((token) =>
      syncClient(token, {
        baseUrl: "http://store.test",
        fetch: injectFetch(app),
        retry: { attempts: 8, baseDelayMs: 5, maxDelayMs: 40 },
        batchSize: 5,
      }),
    );
    let terminated = 0;
    for (let round = 0; round < 12; round++) {
      for (const [i, client] of clients.entries()) await ledger.enqueue(client, `R${round}-${i}`, 5);
      // Cut the connections while both clients push.
      const [n, results] = await Promise.all([cut(), Promise.all(clients.map((c) => c.push()))]);
      terminated += n;
      for (const r of results) ledger.record(r);
    }
    for (const client of clients) {
      ledger.record(await client.push());
      expect(await client.pending()).toHaveLength(0);
    }
    expect(terminated).toBeGreaterThan(0);
    expect(ledger.unexpected).toEqual([]);
    expect(ledger.acked.size).toBe(ledger.queued.size);
    await expectAppliedOnce(t.store.db, ledger.acked);
    expect(await expectGaplessLog(t.store.db)).toBe(ledger.acked.size);
    expect((await app.inject({ method: "GET", url: "/ready" })).statusCode).toBe(200);
  }, 120_000);
});
