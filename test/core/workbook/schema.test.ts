import fc from "fast-check";
import * as schema from "../../../src/core/workbook/schema";

describe("workbook schema", () => {
  it("column letters and cell parsing are inverse", () => {
    expect(schema.columnLetters(0)).toBe("A");
    expect(schema.columnLetters(25)).toBe("Z");
    expect(schema.columnLetters(26)).toBe("AA");
    expect(schema.columnLetters(16383)).toBe("XFD");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16383 }), fc.integer({ min: 1, max: 1_048_576 }), (col, row) => {
        expect(schema.parseCell(`${schema.columnLetters(col)}${row}`)).toEqual({ row, col });
      }),
    );
    expect(() => schema.parseCell("1A")).toThrow(RangeError);
  });

  it("schema rows round-trip: version, language and column ids per table", () => {
    const rows = schema.schemaRows("en", [{ table: "RepTable", columns: ["segment", "norm"] }]);
    const parsed = schema.parseSchemaRows(rows);
    expect(parsed.version).toBe(schema.SCHEMA_VERSION);
    expect(parsed.lang).toBe("en");
    expect(parsed.tables.get("Clients")).toEqual(schema.table("Clients").columns.map((c) => c.id));
    expect(parsed.tables.get("RepTable")).toEqual(["segment", "norm"]);
    expect(schema.parseSchemaRows([]).version).toBeNull();
  });

  it("column ids are unique per table and every header exists in both languages", () => {
    for (const t of schema.TABLES) {
      const ids = t.columns.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const lang of ["fr", "en"] as const) {
        const headers = t.columns.map((c) => schema.header(c, lang));
        expect(new Set(headers).size).toBe(headers.length);
        expect(headers.every((h) => h.length > 0)).toBe(true);
      }
    }
  });

  it("validation lists are localized", () => {
    expect(schema.listValues("segment", "fr")).toContain("Conquérir");
    expect(schema.listValues("status", "en")).toEqual(["Under", "On track", "Over"]);
    expect(schema.listValues("channel", "fr")).toEqual(["visit", "video", "call", "digital"]);
  });

  it("a new plan workbook's settings: the given year's period, every other default as it is", () => {
    const defaults = structuredClone(schema.SETTINGS);
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 9999 }), (year) => {
        const initial = schema.initialSettings(year);
        expect(initial.map((s) => s.name)).toEqual(schema.SETTINGS.map((s) => s.name));
        const value = (name: string): unknown => initial.find((s) => s.name === name)?.value;
        expect(value("Cadence_PeriodStart")).toBe(`${year}-01-01`);
        expect(value("Cadence_PeriodEnd")).toBe(`${year}-12-31`);
        expect(initial.slice(2)).toEqual(schema.SETTINGS.slice(2));
      }),
    );
    // The defaults themselves are left alone.
    expect(schema.SETTINGS).toEqual(defaults);
    for (const bad of [1899, 10_000, 2026.5, Number.NaN]) {
      expect(() => schema.initialSettings(bad)).toThrow(RangeError);
    }
  });
});
