import fc from "fast-check";
import {
  checkField,
  checkFieldValue,
  isCalendarDate,
  isSyncTable,
  SYNC_TABLES,
  SYNC_TABLE_NAMES,
  type FieldKind,
} from "../../src/contract";
import { canonicalJson, columnOf, decode, encode } from "../../src/server/db/columns";
import { DIALECTS, openTestStore } from "../server/support/stores";

const KINDS: readonly FieldKind[] = ["string", "number", "integer", "boolean", "date", "json"];

test("table names are checked without prototype surprises", () => {
  expect(isSyncTable("clients")).toBe(true);
  expect(isSyncTable("toString")).toBe(false);
  expect(isSyncTable("__proto__")).toBe(false);
});

test("null fits every kind; wrong types are named", () => {
  for (const kind of KINDS) expect(checkFieldValue(kind, null)).toBeNull();
  expect(checkFieldValue("integer", 1.5)).toMatch(/integer/);
  expect(checkFieldValue("integer", 2 ** 31)).toMatch(/32-bit/);
  // The 32-bit range is asymmetric: −2^31 fits, −2^31 − 1 does not.
  expect(checkFieldValue("integer", -(2 ** 31))).toBeNull();
  expect(checkFieldValue("integer", -(2 ** 31) - 1)).toMatch(/32-bit/);
  expect(checkFieldValue("number", Number.NaN)).toMatch(/finite/);
  expect(checkFieldValue("date", "2026-13-45")).toMatch(/date/);
  expect(checkFieldValue("boolean", "true")).toMatch(/true or false/);
  expect(checkFieldValue("json", "text")).toMatch(/JSON/);
});

test("dates are real calendar days", () => {
  for (const ok of ["2026-01-01", "2024-02-29", "2000-02-29", "2026-12-31"]) {
    expect(isCalendarDate(ok)).toBe(true);
    expect(checkFieldValue("date", ok)).toBeNull();
  }
  for (const bad of [
    "2026-02-29",
    "1900-02-29",
    "2026-02-30",
    "2026-04-31",
    "2026-13-01",
    "2026-00-10",
    "2026-1-1",
    "2026-01-01T00:00",
  ]) {
    expect(isCalendarDate(bad)).toBe(false);
    expect(checkFieldValue("date", bad)).toMatch(/calendar date/);
  }
});

test("every accepted value survives the database codec unchanged", () => {
  const arbitraries: Record<FieldKind, fc.Arbitrary<unknown>> = {
    string: fc.string({ maxLength: 50 }),
    number: fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
    integer: fc.integer(),
    boolean: fc.boolean(),
    date: fc
      .date({ min: new Date("1990-01-01"), max: new Date("2100-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    // Numbers inside documents are bounded (±1e12): the generated ones are brought within.
    json: fc
      .oneof(fc.dictionary(fc.string(), fc.jsonValue()), fc.array(fc.jsonValue()))
      .map(
        (doc) =>
          JSON.parse(JSON.stringify(doc), (_k, v: unknown) =>
            typeof v === "number" ? v % 1e12 : v,
          ) as unknown,
      ),
  };
  for (const kind of KINDS) {
    fc.assert(
      fc.property(arbitraries[kind], (value) => {
        expect(checkFieldValue(kind, value)).toBeNull();
        expect(canonicalJson(decode(kind, encode(kind, value)))).toBe(canonicalJson(value));
      }),
      { numRuns: 100 },
    );
  }
});

describe.each(DIALECTS)("migrations match the contract on %s", (dialect) => {
  test("every synced table has a column for every contract field", async () => {
    const t = await openTestStore(dialect);
    try {
      for (const table of SYNC_TABLE_NAMES) {
        const meta = (await t.store.db.introspection.getTables()).find(
          (x) => x.name === table && (t.store.schema === null || x.schema === t.store.schema),
        );
        const columns = new Set(meta?.columns.map((c) => c.name));
        for (const field of Object.keys(SYNC_TABLES[table].fields))
          expect([table, field, columns.has(columnOf(field))]).toEqual([table, field, true]);
      }
    } finally {
      await t.drop();
    }
  });
});

test("documents, text and numbers beyond plausible bounds are refused, naming why", () => {
  expect(checkFieldValue("json", { weighted: 1.7e308 })).toMatch(/±/);
  expect(checkFieldValue("json", { weighted: 1e12 })).toBeNull();
  const deep = JSON.parse("[".repeat(33) + "]".repeat(33)) as unknown;
  expect(checkFieldValue("json", deep)).toMatch(/nest/);
  expect(checkFieldValue("json", JSON.parse("[".repeat(32) + "]".repeat(32)) as unknown)).toBeNull();
  // 10,000 levels: walked without recursion, no stack overflow.
  expect(checkFieldValue("json", JSON.parse("[".repeat(10_000) + "]".repeat(10_000)) as unknown)).toMatch(
    /nest/,
  );
  expect(checkFieldValue("string", "a\uD800b")).toMatch(/Unicode/);
  expect(checkFieldValue("string", "a\uDC00")).toMatch(/Unicode/);
  expect(checkFieldValue("string", "emoji \uD83D\uDE00 ok")).toBeNull();
  expect(checkFieldValue("json", { ["k\uD800"]: 1 })).toMatch(/Unicode/);
  expect(checkField("clients", "plannedWeighted", "number", 1.7e308)).toMatch(/0 to 10000/);
  expect(checkField("clients", "plannedWeighted", "number", 10_000)).toBeNull();
  expect(checkField("contacts", "weight", "number", -1)).toMatch(/0 to 100/);
  expect(checkField("clients", "name", "string", "1.7e308")).toBeNull();
  expect(checkField("clients", "plannedWeighted", "number", null)).toBeNull();
});
