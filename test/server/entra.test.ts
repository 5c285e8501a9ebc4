/** Microsoft Entra ID access tokens, verified offline against a locally generated key set. */
import type { FastifyInstance } from "fastify";
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTPayload } from "jose";
import { createServer } from "../../src/server/app";
import { createPerson } from "../../src/server/people";
import { DIALECTS, openTestStore, type TestStore } from "./support/stores";

const TENANT = "11111111-1111-1111-1111-111111111111";
const OTHER_TENANT = "22222222-2222-2222-2222-222222222222";
const AUDIENCE = "api://cadence.example.com/abc";

describe.each(DIALECTS)("Entra ID tokens on %s", (dialect) => {
  let t: TestStore;
  let app: FastifyInstance;
  let rs: Awaited<ReturnType<typeof generateKeyPair>>;
  let stranger: Awaited<ReturnType<typeof generateKeyPair>>;
  let personId: string;

  beforeAll(async () => {
    t = await openTestStore(dialect);
    rs = await generateKeyPair("RS256");
    stranger = await generateKeyPair("RS256");
    const jwk = { ...(await exportJWK(rs.publicKey)), kid: "k1", alg: "RS256" };
    const person = await createPerson(t.store.db, {
      name: "Léa",
      role: "rep",
      email: "lea@contoso.fr",
      entraOid: "oid-lea",
    });
    personId = person.id;
    await createPerson(t.store.db, { name: "Marc", role: "rep", email: "marc@contoso.fr" });
    app = await createServer({
      db: t.store,
      rateLimit: false,
      entra: { audience: AUDIENCE, tenants: [TENANT], keys: createLocalJWKSet({ keys: [jwk] }) },
    });
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const sign = (
    claims: JWTPayload,
    opts: { key?: CryptoKey; exp?: string; iss?: string; aud?: string; tid?: string } = {},
  ) =>
    new SignJWT({ tid: opts.tid ?? TENANT, ...claims })
      .setProtectedHeader({ alg: "RS256", kid: "k1" })
      .setIssuer(opts.iss ?? `https://login.microsoftonline.com/${TENANT}/v2.0`)
      .setAudience(opts.aud ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(opts.exp ?? "10m")
      .sign(opts.key ?? rs.privateKey);

  const me = (token: string) => app.inject({ url: "/me", headers: { authorization: `Bearer ${token}` } });

  test("a valid token signs in the person with that object id", async () => {
    const res = await me(await sign({ oid: "oid-lea" }));
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe(personId);
  });

  test("without a known object id, the e-mail matches", async () => {
    const res = await me(await sign({ oid: "oid-unknown", preferred_username: "Marc@Contoso.fr" }));
    expect(res.json().name).toBe("Marc");
  });

  test.each([
    ["wrong audience", { aud: "api://someone-else" }],
    ["wrong issuer", { iss: "https://evil.example.com/v2.0" }],
    [
      "tenant not allowed",
      { iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0`, tid: OTHER_TENANT },
    ],
    ["allowed issuer but another tenant id", { tid: OTHER_TENANT }],
    ["expired", { exp: "-5m" }],
  ] as const)("refused: %s", async (_name, opts) => {
    const res = await me(await sign({ oid: "oid-lea" }, opts));
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("UNAUTHENTICATED");
  });

  test("refused: signed by another key", async () => {
    expect((await me(await sign({ oid: "oid-lea" }, { key: stranger.privateKey }))).statusCode).toBe(401);
  });

  test("refused: HS256 (only RS256 is accepted)", async () => {
    const hs = await new SignJWT({ tid: TENANT, oid: "oid-lea" })
      .setProtectedHeader({ alg: "HS256", kid: "k1" })
      .setIssuer(`https://login.microsoftonline.com/${TENANT}/v2.0`)
      .setAudience(AUDIENCE)
      .setExpirationTime("10m")
      .sign(new TextEncoder().encode("a-shared-secret-of-sufficient-length!!"));
    expect((await me(hs)).statusCode).toBe(401);
  });

  test("refused: a valid token for nobody in the store", async () => {
    const res = await me(await sign({ oid: "oid-ghost", preferred_username: "ghost@contoso.fr" }));
    expect(res.statusCode).toBe(401);
    expect(res.json().error.details.reason).toMatch(/no person/);
  });
});
