/**
 * Group commit's order (src/server/changes/groupCommit.ts), on both databases: large pushes run
 * alone and a small one waits for at most one of them; small ones cannot starve a large one.
 */
import { setTimeout as delay } from "node:timers/promises";
import { GroupCommit, GROUP_COMMIT_ROWS } from "../../src/server/changes/groupCommit";
import { DIALECTS, openTestStore, type TestStore } from "./support/stores";

describe.each(DIALECTS)("group commit order on %s", (dialect) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(dialect);
  });
  afterAll(async () => {
    await t.drop();
  });

  test("four large pushes queued, then a small one: it runs right after the first large one", async () => {
    const group = new GroupCommit(t.store.db);
    const order: string[] = [];
    const transactions = new Map<string, number>();
    let batch = 0;
    const job = (name: string) => async () => {
      order.push(name);
      transactions.set(name, batch);
      await delay(20);
      return name;
    };
    const smallDone: Promise<string>[] = [];
    const large = [1, 2, 3, 4].map((i) =>
      group.run(async () => {
        batch += 1;
        // The small push arrives while the first large one holds the transaction.
        if (i === 1) smallDone.push(group.run(job("small"), 1));
        return job(`large${i}`)();
      }, 5000),
    );
    await Promise.all([...large, ...smallDone]);
    expect(order).toEqual(["large1", "small", "large2", "large3", "large4"]);
    // Each large push had its own transaction.
    expect(new Set(["large1", "large2", "large3", "large4"].map((n) => transactions.get(n))).size).toBe(4);
  });

  test("small pushes arriving all the time do not starve a large one", async () => {
    const group = new GroupCommit(t.store.db);
    const done: string[] = [];
    const state = { stop: false };
    const record = (name: string) => () => Promise.resolve(done.push(name));
    const smalls = (async () => {
      while (!state.stop) await Promise.all([1, 2, 3].map(() => group.run(record("small"), 1)));
    })();
    await delay(30);
    await group.run(record("large"), GROUP_COMMIT_ROWS * 5);
    const before = done.indexOf("large");
    state.stop = true;
    await smalls;
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(done.length);
  });
});
