/** Argument reading, the memo key and cache, and the mapping of core errors to Excel errors. */
import { CustomFunctionsError, excelErrorOf } from "./support/customFunctions";
import fc from "fast-check";
import * as allocation from "../../src/core/allocation";
import * as calendar from "../../src/core/calendar";
import * as norms from "../../src/core/norms";
import * as args from "../../src/functions/args";
import { FunctionInputError, toExcelError } from "../../src/functions/excelErrors";
import * as fns from "../../src/functions/functions";
import { contentKey, keyOf, LruCache } from "../../src/functions/memo";
import { column } from "./support/ranges";

describe("reading cells", () => {
  test("numbers written as text, French or English, with currency and percent", () => {
    expect(args.numbers(column(["12 345,67 €", "1,5", 3, "", null, "20 %", "(1 000)"]), "x")).toEqual([
      12345.67,
      1.5,
      3,
      null,
      null,
      0.2,
      -1000,
    ]);
  });

  test("a column's decimal comma decides how an ambiguous '1,234' is read", () => {
    expect(args.numbers(column(["1,234"]), "x")).toEqual([1234]);
    expect(args.numbers(column(["1,234", "12,5"]), "x")).toEqual([1.234, 12.5]);
  });

  test("text, booleans and Excel errors are #VALUE! naming the cell (row, and column in a block)", () => {
    expect(() => args.numbers([[1, "abc"]], "counts")).toThrow(
      "row 1, column 2: counts is text 'abc', not a number",
    );
    const e = excelErrorOf(() => fns.share([[1], [2]], [[1], [false]]));
    expect(e).toEqual({ code: "#VALUE!", message: "row 2: potential is false, not a number" });
  });

  test("an error value passed as an object names its code", () => {
    const errorCell = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable) as unknown as string;
    expect(excelErrorOf(() => fns.trend(column([1, errorCell]), column([1, 1]))).message).toBe(
      "row 2: salesN holds the error #N/A",
    );
  });

  test("booleans, dates and options as reps type them", () => {
    expect(args.scalarBoolean("oui", "x", false)).toBe(true);
    expect(args.scalarBoolean(null, "x", true)).toBe(true);
    expect(() => args.scalarBoolean("peut-être", "x", true)).toThrow(FunctionInputError);
    expect(args.date(46023, "d")).toBe("2026-01-01");
    expect(args.date("05/03/2026", "d")).toBe("2026-03-05");
    expect(args.date("", "d")).toBeNull();
    expect(args.scalarText(null, "visit")).toBe("visit");
  });

  test("reshape lays flat results back into the range's shape", () => {
    expect(args.reshape([1, 2, 3, 4, 5, 6], 2, 3)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });
});

describe("memo key", () => {
  const cell = fc.oneof(
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.string({ maxLength: 6 }),
    fc.boolean(),
    fc.constant(null),
  );
  const matrix = fc.array(fc.array(cell, { minLength: 1, maxLength: 1 }), { minLength: 1, maxLength: 12 });

  test("property: equal contents give equal keys, whatever the array objects", () => {
    fc.assert(
      fc.property(matrix, (m) => {
        const copy = m.map((r) => [...r]);
        expect(contentKey("F", [m, 3])).toBe(contentKey("F", [copy, 3]));
      }),
    );
  });

  test("property: changing one cell changes the key", () => {
    fc.assert(
      fc.property(matrix, fc.nat(), cell, (m, at, value) => {
        const i = at % m.length;
        fc.pre(!Object.is(m[i]?.[0], value) && !(m[i]?.[0] === 0 && value === 0));
        const changed = m.map((r, k) => (k === i ? [value] : [...r]));
        expect(contentKey("F", [changed])).not.toBe(contentKey("F", [m]));
      }),
    );
  });

  test("types, shapes, argument order and function names are part of the key", () => {
    expect(contentKey("F", [[[1]]])).not.toBe(contentKey("F", [[["1"]]]));
    expect(contentKey("F", [[[1, 2]]])).not.toBe(contentKey("F", [[[1], [2]]]));
    expect(contentKey("F", [[[1]], [[2]]])).not.toBe(contentKey("F", [[[2]], [[1]]]));
    expect(contentKey("F", [[[1]]])).not.toBe(contentKey("G", [[[1]]]));
    expect(contentKey("F", [null])).not.toBe(contentKey("F", [""]));
  });

  test("the same array objects reuse their key; new contents get a new one", () => {
    const m = column(["a", "b"]);
    expect(keyOf("F", [m, 1])).toBe(contentKey("F", [m, 1]));
    expect(keyOf("F", [m, 1])).toBe(keyOf("F", [m, 1]));
    expect(keyOf("F", [m, 2])).toBe(contentKey("F", [m, 2]));
  });
});

describe("LRU cache", () => {
  test("keeps at most its capacity, evicting the least recently used", () => {
    const cache = new LruCache<number>(2);
    let computed = 0;
    const get = (k: string): number => cache.getOrCompute(k, () => ++computed);
    get("a");
    get("b");
    get("a");
    get("c");
    expect(cache.size).toBe(2);
    expect(get("a")).toBe(1);
    expect(get("b")).toBe(4);
    expect(computed).toBe(4);
  });
});

describe("Excel errors", () => {
  test("the stand-in is as strict as Excel: a message on #NUM! would be lost, so it is refused", () => {
    expect(() => new CustomFunctionsError("#NUM!", "capacity is -1")).toThrow(/no message on #NUM!/);
    expect(new CustomFunctionsError("#VALUE!", "capacity is -1").message).toBe("capacity is -1");
  });

  test("core errors map to #N/A or #VALUE! (the errors Excel shows a message on), in English or French", () => {
    expect(toExcelError(new norms.UnknownSegmentError("Gold", ["retain"]), "en")).toMatchObject({
      code: "#N/A",
    });
    expect(toExcelError(new norms.UnknownChannelError("fax", ["visit"]), "en")).toMatchObject({
      code: "#N/A",
    });
    expect(toExcelError(new calendar.UnknownCalendarError("XX", null), "fr")).toMatchObject({
      code: "#N/A",
      message: "Calendrier inconnu : aucun jour férié connu pour le pays « XX ».",
    });
    const infeasible = new allocation.InfeasibleAllocationError(10, 12, 20);
    expect(toExcelError(infeasible, "en")).toMatchObject({ code: "#VALUE!", message: infeasible.message });
    expect(toExcelError(infeasible, "fr")).toMatchObject({
      code: "#VALUE!",
      message:
        "Impossible de répartir 10 contacts : les minimums des clients totalisent 12 (les maximums permettent 20).",
    });
    expect(toExcelError(new calendar.InvalidDateError("x", "start"), "en")).toMatchObject({
      code: "#VALUE!",
    });
    expect(toExcelError("boom", "en")).toMatchObject({ code: "#VALUE!", message: "boom" });
    expect(toExcelError(new norms.UnknownSegmentError("Or", ["retain", "develop"]), "fr")).toMatchObject({
      code: "#N/A",
      message: "Segment inconnu « Or » (connus : retain, develop)",
    });
    expect(toExcelError(new norms.UnknownChannelError("fax", ["visit"]), "fr").message).toBe(
      "Canal inconnu « fax » (connus : visit)",
    );
  });
});

describe("which", () => {
  test("a blank which (a table row without an id) gives a blank, not a spill", () => {
    expect(fns.allocate(column(["retain", "retain"]), 10, "", column(["a", "b"]))).toEqual([[""]]);
    expect(fns.abc(column([5, 3]), "")).toEqual([[""]]);
  });

  test("a range of ids returns their values in its shape", () => {
    const ids = column(["a", "b", "c"]);
    expect(fns.allocate(column(["retain", "atRisk", "maintain"]), 21, [["c", "a"]], ids)).toEqual([[3, 10]]);
  });
});

describe("optional columns", () => {
  test("an optional column given as one blank cell counts as left out", () => {
    expect(fns.allocate(column(["retain", "retain"]), 10, null, column(["a", "b"]), [[""]])).toEqual(
      column([5, 5]),
    );
  });
});
