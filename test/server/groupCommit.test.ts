/**
 * Group commit on SQLite (src/server/changes/groupCommit.ts): pushes that arrive together share a
 * transaction, a failing one is rolled back alone, and none is answered before its commit.
 */
import { randomUUID } from "node:crypto";
import { runInNewContext } from "node:vm";
import BetterSqlite3 from "better-sqlite3";
import type { FastifyInstance } from "fastify";
import type { PushResponse } from "../../src/contract";
import { createServer } from "../../src/server/app";
import { GroupCommit } from "../../src/server/changes/groupCommit";
import { isDatabaseUnavailable } from "../../src/server/db/unavailable";
import { mutation } from "./support/mutations";
import { seedOrg, type Org } from "./support/org";
import { openTestStore, type TestStore } from "./support/stores";

let t: TestStore;
let app: FastifyInstance;
let org: Org;
let other: BetterSqlite3.Database;

beforeAll(async () => {
  t = await openTestStore("sqlite");
  org = await seedOrg(t.store.db);
  app = await createServer({ db: t.store, rateLimit: false });
  // A second connection to the same file sees only what is committed.
  other = new BetterSqlite3(t.location.sqlitePath, { readonly: true });
});
afterAll(async () => {
  other.close();
  await app.close();
  await t.drop();
});

const committed = (id: string): boolean =>
  other.prepare("select count(*) from organisation where id = ?").pluck().get(id) === 1;

test("jobs queued together: each answered after the commit, a failing one rolled back alone", async () => {
  const group = new GroupCommit(t.store.db);
  const ids = Array.from({ length: 6 }, () => randomUUID());
  const seenAtAnswer: (boolean | null)[] = ids.map(() => null);
  const runs = ids.map((id, i) =>
    group
      .run(async (trx) => {
        await trx
          .insertInto("organisation")
          .values({ id, name: `org ${i}`, created_at: "2026-01-01" })
          .execute();
        if (i === 2) throw new Error("boom");
        // One transaction for the batch: nothing of it, not even the first job, is visible elsewhere yet.
        expect([committed(id), committed(ids[0])]).toEqual([false, false]);
        return i;
      })
      .then((value) => {
        seenAtAnswer[i] = committed(id);
        return value;
      }),
  );
  const settled = await Promise.allSettled(runs);
  expect(settled.map((s) => (s.status === "fulfilled" ? s.value : (s.reason as Error).message))).toEqual([
    0,
    1,
    "boom",
    3,
    4,
    5,
  ]);
  expect(seenAtAnswer).toEqual([true, true, null, true, true, true]);
  expect(ids.map(committed)).toEqual([true, true, false, true, true, true]);
});

test("concurrent pushes: all applied, one sequence number each, no gap in the change log", async () => {
  const before = Number(other.prepare("select value from seq_counter").pluck().get());
  const responses = await Promise.all(
    Array.from({ length: 20 }, (_x, i) =>
      app.inject({
        method: "POST",
        url: "/sync/push",
        headers: org.rep1.auth,
        payload: {
          mutations: [
            mutation("clients", randomUUID(), 0, { year: 2026, name: `c${i}` }),
            mutation("clients", randomUUID(), 0, { year: 2026, name: `d${i}` }),
          ],
        },
      }),
    ),
  );
  const bodies = responses.map((r) => r.json<PushResponse>());
  expect(bodies.flatMap((b) => b.results.map((r) => r.status))).toEqual(Array(40).fill("applied"));
  const seqs = other
    .prepare("select seq from change_log where seq > ? order by seq")
    .pluck()
    .all(before) as number[];
  expect(seqs).toEqual(Array.from({ length: 40 }, (_x, i) => before + i + 1));
  expect(bodies.map((b) => b.seq).sort((a, b) => a - b)).toEqual(
    Array.from({ length: 20 }, (_x, i) => before + 2 * (i + 1)),
  );
});

test("a job failing with another realm's error (a refused socket under Jest) keeps what says it is an outage", async () => {
  const group = new GroupCommit(t.store.db);
  const refused: unknown = runInNewContext(
    `Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })`,
  );
  const failure = await group
    .run(() => {
      throw refused;
    })
    .catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(Error);
  expect(isDatabaseUnavailable(failure)).toBe(true);
});
