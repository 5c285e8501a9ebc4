/** Bad input never crashes and never writes: 4xx with a catalogue code, never 5xx, never partial. */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import type { FastifyInstance, InjectOptions } from "fastify";
import { createServer } from "../../src/server/app";
import { ERRORS } from "../../src/server/errors";
import { seedOrg, type Org } from "./support/org";
import { DIALECTS, openTestStore, type TestStore } from "./support/stores";

const good = (fields: Record<string, unknown> = { name: { value: "ok" } }) => ({
  mutationId: randomUUID(),
  table: "clients",
  rowId: randomUUID(),
  baseVersion: 0,
  fields,
});

describe.each(DIALECTS)("bad input on %s", (dialect) => {
  let t: TestStore;
  let app: FastifyInstance;
  let org: Org;

  beforeAll(async () => {
    t = await openTestStore(dialect);
    org = await seedOrg(t.store.db);
    app = await createServer({ db: t.store, rateLimit: false, bodyLimit: 1024 * 1024 });
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const counts = async () => {
    const [clients, log] = await Promise.all([
      t.store.db
        .selectFrom("clients" as "people")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow(),
      t.store.db
        .selectFrom("mutations")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow(),
    ]);
    return [clients.n, log.n];
  };

  const send = (opts: InjectOptions) =>
    app.inject({ ...opts, headers: { ...org.rep1.auth, ...(opts.headers ?? {}) } });
  const push = (payload: unknown) => send({ method: "POST", url: "/sync/push", payload: payload as object });

  const CASES: [
    string,
    () => Promise<{ statusCode: number; json: () => { error: { code: string } } }>,
    number,
    string,
  ][] = [
    [
      "malformed JSON",
      () =>
        send({
          method: "POST",
          url: "/sync/push",
          payload: '{"mutations": [',
          headers: { "content-type": "application/json" },
        }),
      400,
      "INVALID_JSON",
    ],
    [
      "empty JSON body",
      () =>
        send({
          method: "POST",
          url: "/sync/push",
          payload: "",
          headers: { "content-type": "application/json" },
        }),
      400,
      "INVALID_JSON",
    ],
    [
      "plain text",
      () =>
        send({
          method: "POST",
          url: "/sync/push",
          payload: "mutations=1",
          headers: { "content-type": "text/plain" },
        }),
      400,
      "VALIDATION",
    ],
    [
      "an unsupported media type",
      () =>
        send({
          method: "POST",
          url: "/sync/push",
          payload: "<x/>",
          headers: { "content-type": "application/xml" },
        }),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    ],
    [
      "a string where an integer goes",
      () => push({ mutations: [{ ...good(), baseVersion: "0" }] }),
      400,
      "VALIDATION",
    ],
    ["an unknown top-level field", () => push({ mutations: [], admin: true }), 400, "VALIDATION"],
    ["an unknown mutation field", () => push({ mutations: [{ ...good(), sneaky: 1 }] }), 400, "VALIDATION"],
    [
      "a row id that is not a UUID",
      () => push({ mutations: [{ ...good(), rowId: "1 OR 1=1" }] }),
      400,
      "VALIDATION",
    ],
    [
      "a table name injection",
      () => push({ mutations: [{ ...good(), table: "clients; drop table people" }] }),
      400,
      "UNKNOWN_TABLE",
    ],
    [
      "a field name injection",
      () => push({ mutations: [good({ "name = 'x' --": { value: "y" } })] }),
      400,
      "UNKNOWN_FIELD",
    ],
    [
      "a prototype key",
      () =>
        send({
          method: "POST",
          url: "/sync/push",
          payload: `{"mutations":[],"__proto__":{"x":1}}`,
          headers: { "content-type": "application/json" },
        }),
      400,
      "INVALID_JSON",
    ],
    [
      "a text where a number goes",
      () => push({ mutations: [good({ potential: { value: "beaucoup" } })] }),
      400,
      "BAD_FIELD_VALUE",
    ],
    [
      "an infinite number",
      () =>
        send({
          method: "POST",
          url: "/sync/push",
          payload: `{"mutations":[${JSON.stringify(good()).replace('"ok"', "1e400").replace('"name"', '"potential"')}]}`,
          headers: { "content-type": "application/json" },
        }),
      400,
      // 1e400 parses as Infinity: refused with the body, before the field checks.
      "VALIDATION",
    ],
    [
      "an integer too big for its column",
      () => push({ mutations: [good({ year: { value: 99_999_999_999 } })] }),
      400,
      "BAD_FIELD_VALUE",
    ],
    [
      "a bad date",
      () => push({ mutations: [{ ...good({ date: { value: "31/02/2026" } }), table: "contacts" }] }),
      400,
      "BAD_FIELD_VALUE",
    ],
    [
      "one mutation id twice",
      () => {
        const m = good();
        return push({ mutations: [m, m] });
      },
      400,
      "DUPLICATE_MUTATION",
    ],
    [
      "a huge body",
      () => push({ mutations: [good({ name: { value: "x".repeat(2 * 1024 * 1024) } })] }),
      413,
      "BODY_TOO_LARGE",
    ],
    ["pull since a negative sequence", () => send({ url: "/sync/pull?since=-1" }), 400, "VALIDATION"],
    ["pull since an injection", () => send({ url: "/sync/pull?since=1%20OR%201%3D1" }), 400, "VALIDATION"],
    [
      "pull with an unknown parameter",
      () => send({ url: "/sync/pull?since=0&table=people" }),
      400,
      "VALIDATION",
    ],
    ["a team view without a year", () => send({ url: `/teams/${org.rep1.id}/view` }), 400, "VALIDATION"],
    [
      "a team view as of a day that does not exist",
      () => send({ url: `/teams/${org.manager1.id}/view?year=2026&asOf=2026-02-30` }),
      400,
      "VALIDATION",
    ],
    [
      "a team view with a tolerance of 100 %",
      () => send({ url: `/teams/${org.manager1.id}/view?year=2026&tolerance=1` }),
      400,
      "VALIDATION",
    ],
    [
      "a team view of an injected id",
      () => send({ url: `/teams/${encodeURIComponent("x' or '1'='1")}/view?year=2026` }),
      403,
      "FORBIDDEN",
    ],
    ["an unknown route", () => send({ url: "/admin/dump" }), 404, "NOT_FOUND"],
  ];

  test.each(CASES)("%s: 4xx with its code, nothing written", async (_name, run, status, code) => {
    const before = await counts();
    const res = await run();
    expect([res.statusCode, res.json().error.code]).toEqual([status, code]);
    expect(await counts()).toEqual(before);
  });

  test("a bad mutation after good ones rolls the whole push back", async () => {
    const before = await counts();
    const res = await push({ mutations: [good(), good(), good({ potential: { value: "NaN" } })] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toMatchObject({ index: 2, field: "potential" });
    expect(await counts()).toEqual(before);
  });

  test("injection strings in values are stored verbatim", async () => {
    const evil = "Robert'); DROP TABLE clients; --";
    const m = good({ name: { value: evil }, city: { value: "' OR '1'='1" } });
    expect((await push({ mutations: [m] })).statusCode).toBe(200);
    const pulled = (await send({ url: "/sync/pull?since=0&limit=5000" })).json<{
      rows: { rowId: string; fields: Record<string, unknown> }[];
    }>();
    expect(pulled.rows.find((r) => r.rowId === m.rowId)?.fields).toMatchObject({
      name: evil,
      city: "' OR '1'='1",
    });
  });

  test("people: missing role, unknown role, duplicate name are 4xx", async () => {
    const add = (payload: object) =>
      app.inject({ method: "POST", url: "/people", headers: org.admin.auth, payload });
    expect((await add({ name: "x" })).json().error.code).toBe("VALIDATION");
    expect((await add({ name: "x", role: "king" })).json().error.code).toBe("VALIDATION");
    const dup = await add({ name: "rep1", role: "rep" });
    expect([dup.statusCode, dup.json().error.code]).toEqual([409, "CONFLICT"]);
    const boss = await add({ name: "y", role: "rep", reportsTo: "nobody" });
    expect([boss.statusCode, boss.json().error.code]).toEqual([400, "BAD_REQUEST"]);
  });

  test("every error code in the catalogue is a 4xx except the server's own", () => {
    for (const [code, [status]] of Object.entries(ERRORS)) {
      expect(status >= 500).toBe(code === "INTERNAL" || code === "NOT_READY" || code === "DB_UNAVAILABLE");
    }
  });

  test("random JSON bodies never cause a 5xx nor a write", async () => {
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          fc.record({
            mutations: fc.array(
              fc.record(
                {
                  mutationId: fc.uuid(),
                  table: fc.constantFrom("clients", "notes", "x"),
                  rowId: fc.uuid(),
                  baseVersion: fc.oneof(fc.integer(), fc.string()),
                  fields: fc.dictionary(fc.string(), fc.record({ value: fc.jsonValue() })),
                },
                { requiredKeys: [] },
              ),
              { maxLength: 3 },
            ),
          }),
        ),
        async (body) => {
          const res = await send({
            method: "POST",
            url: "/sync/push",
            payload: JSON.stringify(body),
            headers: { "content-type": "application/json" },
          });
          expect(res.statusCode).toBeLessThan(500);
          if (res.statusCode !== 200) expect(Object.keys(ERRORS)).toContain(res.json().error.code);
        },
      ),
      { numRuns: 150 },
    );
    // Valid random mutations may be applied (200); only failures must write nothing, checked above per case.
    const after = await counts();
    expect(after[0]).toBeGreaterThanOrEqual(before[0]);
  });
});
