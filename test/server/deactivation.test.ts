/**
 * `cadence users deactivate`: the person's tokens stop at once, Entra ID sign-ins are refused, their
 * rows and history stay readable by their managers, and the act is in the change log. Both databases.
 */
import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from "jose";
import type { Person, PullResponse, TeamView } from "../../src/contract";
import { main } from "../../src/cli/main";
import { createServer } from "../../src/server/app";
import { mutation, pushOk } from "./support/mutations";
import { seedOrg, type Org, type OrgName } from "./support/org";
import { DIALECTS, openTestStore, type TestStore } from "./support/stores";

const TENANT = "11111111-1111-1111-1111-111111111111";
const AUDIENCE = "api://cadence.example.com/abc";

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

describe.each(DIALECTS)("deactivation on %s", (dialect) => {
  let t: TestStore;
  let app: FastifyInstance;
  let org: Org;
  let signEntra: (oid: string) => Promise<string>;
  const clientId = randomUUID();

  beforeAll(async () => {
    t = await openTestStore(dialect);
    org = await seedOrg(t.store.db);
    const keys = await generateKeyPair("RS256");
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: "k1", alg: "RS256" };
    await t.store.db
      .updateTable("people")
      .set({ entra_oid: "oid-rep1" })
      .where("id", "=", org.rep1.id)
      .execute();
    signEntra = (oid) =>
      new SignJWT({ tid: TENANT, oid })
        .setProtectedHeader({ alg: "RS256", kid: "k1" })
        .setIssuer(`https://login.microsoftonline.com/${TENANT}/v2.0`)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime("10m")
        .sign(keys.privateKey);
    // No actor cache here, so each request checks the database (the default 5 s cache applies a
    // deactivation within 5 s, as for a revoked token).
    app = await createServer({
      db: t.store,
      rateLimit: false,
      authCacheMs: 0,
      entra: { audience: AUDIENCE, tenants: [TENANT], keys: createLocalJWKSet({ keys: [jwk] }) },
    });
    await pushOk(app, org.rep1.auth, [
      mutation("clients", clientId, 0, { name: "Kept", year: 2026, plannedWeighted: 4 }),
      mutation("contacts", randomUUID(), 0, { clientId, date: "2026-03-02", channel: "visit" }),
    ]);
    expect(
      (await app.inject({ url: "/me", headers: { authorization: `Bearer ${await signEntra("oid-rep1")}` } }))
        .statusCode,
    ).toBe(200);
    if (t.location.pgSchema !== undefined) process.env.CADENCE_PG_SCHEMA = t.location.pgSchema;
    const done = await cadence(
      "users",
      "deactivate",
      "rep1",
      "--db",
      t.location.databaseUrl ?? t.location.sqlitePath!,
    );
    delete process.env.CADENCE_PG_SCHEMA;
    expect(done).toMatchObject({ code: 0, out: expect.stringMatching(/Deactivated .*1 token/) });
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const REQUESTS: readonly [string, (who: OrgName) => Promise<{ statusCode: number }>][] = [
    ["GET /me", (who) => app.inject({ url: "/me", headers: org[who].auth })],
    ["GET /sync/pull", (who) => app.inject({ url: "/sync/pull?since=0", headers: org[who].auth })],
    [
      "POST /sync/push",
      (who) =>
        app.inject({
          method: "POST",
          url: "/sync/push",
          headers: org[who].auth,
          payload: { mutations: [mutation("clients", randomUUID(), 0, { name: "new" })] },
        }),
    ],
    [
      "POST /people/:id/tokens",
      (who) =>
        app.inject({
          method: "POST",
          url: `/people/${org[who].id}/tokens`,
          headers: org[who].auth,
          payload: {},
        }),
    ],
    ["GET /people", (who) => app.inject({ url: "/people", headers: org[who].auth })],
  ];
  const CASES = REQUESTS.flatMap(([name, run]) =>
    (["rep1", "rep2", "manager1"] as const).map((who) => [name, who, run] as const),
  );

  test.each(CASES)("%s as %s: 401 for the deactivated rep only", async (_name, who, run) => {
    const res = await run(who);
    if (who === "rep1") expect(res.statusCode).toBe(401);
    else expect(res.statusCode).toBeLessThan(300);
  });

  test("an Entra ID sign-in of the deactivated person is refused", async () => {
    const res = await app.inject({
      url: "/me",
      headers: { authorization: `Bearer ${await signEntra("oid-rep1")}` },
    });
    expect(res.statusCode).toBe(401);
  });

  test("their data and history stay: the manager pulls their rows and sees them in the team view", async () => {
    const pulled = (
      await app.inject({ url: "/sync/pull?since=0&limit=5000", headers: org.manager1.auth })
    ).json<PullResponse>();
    expect(pulled.rows.some((r) => r.rowId === clientId)).toBe(true);
    const view = (
      await app.inject({
        url: `/teams/${org.manager1.id}/view?year=2026&asOf=2026-06-30`,
        headers: org.manager1.auth,
      })
    ).json<TeamView>();
    expect(view.reps.find((r) => r.repId === org.rep1.id)).toMatchObject({ clients: 1, earned: 1, reach: 1 });
  });

  test("the admin sees who is deactivated, and the change log records it", async () => {
    const people = (await app.inject({ url: "/people", headers: org.admin.auth })).json<Person[]>();
    expect(people.find((p) => p.id === org.rep1.id)?.deactivatedAt).toEqual(expect.any(String));
    expect(people.find((p) => p.id === org.rep2.id)?.deactivatedAt).toBeUndefined();
    const logged = await t.store.db
      .selectFrom("change_log")
      .select(["result", "fields"])
      .where("result", "=", "person.deactivated")
      .execute();
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0]?.fields ?? "{}")).toEqual({ person: org.rep1.id, revokedTokens: 1 });
  });

  test("deactivating nobody exits 2 with a message", async () => {
    if (t.location.pgSchema !== undefined) process.env.CADENCE_PG_SCHEMA = t.location.pgSchema;
    const r = await cadence(
      "users",
      "deactivate",
      "Ghost",
      "--db",
      t.location.databaseUrl ?? t.location.sqlitePath!,
    );
    delete process.env.CADENCE_PG_SCHEMA;
    expect({ code: r.code, err: r.err }).toEqual({ code: 2, err: expect.stringMatching(/Ghost/) as unknown });
  });
});
