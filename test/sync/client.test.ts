import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { PulledRow } from "../../src/contract";
import { createServer } from "../../src/server/app";
import {
  memoryStorage,
  patTokenProvider,
  ssoTokenProvider,
  SyncClient,
  SyncHttpError,
  SyncUnavailableError,
  type FetchLike,
} from "../../src/sync";
import { seedOrg, type Org } from "../server/support/org";
import { DIALECTS, openTestStore, type TestStore } from "../server/support/stores";
import { injectFetch, noSleep, type Faults } from "./support/injectFetch";

describe.each(DIALECTS)("sync client against the store on %s", (dialect) => {
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

  const client = (token: string, faults: Faults = {}, fetchOverride?: FetchLike) =>
    new SyncClient({
      baseUrl: "http://store.test",
      tokens: patTokenProvider(token),
      storage: memoryStorage(),
      fetch: fetchOverride ?? injectFetch(app, faults),
      sleep: noSleep,
      retry: { attempts: 4, baseDelayMs: 1, maxDelayMs: 2 },
    });

  test("enqueue, push, pull: the outbox empties and another copy receives the row", async () => {
    const a = client(org.rep1.token);
    const rowId = randomUUID();
    await a.enqueue("clients", rowId, 0, {
      name: { base: null, value: "Garage Dupont" },
      year: { base: null, value: 2026 },
    });
    expect(await a.pending()).toHaveLength(1);
    const results = await a.push();
    expect(results[0]).toMatchObject({ status: "applied", version: 1 });
    expect(await a.pending()).toHaveLength(0);
    const b = client(org.rep1.token);
    const seen: PulledRow[] = [];
    await b.pull((rows) => {
      seen.push(...rows);
    }, 1);
    expect(seen.find((r) => r.rowId === rowId)?.fields).toMatchObject({ name: "Garage Dupont", year: 2026 });
    expect(await b.since()).toBeGreaterThan(0);
  });

  test("a lost answer is retried and replayed: applied once, acknowledged once", async () => {
    let lost = 0;
    const a = client(org.rep2.token, { loseAnswer: (url) => url.endsWith("/sync/push") && lost++ === 0 });
    const rowId = randomUUID();
    await a.enqueue("clients", rowId, 0, { name: { base: null, value: "X" } });
    const [result] = await a.push();
    expect(result).toMatchObject({ status: "applied", version: 1, replayed: true });
    const log = await t.store.db.selectFrom("change_log").select("seq").where("row_id", "=", rowId).execute();
    expect(log).toHaveLength(1);
  });

  test("an unreachable store keeps the outbox and says so after the retries", async () => {
    const a = client(org.rep1.token, { failBefore: () => true });
    await a.enqueue("clients", randomUUID(), 0, { name: { base: null, value: "Y" } });
    await expect(a.push()).rejects.toBeInstanceOf(SyncUnavailableError);
    expect(await a.pending()).toHaveLength(1);
  });

  test("a refused batch (400) is not retried and stays in the outbox", async () => {
    let calls = 0;
    const fetchCounting: FetchLike = (url, init) => {
      calls += 1;
      return injectFetch(app)(url, init);
    };
    const a = client(org.rep1.token, {}, fetchCounting);
    await a.enqueue("clients", randomUUID(), 0, { nope: { base: null, value: 1 } });
    const error = await a.push().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncHttpError);
    expect((error as SyncHttpError).code).toBe("UNKNOWN_FIELD");
    expect(calls).toBe(1);
    expect(await a.pending()).toHaveLength(1);
    await a.discard([(await a.pending())[0].mutationId]);
    expect(await a.pending()).toHaveLength(0);
  });

  test("an SSO token is fetched once, and again after a 401", async () => {
    let issued = 0;
    const tokens = ssoTokenProvider(() => Promise.resolve(issued++ === 0 ? "cad_expired" : org.rep1.token));
    const a = new SyncClient({
      baseUrl: "http://store.test",
      tokens,
      storage: memoryStorage(),
      fetch: injectFetch(app),
      sleep: noSleep,
    });
    await a.pull(() => undefined);
    await a.pull(() => undefined);
    expect(issued).toBe(2);
  });
});
