/** ALLOCATE and RESPONSE as Excel calls them, with the domain's worked examples and invariants. */
import { excelErrorOf } from "./support/customFunctions";
import fc from "fast-check";
import * as allocation from "../../src/core/allocation";
import * as fns from "../../src/functions/functions";
import { wholeColumnCache } from "../../src/functions/memo";
import { column } from "./support/ranges";

beforeEach(() => {
  wholeColumnCache.clear();
});

const SEGMENTS = ["Fidéliser", "Développer", "Érosion", "Entretenir", "Conquérir"];
const VISIT_NORMS: Record<string, number> = {
  Fidéliser: 10,
  Développer: 12,
  Érosion: 8,
  Entretenir: 3,
  Conquérir: 2,
};

describe("ALLOCATE", () => {
  const segments = column(["retain", "Retain", "At risk", "Entretenir"]);
  const ids = column(["a", "b", "c", "d"]);

  test("the domain's norms scaling example: a 7, b 6, c 5, d 2", () => {
    expect(fns.allocate(segments, 20, null, ids)).toEqual(column([7, 6, 5, 2]));
    expect(fns.allocate(segments, "20", "a", ids)).toEqual([[7]]);
    expect(fns.allocate(segments, 20, "d", ids)).toEqual([[2]]);
  });

  test("below the norms' total the norms stand; 'fill' gives the spare in proportion to potential", () => {
    expect(fns.allocate(segments, 100, null, ids)).toEqual(column([10, 10, 8, 3]));
    const filled = fns.allocate(
      segments,
      41,
      null,
      ids,
      column([100, 100, 0, 200]),
      undefined,
      undefined,
      "fill",
    );
    expect(filled).toEqual(column([13, 12, 8, 8]));
  });

  test("minimums and maximums are respected", () => {
    const out = fns.allocate(
      segments,
      20,
      null,
      ids,
      undefined,
      column([null, null, null, 5]),
      column([4, null, "", null]),
    );
    expect(out[0]?.[0]).toBe(4);
    expect(out[3]?.[0]).toBeGreaterThanOrEqual(5);
    expect(out.reduce((s, r) => s + Number(r[0]), 0)).toBe(20);
  });

  test("rows with a blank id are left blank; without ids, which is a row number", () => {
    const withBlank = fns.allocate(column(["retain", "", "retain"]), 10, null, column(["a", "", "b"]));
    expect(withBlank).toEqual(column([5, "", 5]));
    expect(fns.allocate(segments, 20, 4)).toEqual([[2]]);
  });

  test("impossible numbers are #VALUE! with the numbers; unknown segments #N/A; bad cells #VALUE!", () => {
    const negative = excelErrorOf(() => fns.allocate(segments, -5, null, ids));
    expect(negative.code).toBe("#VALUE!");
    expect(negative.message).toBe("capacity is -5; it must be a whole number ≥ 0");
    expect(excelErrorOf(() => fns.allocate(segments, 10.5, null, ids)).code).toBe("#VALUE!");
    const infeasible = excelErrorOf(() =>
      fns.allocate(segments, 10, null, ids, undefined, column([4, 4, 4, 0])),
    );
    expect(infeasible.code).toBe("#VALUE!");
    expect(infeasible.message).toContain("minimums add up to 12");
    const crossed = excelErrorOf(() =>
      fns.allocate(segments, 10, null, ids, undefined, column([5, 0, 0, 0]), column([2, null, null, null])),
    );
    expect(crossed.code).toBe("#VALUE!");
    expect(excelErrorOf(() => fns.allocate(column(["Gold"]), 10)).code).toBe("#N/A");
    const blank = excelErrorOf(() => fns.allocate(column(["retain", ""]), 10, null, column(["a", "b"])));
    expect(blank).toEqual({ code: "#VALUE!", message: "row 2: the segment is blank" });
    expect(excelErrorOf(() => fns.allocate(segments, "lots", null, ids)).message).toBe(
      "row 1: capacity is text 'lots', not a number",
    );
    expect(excelErrorOf(() => fns.allocate(segments, 20, "zz", ids)).code).toBe("#N/A");
    expect(
      excelErrorOf(() => fns.allocate(segments, 20, null, ids, undefined, undefined, undefined, "magic"))
        .code,
    ).toBe("#VALUE!");
  });

  test("a failing allocation is computed once for all the rows that ask for it", () => {
    const mins = column([4, 4, 4, 0]);
    for (const id of ["a", "b", "c", "d"]) {
      expect(excelErrorOf(() => fns.allocate(segments, 10, id, ids, undefined, mins)).code).toBe("#VALUE!");
    }
    expect(wholeColumnCache.misses).toBe(1);
    expect(wholeColumnCache.hits).toBe(3);
  });

  test("messages follow Excel's display language", () => {
    const office = globalThis as { Office?: unknown };
    office.Office = { context: { displayLanguage: "fr-FR" } };
    try {
      const e = excelErrorOf(() => fns.allocate(segments, 10, null, ids, undefined, column([4, 4, 4, 0])));
      expect(e.message).toContain("Impossible de répartir 10 contacts");
      expect(
        excelErrorOf(() => fns.allocate(column(["retain", ""]), 10, null, column(["a", "b"]))).message,
      ).toBe("ligne 2 : le segment est vide");
    } finally {
      delete office.Office;
    }
  });

  test("property: integers that sum to the capacity (or the norms), and per-row calls equal the spill", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 400 }),
        (segs, capacity) => {
          const idCol = column(segs.map((_, i) => `c${i}`));
          const spilled = fns.allocate(column(segs), capacity, null, idCol);
          const units = spilled.map((r) => Number(r[0]));
          const demand = segs.reduce((s, x) => s + (VISIT_NORMS[x] ?? 0), 0);
          expect(units.every((u) => Number.isInteger(u) && u >= 0)).toBe(true);
          expect(units.reduce((a, b) => a + b, 0)).toBe(Math.min(capacity, demand));
          segs.forEach((_, i) => {
            expect(fns.allocate(column(segs), capacity, `c${i}`, idCol)).toEqual([spilled[i]]);
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  test("per-row calls with fresh copies of the same columns compute the allocation once", () => {
    const n = 200;
    const segs = Array.from({ length: n }, (_, i) => SEGMENTS[i % SEGMENTS.length] ?? "");
    const idList = segs.map((_, i) => `id${i}`);
    for (let i = 0; i < n; i++) fns.allocate(column(segs), 900, idList[i], column(idList));
    expect(wholeColumnCache.misses).toBe(1);
    expect(wholeColumnCache.hits).toBe(n - 1);
    fns.allocate(column(segs), 901, idList[0], column(idList));
    expect(wholeColumnCache.misses).toBe(2);
  });
});

describe("ALLOCATE optimized", () => {
  const segs = column(["Fidéliser", "Développer", "Développer", "Érosion", "Conquérir", "Entretenir"]);
  const ids = column(["a", "b", "c", "d", "e", "f"]);
  const potential = column([1000, 5000, 800, 2000, 3000, null]);
  const salesN = column([900, 1000, 200, 1500, 0, 400]);

  test("uses exactly the capacity, equals the core's allocation, and per-row calls equal the spill", () => {
    const spilled = fns.allocate(
      segs,
      40,
      null,
      ids,
      potential,
      undefined,
      undefined,
      "optimized",
      undefined,
      undefined,
      salesN,
    );
    expect(spilled.reduce((s, r) => s + Number(r[0]), 0)).toBe(40);
    const core = allocation.allocateOptimized({
      capacity: 40,
      clients: [
        { id: "a", value: 1000, reference: 10, response: allocation.DEFAULT_RESPONSE_BY_SEGMENT.retain },
        { id: "b", value: 5000, reference: 12, response: allocation.DEFAULT_RESPONSE_BY_SEGMENT.develop },
        { id: "c", value: 800, reference: 12, response: allocation.DEFAULT_RESPONSE_BY_SEGMENT.develop },
        { id: "d", value: 2000, reference: 8, response: allocation.DEFAULT_RESPONSE_BY_SEGMENT.atRisk },
        { id: "e", value: 3000, reference: 2, response: allocation.DEFAULT_RESPONSE_BY_SEGMENT.prospect },
        { id: "f", value: 400, reference: 3, response: allocation.DEFAULT_RESPONSE_BY_SEGMENT.maintain },
      ],
    });
    expect(spilled).toEqual(core.allocations.map((x) => [x.units]));
    ids.forEach((row, i) => {
      expect(
        fns.allocate(
          segs,
          40,
          row[0],
          ids,
          potential,
          undefined,
          undefined,
          "optimisé",
          undefined,
          undefined,
          salesN,
        ),
      ).toEqual([spilled[i]]);
    });
  });

  test("more potential never means fewer contacts within a segment", () => {
    const out = fns.allocate(
      column(["develop", "develop", "develop"]),
      30,
      null,
      column(["x", "y", "z"]),
      column([100, 400, 900]),
      undefined,
      undefined,
      "optimized",
    );
    const units = out.map((r) => Number(r[0]));
    expect(units[0]).toBeLessThanOrEqual(units[1] ?? 0);
    expect(units[1]).toBeLessThanOrEqual(units[2] ?? 0);
  });

  test("an infeasible maximum is #VALUE!", () => {
    const e = excelErrorOf(() =>
      fns.allocate(segs, 40, null, ids, potential, undefined, column([1, 1, 1, 1, 1, 1]), "optimized"),
    );
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("maximums allow only 6");
  });
});

describe("RESPONSE", () => {
  test("the domain's calibration: 1 at the reference effort, b with no contact", () => {
    expect(fns.response([[12]], [[12]])[0]?.[0]).toBeCloseTo(1, 12);
    expect(fns.response([[0]], [[12]], 0.6, 1.2, 0.8)).toEqual([[0.6]]);
    expect(fns.response(column([6, null]), [[12]])).toEqual([[expect.any(Number)], [""]]);
  });

  test("property: concave responses rise with effort and stay below the saturation", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 1, max: 20 }),
        fc.double({ min: 0, max: 0.95, noNaN: true }),
        fc.double({ min: 1.05, max: 3, noNaN: true }),
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        (x, x0, b, a, c) => {
          const [[r1], [r2]] = fns.response(column([x, x + 1]), [[x0]], b, a, c) as number[][];
          expect(r2).toBeGreaterThan(r1);
          expect(r2).toBeLessThan(a);
        },
      ),
    );
  });

  test("impossible parameters and references are #VALUE!", () => {
    expect(excelErrorOf(() => fns.response([[1]], [[1]], 1.2, 1.1)).code).toBe("#VALUE!");
    expect(excelErrorOf(() => fns.response([[-1]], [[1]])).code).toBe("#VALUE!");
    expect(excelErrorOf(() => fns.response([[1]], [[1]], undefined, undefined, undefined, "Gold")).code).toBe(
      "#N/A",
    );
  });

  test("without a reference the response is flat at 1; a segment brings its default curve", () => {
    expect(fns.response(column([0, 5]), [[0]])).toEqual(column([1, 1]));
    // Prospects keep nothing without contact (b = 0 in the core's defaults).
    expect(fns.response([[0]], [[2]], undefined, undefined, undefined, "Conquérir")).toEqual([[0]]);
    expect(fns.response([[0]], [[2]], 0.3, undefined, undefined, "Prospect")).toEqual([[0.3]]);
  });
});
