/**
 * PostgreSQL going away under load (a restart, a failover): every connection of the store's pool is
 * terminated again and again while reps push. The store must stay up, clients retry, and every
 * mutation ends up applied exactly once. Terminating only this pool's backends stands in for a restart
 * without disturbing the other tests that share the server.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { createServer } from "../../src/server/app";
import { openDatabase, type Database } from "../../src/server/db/connect";
import { memoryStorage, patTokenProvider, SyncClient } from "../../src/sync";
import { injectFetch } from "../sync/support/injectFetch";
import { seedOrg, type Org } from "./support/org";
import { PG_URL, openTestStore, type TestStore } from "./support/stores";

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
    const clients = [org.rep1.token, org.rep2.token].map(
      (token) =>
        new SyncClient({
          baseUrl: "http://store.test",
          tokens: patTokenProvider(token),
          storage: memoryStorage(),
          fetch: injectFetch(app),
          retry: { attempts: 8, baseDelayMs: 5, maxDelayMs: 40 },
          batchSize: 5,
        }),
    );
    const rowIds: string[] = [];
    let terminated = 0;
    for (let round = 0; round < 12; round++) {
      for (const [i, client] of clients.entries()) {
        for (let k = 0; k < 5; k++) {
          const id = randomUUID();
          rowIds.push(id);
          await client.enqueue("clients", id, 0, {
            name: { base: null, value: `R${round}-${i}-${k}` },
            year: { base: null, value: 2026 },
          });
        }
      }
      // Cut the connections while both clients push.
      const [n] = await Promise.all([cut(), ...clients.map((c) => c.push())]);
      terminated += n;
    }
    for (const client of clients) {
      await client.push();
      expect(await client.pending()).toHaveLength(0);
    }
    expect(terminated).toBeGreaterThan(0);
    const rows = await sql<{ n: number }>`
      select count(*)::int as n from clients where id in (${sql.join(rowIds)})`.execute(t.store.db);
    expect(rows.rows[0]?.n).toBe(rowIds.length);
    const log = await t.store.db
      .selectFrom("change_log")
      .select("row_id")
      .where("row_id", "in", rowIds)
      .execute();
    expect(log).toHaveLength(rowIds.length);
    expect((await app.inject({ method: "GET", url: "/ready" })).statusCode).toBe(200);
  }, 120_000);
});
