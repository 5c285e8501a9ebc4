/** `cadence migrate | users | tokens` against both databases, run in-process. */
import { main } from "../../src/cli/main";
import { findPerson } from "../../src/server/people";
import { hashToken } from "../../src/server/tokens";
import { DIALECTS, openTestStore, type TestStore } from "./support/stores";

async function cadence(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const o = jest.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true));
  const e = jest.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await main(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = undefined;
  }
}

describe.each(DIALECTS)("store commands on %s", (dialect) => {
  let t: TestStore;
  let db: string;

  beforeAll(async () => {
    t = await openTestStore(dialect);
    db = t.location.databaseUrl ?? t.location.sqlitePath!;
    if (t.location.pgSchema !== undefined) process.env.CADENCE_PG_SCHEMA = t.location.pgSchema;
  });
  afterAll(async () => {
    delete process.env.CADENCE_PG_SCHEMA;
    await t.drop();
  });

  test("migrate says it is up to date", async () => {
    const r = await cadence("migrate", "--db", db);
    expect(r).toMatchObject({ code: 0, out: expect.stringMatching(/up to date/) });
  });

  test("users add with a manager by name, then a token shown once and stored hashed", async () => {
    expect((await cadence("users", "add", "--name", "Claire", "--role", "manager", "--db", db)).code).toBe(0);
    const paul = await cadence(
      "users",
      "add",
      "--name",
      "Paul",
      "--role",
      "rep",
      "--reports-to",
      "Claire",
      "--email",
      "Paul@Example.fr",
      "--db",
      db,
    );
    expect(paul.code).toBe(0);
    const claire = await findPerson(t.store.db, "Claire");
    const stored = await findPerson(t.store.db, "Paul");
    expect(stored).toMatchObject({ reports_to: claire?.id, email: "paul@example.fr", role: "rep" });
    const token = await cadence("tokens", "create", "--user", "Paul", "--db", db);
    expect(token.code).toBe(0);
    expect(token.err).toMatch(/not shown again/);
    const secret = token.out.trim();
    const row = await t.store.db
      .selectFrom("tokens")
      .select(["hash", "person_id"])
      .where("hash", "=", hashToken(secret))
      .executeTakeFirst();
    expect(row?.person_id).toBe(stored?.id);
    expect(JSON.stringify(await t.store.db.selectFrom("tokens").selectAll().execute())).not.toContain(secret);
  });

  test.each([
    [["users", "add", "--name", "X", "--role", "king"], /--role/],
    [["users", "add", "--name", "Y", "--role", "rep", "--reports-to", "Nobody"], /--reports-to/],
    [["users", "add", "--name", "Claire", "--role", "rep"], /--name/],
    [["tokens", "create", "--user", "Ghost"], /--user/],
    [["tokens", "revoke", "no-such-id"], /No active token/],
  ])("bad input %j exits 2 with a message", async (args, message) => {
    const r = await cadence(...args, "--db", db);
    // One assertion on both, so a failure shows what the command printed.
    expect({ code: r.code, err: r.err }).toEqual({ code: 2, err: expect.stringMatching(message) as unknown });
  });
});
