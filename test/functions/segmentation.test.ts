/** SHARE, TREND, ABC and SEGMENT called as Excel calls them: 2-D ranges, blanks, text numbers, bad cells. */
import { excelErrorOf } from "./support/customFunctions";
import fc from "fast-check";
import * as fns from "../../src/functions/functions";
import { column } from "./support/ranges";
import { wholeColumnCache } from "../../src/functions/memo";

beforeEach(() => {
  wholeColumnCache.clear();
});

describe("SHARE and TREND", () => {
  test("work cell by cell on a column, blanks where the ratio is undefined", () => {
    expect(fns.share(column([50, "12 345,67", null, 10]), column([100, "24 691,34", 200, ""]))).toEqual([
      [0.5],
      [0.5],
      [""],
      [""],
    ]);
    expect(fns.trend([[90]], [[100]])[0]?.[0]).toBeCloseTo(-0.1);
    expect(fns.trend([[90]], [[0]])).toEqual([[""]]);
  });

  test("text that is no number is a #VALUE! naming the row and the field", () => {
    const e = excelErrorOf(() => fns.share(column([1, 2, 3]), column([10, 10, "n/a"])));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("row 3: potential is text 'n/a', not a number");
    expect(excelErrorOf(() => fns.trend([[true]], [[1]])).message).toContain("salesN is true");
    expect(excelErrorOf(() => fns.trend([["#N/A"]], [[1]])).message).toBe(
      "row 1: salesN holds the error #N/A",
    );
  });

  test("ranges of different sizes are a #VALUE!", () => {
    const e = excelErrorOf(() => fns.share(column([1, 2]), column([1, 2, 3])));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/same size/);
  });
});

describe("ABC", () => {
  const measures = column([50, 30, 10, 5, 3, 2]);

  test("the domain's worked example: A A B B C C", () => {
    expect(fns.abc(measures)).toEqual(column(["A", "A", "B", "B", "C", "C"]));
  });

  test("a row picked by id or by its own measure equals its spilled class", () => {
    const ids = column(["a", "b", "c", "d", "e", "f"]);
    expect(fns.abc(measures, "c", ids)).toEqual([["B"]]);
    expect(fns.abc(measures, 10)).toEqual([["B"]]);
    expect(fns.abc(measures, "d", ids, 0.5, 0.9)).toEqual([["C"]]);
  });

  test("blank measures are C; blank rows without ids are left blank", () => {
    expect(fns.abc(column([10, null, 0]), null, column(["x", "y", "z"]))).toEqual(column(["A", "C", "C"]));
    expect(fns.abc(column([10, "", 5]))).toEqual(column(["A", "", "A"]));
    expect(fns.abc(column([100, "", 5]))).toEqual(column(["A", "", "C"]));
  });

  test("an unknown id is #N/A; impossible thresholds are #VALUE!; a repeated id is #VALUE!", () => {
    expect(excelErrorOf(() => fns.abc(measures, "zz", column(["a", "b", "c", "d", "e", "f"]))).code).toBe(
      "#N/A",
    );
    expect(excelErrorOf(() => fns.abc(measures, null, undefined, 0.9, 0.5)).code).toBe("#VALUE!");
    const dup = excelErrorOf(() => fns.abc(column([1, 2]), null, column(["a", "a"])));
    expect(dup.code).toBe("#VALUE!");
    expect(dup.message).toBe("row 2: id 'a' appears twice (first at row 1)");
  });

  test("property: every per-row call equals the matching element of the spill", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: -5, max: 1000 }), { nil: null }), {
          minLength: 1,
          maxLength: 40,
        }),
        (values) => {
          const ids = column(values.map((_, i) => `id${i}`));
          const spilled = fns.abc(column(values), null, ids);
          values.forEach((_, i) => {
            expect(fns.abc(column(values), `id${i}`, ids)).toEqual([spilled[i]]);
          });
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe("SEGMENT", () => {
  const salesN = column([0, 80, 500, 100, 40, 10]);
  const salesN1 = column([0, 100, 480, 90, 40, 10]);
  const potential = column(["", 1000, 600, 2000, 100, 50]);
  const ids = column(["P1", "R1", "K1", "D1", "M1", "M2"]);

  test("strategic segments in English, French or ids", () => {
    expect(fns.segment(salesN, salesN1, potential, null, ids)).toEqual(
      column(["Prospect", "At risk", "Retain", "Develop", "Maintain", "Maintain"]),
    );
    expect(fns.segment(salesN, salesN1, potential, null, ids, "fr")).toEqual(
      column(["Conquérir", "Érosion", "Fidéliser", "Développer", "Entretenir", "Entretenir"]),
    );
    expect(fns.segment(salesN, salesN1, potential, "D1", ids, "id")).toEqual([["develop"]]);
    expect(fns.segment(salesN, salesN1, potential, 3, undefined, "id")).toEqual([["retain"]]);
  });

  test("per-row calls equal the spill", () => {
    const spilled = fns.segment(salesN, salesN1, potential, null, ids);
    ids.forEach((row, i) => {
      expect(fns.segment(salesN, salesN1, potential, row[0], ids)).toEqual([spilled[i]]);
    });
  });

  test("property: per-row calls by row number equal the spill on random portfolios", () => {
    const amount = fc.option(fc.integer({ min: 0, max: 500 }), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.tuple(amount, amount, amount), { minLength: 1, maxLength: 25 }), (rows) => {
        const n = column(rows.map((r) => r[0]));
        const n1 = column(rows.map((r) => r[1]));
        const pot = column(rows.map((r) => r[2]));
        const spilled = fns.segment(n, n1, pot, null, undefined, "id");
        rows.forEach((_, i) => {
          expect(fns.segment(n, n1, pot, i + 1, undefined, "id")).toEqual([spilled[i]]);
        });
      }),
      { numRuns: 40 },
    );
  });

  test("a bad language is #VALUE!; a row number out of range is #N/A", () => {
    expect(excelErrorOf(() => fns.segment(salesN, salesN1, potential, null, ids, "de")).code).toBe("#VALUE!");
    expect(excelErrorOf(() => fns.segment(salesN, salesN1, potential, 99)).code).toBe("#N/A");
  });
});
