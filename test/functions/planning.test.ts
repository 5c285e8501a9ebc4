/** NORM, WEIGHTED, WORKDAYS and CAPACITY as Excel calls them. */
import { excelErrorOf, rejectedExcelError } from "./support/customFunctions";
import fc from "fast-check";
import * as fns from "../../src/functions/functions";
import { column } from "./support/ranges";

describe("NORM", () => {
  test("default norms by segment id or label, English or French, per channel", () => {
    expect(fns.norm(column(["Retain", "fidéliser", "atRisk", "Conquérir", ""]))).toEqual(
      column([10, 10, 8, 2, ""]),
    );
    expect(fns.norm([["Développer"]], "Appel sortant")).toEqual([[6]]);
    expect(fns.norm([["Develop"]], "video")).toEqual([[0]]);
    expect(fns.norm([["Develop"]], "weighted")).toEqual([[12 + 6 * 0.25]]);
  });

  test("a user's norm table: channel headers, one row per segment", () => {
    const table = [
      ["Segment", "Visite", "Appel"],
      ["Grands comptes", 20, "12"],
      ["Fidéliser", 9, 3],
    ];
    expect(fns.norm(column(["grands comptes", "Retain"]), "visit", table)).toEqual(column([20, 9]));
    expect(fns.norm([["Grands comptes"]], "call", table)).toEqual([[12]]);
  });

  test("an unknown segment or channel is #N/A naming it", () => {
    const seg = excelErrorOf(() => fns.norm([["Platinum"]]));
    expect(seg.code).toBe("#N/A");
    expect(seg.message).toContain("Platinum");
    expect(excelErrorOf(() => fns.norm([["Retain"]], "pigeon")).code).toBe("#N/A");
  });

  test("a negative count in the norm table is #VALUE!", () => {
    const e = excelErrorOf(() =>
      fns.norm([["A"]], "visit", [
        ["", "visit"],
        ["A", -1],
      ]),
    );
    expect(e.code).toBe("#VALUE!");
  });
});

describe("WEIGHTED", () => {
  test("one block of counts, one row per client, channels named in French", () => {
    expect(
      fns.weighted(
        [["Visite", "Visio", "Appel", "E-mail"]],
        [
          [
            [10, 2, 6, null],
            [null, null, null, null],
          ],
        ],
      ),
    ).toEqual([[10 + 1 + 1.5], [""]]);
  });

  test("one range per channel (the repeating argument, which Excel passes as one array of ranges), and the user's own weights", () => {
    expect(fns.weighted([["visit", "call"]], [column([10, 3]), column([6, 8])])).toEqual(column([11.5, 5]));
    expect(
      fns.weighted(
        [
          ["visit", "call"],
          [1, 0.5],
        ],
        [[[2, 4]]],
      ),
    ).toEqual([[4]]);
  });

  test("a count of the wrong kind or a count mismatch is #VALUE!; an unknown channel #N/A", () => {
    expect(excelErrorOf(() => fns.weighted([["visit", "call"]], [[[1, "x"]]])).code).toBe("#VALUE!");
    expect(excelErrorOf(() => fns.weighted([["visit", "call"]], [[[1, 2, 3]]])).code).toBe("#VALUE!");
    expect(excelErrorOf(() => fns.weighted([["carrier pigeon"]], [[[1]]])).code).toBe("#N/A");
  });
});

describe("WORKDAYS", () => {
  test("France 2026 has 252 working days; Bas-Rhin 251 (domain worked example)", async () => {
    expect(await fns.workdays([["2026-01-01"]], [["2026-12-31"]])).toEqual([[252]]);
    expect(await fns.workdays([["01/01/2026"]], [["31/12/2026"]], "FR", "67")).toEqual([[251]]);
  });

  test("Excel serial dates, a column of ends, and extra days off", async () => {
    // 46023 = 2026-01-01; 46053 = 2026-01-31.
    expect(await fns.workdays([[46023]], column([46053, "2026-01-02", null]))).toEqual(column([21, 1, ""]));
    expect(await fns.workdays([["2026-05-11"]], [["2026-05-15"]], "FR", "", [["2026-05-15"]])).toEqual([[3]]);
  });

  test("property: working days add up over consecutive periods", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 700 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 300 }),
        async (a, b, c) => {
          const day = (n: number): number => 46023 + n; // serial 46023 = 2026-01-01
          const whole = (await fns.workdays([[day(a)]], [[day(a + b + c)]]))[0]?.[0];
          const first = (await fns.workdays([[day(a)]], [[day(a + b)]]))[0]?.[0];
          const second = (await fns.workdays([[day(a + b + 1)]], [[day(a + b + c)]]))[0]?.[0];
          expect(Number(first) + Number(second)).toBe(whole);
        },
      ),
      { numRuns: 50 },
    );
  });

  test("a bad date is #VALUE! naming the row; an unknown country #N/A", async () => {
    const e = await rejectedExcelError(() => fns.workdays([["2026-01-01"]], column(["2026-02-01", "soon"])));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("row 2: end is text 'soon', not a date");
    expect(
      (await rejectedExcelError(() => fns.workdays([["2026-01-01"]], [["2026-02-01"]], "XX"))).code,
    ).toBe("#N/A");
  });
});

describe("CAPACITY", () => {
  test("the domain's worked example: 662 client visits, 828 with no prospecting reserve", async () => {
    expect(await fns.capacity("2026-01-01", "2026-12-31", 4, 25, 20)).toEqual([[662]]);
    expect(await fns.capacity(46023, "31/12/2026", "4", 25, 20, "visit", 0)).toEqual([[828]]);
    // Calls take remote days, never the field days: none without a remote share (not 207 × 10).
    expect(await fns.capacity("2026-01-01", "2026-12-31", 10, 25, 20, "call")).toEqual([[0]]);
    const remote = [undefined, undefined, undefined, undefined, 0.2] as const;
    // One day a week at the desk: 207 × 0.2 = 41 remote days × 10 calls.
    expect(await fns.capacity("2026-01-01", "2026-12-31", 10, 25, 20, "call", ...remote)).toEqual([[410]]);
    // …and the field days drop to 166: 664 visits, 531 for clients.
    expect(await fns.capacity("2026-01-01", "2026-12-31", 4, 25, 20, "visit", ...remote)).toEqual([[531]]);
  });

  test("explain spills the calculation lines in English or French", async () => {
    const lines = await fns.capacity(
      "2026-01-01",
      "2026-12-31",
      4,
      25,
      20,
      undefined,
      undefined,
      undefined,
      undefined,
      "fr",
    );
    expect(lines.at(-1)).toEqual(["Visites disponibles pour les clients", 662]);
    expect(lines.every((l) => l.length === 2)).toBe(true);
  });

  test("negative leave is #VALUE!; a period ending before it starts is #VALUE!; a missing rate #VALUE!", async () => {
    expect((await rejectedExcelError(() => fns.capacity("2026-01-01", "2026-12-31", 4, -3))).code).toBe(
      "#VALUE!",
    );
    expect((await rejectedExcelError(() => fns.capacity("2026-12-31", "2026-01-01", 4))).code).toBe(
      "#VALUE!",
    );
    const missing = await rejectedExcelError(() => fns.capacity("2026-01-01", "2026-12-31", null));
    expect(missing.code).toBe("#VALUE!");
    expect(missing.message).toBe("contactsPerDay is missing");
  });
});
