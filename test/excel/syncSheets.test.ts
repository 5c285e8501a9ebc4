/**
 * Sync through the Excel gateway on the workbench, against a real store (in-process): the plan
 * workbook's rows get ids, go up, a second copy converges; round trips are the same for 10 and 10,000
 * clients (workbench stats.syncs).
 */
import type { FastifyInstance } from "fastify";
import * as schema from "../../src/core/workbook/schema";
import { createGateway } from "../../src/excel/gateway";
import { createSyncGateway } from "../../src/excel/syncSheets";
import { createServer } from "../../src/server/app";
import { patTokenProvider, runSync, workbookHost, type RunOptions } from "../../src/sync";
import { createWorkbench } from "../../src/workbench/workbench";
import { createPerson } from "../../src/server/people";
import { createToken } from "../../src/server/tokens";
import { openTestStore, type TestStore } from "../server/support/stores";
import { injectFetch, noSleep } from "../sync/support/injectFetch";
import { repCopy } from "./fixtures";

describe("sync through the Excel gateway (workbench)", () => {
  let t: TestStore;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = await openTestStore("sqlite");
    app = await createServer({ db: t.store, rateLimit: false });
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  async function rep(name: string): Promise<RunOptions> {
    const person = await createPerson(t.store.db, { name, role: "rep", email: `${name}@example.com` });
    const { token } = await createToken(t.store.db, person.id);
    return {
      baseUrl: "http://store",
      tokens: patTokenProvider(token),
      fetch: injectFetch(app),
      sleep: noSleep,
      personId: person.id,
    };
  }

  async function planWorkbench(n: number) {
    const wb = createWorkbench();
    await createGateway(wb.run).createPlanWorkbook({ lang: "fr", portfolio: repCopy(n), year: 2026 });
    return wb;
  }

  it("first sync, a second with nothing to send, ten edits: the same round trips for 10 and 10,000 clients", async () => {
    const counts: number[][] = [];
    for (const n of [10, 10_000]) {
      const wb = await planWorkbench(n);
      const o = await rep(`rep${n}`);
      const sync = createSyncGateway(wb.run);
      wb.stats.reset();
      const first = await runSync(workbookHost(sync), o);
      const firstTrips = wb.stats.syncs;
      expect(first).toMatchObject({ pushed: n + 1, conflicts: [], offline: false });
      wb.stats.reset();
      const second = await runSync(workbookHost(sync), o);
      expect(second.pushed).toBe(0);
      const secondTrips = wb.stats.syncs;
      // Ten edited rows.
      await wb.run(async (context) => {
        const body = context.workbook.tables.getItem("Clients").getDataBodyRange();
        const name = schema.table("Clients").columns.findIndex((c) => c.id === "name");
        for (let i = 0; i < 10; i++) body.getCell(i, name).values = [[`Edited ${i}`]];
        await context.sync();
      });
      wb.stats.reset();
      const edited = await runSync(workbookHost(sync), o);
      expect(edited).toMatchObject({ pushed: 10, applied: 10 });
      counts.push([firstTrips, secondTrips, wb.stats.syncs]);
    }
    // A sync with nothing or a few rows to send: the same round trips whatever the row count.
    expect(counts[0].slice(1)).toEqual(counts[1].slice(1));
    expect(counts[0][2]).toBeLessThanOrEqual(4);
    // The first sync reads (where the tables are, then their rows), saves the outbox, writes what came
    // down and the snapshot: one more round trip per 4 MB batch.
    expect(counts[0][0]).toBe(4);
    expect(counts[1][0]).toBeLessThanOrEqual(6);
  }, 120_000);
});
