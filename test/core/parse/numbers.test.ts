import fc from "fast-check";
import * as parse from "../../../src/core/parse";
import type { CellValue } from "../../../src/core/types";

const value = (cell: CellValue, decimalSeparator?: "," | "."): number | null => {
  const p = parse.parseNumber(cell, decimalSeparator ? { decimalSeparator } : {});
  return p.kind === "number" ? p.value : null;
};

describe("parseNumber", () => {
  it.each<[CellValue, number]>([
    [42, 42],
    [-3.5, -3.5],
    ["12 345,67 €", 12345.67],
    ["12\u202f345,67", 12345.67],
    ["12\u00a0345,67", 12345.67],
    ["1 234 567", 1234567],
    ["1'234.50", 1234.5],
    ["1’234’567", 1234567],
    ["1.234,5", 1234.5],
    ["1.234.567,89", 1234567.89],
    ["1,234.5", 1234.5],
    ["1,234,567", 1234567],
    ["$1,234", 1234],
    ["€ 12", 12],
    ["12 EUR", 12],
    ["(1 234)", -1234],
    ["-5", -5],
    ["\u22125", -5],
    ["+7", 7],
    ["12,5", 12.5],
    ["0,125", 0.125],
    ["0.5", 0.5],
    [".5", 0.5],
    ["1e3", 1000],
    ["  17  ", 17],
  ])("reads %p as %p", (cell, expected) => {
    expect(value(cell)).toBeCloseTo(expected, 9);
  });

  it("reads percentages as fractions", () => {
    expect(parse.parseNumber("12%")).toMatchObject({ kind: "number", value: 0.12, percent: true });
    expect(value("12,5 %")).toBeCloseTo(0.125, 12);
  });

  it("reads blanks as blank", () => {
    for (const cell of ["", "   ", null, undefined])
      expect(parse.parseNumber(cell)).toEqual({ kind: "blank" });
  });

  it("reports Excel errors by code", () => {
    for (const code of parse.EXCEL_ERRORS)
      expect(parse.parseNumber(code)).toEqual({ kind: "excelError", code });
    expect(parse.parseNumber(" #n/a ")).toEqual({ kind: "excelError", code: "#N/A" });
  });

  it("reports text, booleans and non-finite numbers as text", () => {
    for (const cell of [
      "n/a",
      "abc",
      "1 2",
      "12,34,5",
      "1.2.3,4,5",
      "--5",
      true,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      "5.",
      "1,2,3",
    ]) {
      expect(parse.parseNumber(cell).kind).toBe("text");
    }
  });

  describe("ambiguity rule: one separator followed by exactly three digits", () => {
    it("reads English by default: '1,234' = 1234, '1.234' = 1.234", () => {
      expect(parse.parseNumber("1,234")).toMatchObject({ value: 1234, ambiguous: true });
      expect(parse.parseNumber("1.234")).toMatchObject({ value: 1.234, ambiguous: true });
    });
    it("follows a decimal comma hint", () => {
      expect(value("1,234", ",")).toBeCloseTo(1.234, 12);
      expect(value("1.234", ",")).toBe(1234);
    });
    it("is not ambiguous with a leading zero, other digit counts or spaces", () => {
      expect(parse.parseNumber("0,234")).toMatchObject({ value: 0.234, ambiguous: false });
      expect(parse.parseNumber("1234,567")).toMatchObject({ value: 1234.567, ambiguous: false });
      expect(parse.parseNumber("1 234,567")).toMatchObject({ value: 1234.567, ambiguous: false });
    });
  });

  it("reads back any finite number, as a number or as its string", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(value(x)).toBe(x);
        const p = parse.parseNumber(String(x));
        if (p.kind === "number") expect(p.value).toBeCloseTo(x, 6);
      }),
    );
  });

  it("reads French-formatted integers and decimals", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 99 }), (n, cents) => {
        const grouped = n.toLocaleString("fr-FR").replace(/\s/g, "\u202f");
        const frac = String(cents).padStart(2, "0");
        expect(value(`${grouped},${frac} €`)).toBeCloseTo(n + cents / 100, 6);
        expect(value(n.toLocaleString("en-US") + `.${frac}`)).toBeCloseTo(n + cents / 100, 6);
      }),
    );
  });

  it("never throws", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[-+( ]?[\d .,\u00a0%€$]{0,12}\)?$/)), (s) => {
        expect(() => parse.parseNumber(s)).not.toThrow();
      }),
    );
  });
});
