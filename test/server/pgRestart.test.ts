/**
 * Issue 6, "PostgreSQL restarted under load": a private PostgreSQL cluster (never the shared one) is
 * stopped and restarted — cleanly (fast) and as a crash (immediate, WAL recovery) — while reps push
 * over loopback HTTP and a director pulls. Clients retry; afterwards every acknowledged mutation is
 * applied exactly once, the change log has no gap, pulls skipped nothing, and the store process
 * answered /health throughout and /ready with 503 while the database was down.
 */
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { createServer } from "../../src/server/app";
import { openDatabase, type Database } from "../../src/server/db/connect";
import { migrateToLatest } from "../../src/server/db/migrations";
import type { FetchLike, SyncClient } from "../../src/sync";
import { seedOrg, type Org } from "./support/org";
import { startPrivatePostgres, type PrivatePostgres } from "./support/privatePostgres";
import { expectAppliedOnce, expectGaplessLog, Ledger, PullWatcher, syncClient } from "./support/syncLedger";

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(
  what: string,
  done: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

describe("store on a PostgreSQL server restarted under load", () => {
  let pg: PrivatePostgres | null = null;
  let store: Database | null = null;
  let app: FastifyInstance | null = null;
  let org: Org;
  let baseUrl: string;

  beforeAll(async () => {
    pg = await startPrivatePostgres();
    store = await openDatabase({ databaseUrl: pg.url, poolSize: 4 });
    await migrateToLatest(store.db, store.schema);
    org = await seedOrg(store.db);
    app = await createServer({ db: store, rateLimit: false });
    await app.listen({ port: 0, host: "127.0.0.1" });
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  }, 20_000);

  afterAll(async () => {
    try {
      await app?.close();
      await store?.close();
    } finally {
      pg?.stop();
    }
  });

  const status = async (path: string): Promise<number> => (await fetch(baseUrl + path)).status;

  test("acknowledged writes survive fast and immediate restarts exactly once; pulls skip nothing", async () => {
    const db = store!.db;
    const server = pg!;
    // Every failed attempt the clients saw (and retried): proof the restarts hit requests in flight.
    const failedAttempts: string[] = [];
    const counting: FetchLike = async (url, init) => {
      try {
        const response = await fetch(url, init);
        if (!response.ok) failedAttempts.push(`${response.status} ${url}`);
        return response;
      } catch (error: unknown) {
        failedAttempts.push(`network ${url}`);
        throw error;
      }
    };
    const setup = {
      baseUrl,
      fetch: counting,
      retry: { attempts: 40, baseDelayMs: 25, maxDelayMs: 300 },
      batchSize: 10,
    };
    const ledger = new Ledger();
    const reps = [org.rep1, org.rep2, org.rep3].map((m) => syncClient(m.token, setup));
    const watcher = new PullWatcher(syncClient(org.director.token, setup), 25);
    const gaveUp: string[] = [];
    const healthNot200: number[] = [];
    const readySeen = new Set<number>();
    let running = true;

    const pushLoop = async (client: SyncClient, i: number): Promise<void> => {
      for (let round = 0; running; round++) {
        try {
          await ledger.enqueue(client, `rep${i}-r${round}`, 10);
          ledger.record(await client.push());
        } catch (error: unknown) {
          gaveUp.push(`push rep${i}: ${String(error)}`);
        }
      }
    };
    const pullLoop = async (): Promise<void> => {
      while (running) {
        try {
          await watcher.pullOnce();
        } catch (error: unknown) {
          gaveUp.push(`pull: ${String(error)}`);
        }
        await sleep(10);
      }
    };
    const probeLoop = async (): Promise<void> => {
      while (running) {
        const health = await status("/health");
        if (health !== 200) healthNot200.push(health);
        readySeen.add(await status("/ready"));
        await sleep(25);
      }
    };
    const loops = [...reps.map(pushLoop), pullLoop(), probeLoop()];
    const moreAcked = async (n: number): Promise<void> => {
      const target = ledger.acked.size + n;
      await waitFor(`${target} acknowledged mutations`, () => ledger.acked.size >= target);
    };

    try {
      await moreAcked(60);
      // 1. Clean shutdown, held down a moment: the store stays alive but not ready; clients keep retrying.
      await server.shutdown("fast");
      expect(await status("/health")).toBe(200);
      const notReady = await fetch(`${baseUrl}/ready`);
      expect(notReady.status).toBe(503);
      expect(((await notReady.json()) as { error: { code: string } }).error.code).toBe("NOT_READY");
      await sleep(400);
      await server.start();
      await waitFor("readiness after the restart", async () => (await status("/ready")) === 200);
      await moreAcked(60);
      // 2. Crash (immediate shutdown, WAL recovery at start), in one pg_ctl restart.
      await server.restart("immediate");
      await moreAcked(60);
      // 3. A clean restart in one go.
      await server.restart("fast");
      await moreAcked(60);
    } finally {
      running = false;
      await Promise.all(loops);
    }

    // Drain what the last round queued, and pull to the end.
    for (const client of reps) {
      ledger.record(await client.push());
      expect(await client.pending()).toHaveLength(0);
    }
    await watcher.pullOnce();

    expect(gaveUp).toEqual([]);
    expect(ledger.unexpected).toEqual([]);
    expect(ledger.acked.size).toBe(ledger.queued.size);
    expect(failedAttempts.length).toBeGreaterThan(0);
    // The outage is answered as one (503, retry), never as an internal error.
    expect(failedAttempts.filter((f) => !/^(503 |network )/.test(f))).toEqual([]);
    await expectAppliedOnce(db, ledger.acked);
    const entries = await expectGaplessLog(db);
    expect(entries).toBe(ledger.acked.size);
    // The director saw each row once, in order, and none was skipped by a pull racing a commit.
    expect(watcher.disorder).toEqual([]);
    const pulled = watcher.seen.map((r) => r.rowId).sort();
    expect(pulled).toEqual([...ledger.acked.values()].map((w) => w.rowId).sort());

    expect(healthNot200).toEqual([]);
    expect(readySeen.has(200)).toBe(true);
    expect(await status("/health")).toBe(200);
    expect(await status("/ready")).toBe(200);
  }, 35_000);
});
