/** `cadence demo-org` (run by `npm start`): a manager and two reps on a new store, their tokens work; once only. */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createServer } from "../../src/server/app";
import { openMigrated } from "../../src/server/db/connect";
import { cadence } from "../support/cli";

test("a demo organisation on a new store, tokens that sign in, and nothing on a second run", async () => {
  const db = path.join(mkdtempSync(path.join(os.tmpdir(), "cadence-demo-")), "cadence.db");
  const first = await cadence("demo-org", "--db", db);
  expect(first.code).toBe(0);
  const tokens = [...first.out.matchAll(/^ {2}(.+) \((\w+)\): (\S+)$/gm)].map((m) => ({
    name: m[1],
    role: m[2],
    token: m[3],
  }));
  expect(tokens.map((t) => [t.name, t.role])).toEqual([
    ["Claire Martin", "manager"],
    ["Paul Durand", "rep"],
    ["Léa Bernard", "rep"],
  ]);
  const second = await cadence("demo-org", "--db", db);
  expect(second.out).toMatch(/already has people/);
  const store = await openMigrated({ sqlitePath: db });
  const app = await createServer({ db: store, rateLimit: false });
  try {
    const me = await app.inject({
      method: "GET",
      url: "/me",
      headers: { authorization: `Bearer ${tokens[1].token}` },
    });
    expect(me.json()).toMatchObject({ name: "Paul Durand", role: "rep" });
  } finally {
    await app.close();
    await store.close();
  }
});
