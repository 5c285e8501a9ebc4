/**
 * With Entra ID on, the signing keys are fetched once and cached (jose's remote key set, with a
 * cooldown): RS256-shaped tokens, valid or forged, do not each trigger a download. Offline: the keys
 * are served by a local HTTP server that counts its requests.
 */
import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { createServer } from "../../src/server/app";
import { createPerson } from "../../src/server/people";
import { openTestStore, type TestStore } from "./support/stores";

const TENANT = "11111111-1111-1111-1111-111111111111";
const AUDIENCE = "api://cadence.example.com/abc";

describe("Entra ID key set cache", () => {
  let t: TestStore;
  let app: FastifyInstance;
  let keyServer: Server;
  let fetches = 0;
  let rs: Awaited<ReturnType<typeof generateKeyPair>>;
  let forger: Awaited<ReturnType<typeof generateKeyPair>>;

  beforeAll(async () => {
    t = await openTestStore("sqlite");
    rs = await generateKeyPair("RS256");
    forger = await generateKeyPair("RS256");
    const jwks = { keys: [{ ...(await exportJWK(rs.publicKey)), kid: "k1", alg: "RS256", use: "sig" }] };
    keyServer = createHttpServer((_req, res) => {
      fetches += 1;
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(jwks));
    });
    await new Promise<void>((resolve) => keyServer.listen(0, "127.0.0.1", resolve));
    const { port } = keyServer.address() as AddressInfo;
    await createPerson(t.store.db, { name: "Léa", role: "rep", entraOid: "oid-lea" });
    app = await createServer({
      db: t.store,
      rateLimit: false,
      authCacheMs: 0,
      entra: { audience: AUDIENCE, tenants: [TENANT], jwksUrl: `http://127.0.0.1:${port}/keys` },
    });
  });
  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => keyServer.close(resolve));
    await t.drop();
  });

  const sign = (kid: string, key: CryptoKey, n: number) =>
    new SignJWT({ tid: TENANT, oid: "oid-lea", n })
      .setProtectedHeader({ alg: "RS256", kid })
      .setIssuer(`https://login.microsoftonline.com/${TENANT}/v2.0`)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(key);

  test("23 valid tokens cost one download of the keys", async () => {
    for (let i = 0; i < 23; i++) {
      const res = await app.inject({
        url: "/me",
        headers: { authorization: `Bearer ${await sign("k1", rs.privateKey, i)}` },
      });
      expect(res.statusCode).toBe(200);
    }
    expect(fetches).toBe(1);
  });

  test("23 forged tokens naming unknown keys are refused without 23 downloads (cooldown)", async () => {
    const before = fetches;
    for (let i = 0; i < 23; i++) {
      const res = await app.inject({
        url: "/me",
        headers: { authorization: `Bearer ${await sign(`unknown-${i}`, forger.privateKey, i)}` },
      });
      expect(res.statusCode).toBe(401);
    }
    expect(fetches - before).toBeLessThanOrEqual(1);
  });
});
