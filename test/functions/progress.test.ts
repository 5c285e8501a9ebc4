/** PACE, STATUS, REACH, COVERAGE, CONCENTRATION, OVERDUE and CATCHUP as Excel calls them. */
import { CustomFunctionsError, excelErrorOf, rejectedExcelError } from "./support/customFunctions";
import fc from "fast-check";
import * as tracking from "../../src/core/tracking";
import * as fns from "../../src/functions/functions";
import { wholeColumnCache } from "../../src/functions/memo";
import { column } from "./support/ranges";

beforeEach(() => {
  wholeColumnCache.clear();
});

describe("PACE and STATUS", () => {
  test("the domain's worked example: 12 planned, 4 done on 2026-06-30 → pace 0.68, Under", async () => {
    const pace = await fns.pace([[4]], [[12]], "2026-06-30");
    expect(pace[0]?.[0]).toBeCloseTo(4 / (12 * (123 / 252)), 10);
    expect(await fns.status([[4]], [[12]], "2026-06-30")).toEqual([["Under"]]);
    expect(await fns.status([[4]], [[12]], "30/06/2026", 0.4, "fr")).toEqual([["Dans le rythme"]]);
  });

  test("columns: blank plan → blank, no plan → No plan, nothing due yet → On track", async () => {
    const actual = column([6, 9, 0, 3, null]);
    const planned = column([12, 12, 0, null, 12]);
    expect(await fns.status(actual, planned, "2026-06-30")).toEqual(
      column(["On track", "Over", "No plan", "", "Under"]),
    );
    expect((await fns.pace(actual, planned, "2026-06-30"))[2]).toEqual([""]);
    expect(await fns.status([[0]], [[12]], "2025-12-31", undefined, undefined, "2026-01-01")).toEqual([
      ["On track"],
    ]);
  });

  test("an explicit period and a region change the elapsed share", async () => {
    const year = await fns.pace([[4]], [[12]], "2026-06-30", "2026-01-01", "2026-12-31", "FR", "67");
    expect(year[0]?.[0]).toBeCloseTo(4 / (12 * (122 / 251)), 10);
    const half = await fns.pace([[4]], [[12]], "2026-03-31", "2026-01-01", "2026-06-30");
    expect(Number(half[0]?.[0])).toBeGreaterThan(0.6);
  });

  test("bad inputs: negative actual #VALUE!, bad tolerance #VALUE!, bad date #VALUE!, period backwards #VALUE!", async () => {
    expect(
      (await rejectedExcelError(() => fns.pace(column([1, -2]), column([3, 3]), "2026-06-30"))).message,
    ).toBe("row 2: actual is -2; it cannot be negative");
    expect((await rejectedExcelError(() => fns.status([[1]], [[2]], "2026-06-30", 1.5))).code).toBe(
      "#VALUE!",
    );
    expect((await rejectedExcelError(() => fns.pace([[1]], [[2]], "tomorrow"))).message).toBe(
      "asOf is text 'tomorrow', not a date",
    );
    expect(
      (await rejectedExcelError(() => fns.pace([[1]], [[2]], "2026-06-30", "2026-12-31", "2026-01-01"))).code,
    ).toBe("#VALUE!");
  });

  test("property: the pace does not depend on the order of the rows", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 30 })), {
          minLength: 1,
          maxLength: 20,
        }),
        async (rows) => {
          const forward = await fns.pace(
            column(rows.map((r) => r[0])),
            column(rows.map((r) => r[1])),
            "2026-09-15",
          );
          const reversed = [...rows].reverse();
          const backward = await fns.pace(
            column(reversed.map((r) => r[0])),
            column(reversed.map((r) => r[1])),
            "2026-09-15",
          );
          expect(backward).toEqual([...forward].reverse());
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe("REACH and COVERAGE", () => {
  test("reach counts planned clients with at least one contact", () => {
    expect(fns.reach(column([1, 0, 3, 2]), column([2, 2, 0, 1]))).toBeCloseTo(2 / 3);
    expect(fns.reach(column([1]), column([0]))).toBe("");
  });

  test("coverage counts planned clients that are not Under", () => {
    expect(fns.coverage(column([6, 1, 5, 0]), column([12, 12, 0, 12]), "2026-06-30")).toBeCloseTo(1 / 3);
    expect(fns.coverage(column([6, 1]), column([12, 12]), "2026-06-30", 0.9)).toBe(1);
  });
});

describe("CONCENTRATION", () => {
  const salesN = column([100, 50, 10, 5, 1]);
  const potential = column([100, 100, 100, 100, 100]);
  const effort = column([10, 5, 1, 1, 1]);

  test("equals the core's top-20 % ratio, Gini and shares", () => {
    const core = tracking.concentrationOf(
      [100, 50, 10, 5, 1].map((s, i) => ({
        id: String(i + 1).padStart(7, "0"),
        salesN: s,
        potential: 100,
        effort: [10, 5, 1, 1, 1][i] ?? 0,
      })),
    );
    expect(fns.concentration(salesN, potential, effort)).toBeCloseTo(core.topRatio ?? Number.NaN);
    expect(fns.concentration(salesN, potential, effort, "gini")).toBeCloseTo(core.gini ?? Number.NaN);
    expect(fns.concentration(salesN, potential, effort, "effort")).toBeCloseTo(10 / 18);
    expect(fns.concentration(salesN, potential, effort, "potentiel")).toBeCloseTo(0.2);
  });

  test("no effort at all is blank; an unknown measure is #VALUE!", () => {
    expect(fns.concentration(salesN, potential, column([0, 0, 0, 0, 0]))).toBe("");
    expect(excelErrorOf(() => fns.concentration(salesN, potential, effort, "median")).code).toBe("#VALUE!");
  });
});

describe("OVERDUE", () => {
  test("days since the last contact against 365 / planned visits", () => {
    // 46000 = 2025-12-09: 203 days before 2026-06-30, less than 365 / 1.
    expect(
      fns.overdue(column(["2026-01-01", "", 46000, "2026-06-01"]), column([4, 2, 1, null]), "2026-06-30"),
    ).toEqual(column([true, true, false, ""]));
    expect(fns.overdue([["2026-05-01"]], [[0]], "2026-06-30")).toEqual([[false]]);
  });

  test("a bad date names its row", () => {
    const e = excelErrorOf(() =>
      fns.overdue(column(["2026-01-01", "last week"]), column([1, 1]), "2026-06-30"),
    );
    expect(e).toEqual({ code: "#VALUE!", message: "row 2: lastContact is text 'last week', not a date" });
  });
});

describe("CATCHUP", () => {
  test("remaining contacts per remaining working day", async () => {
    const out = await fns.catchup(column([12, 10, null]), column([4, 12, 1]), "2026-06-30");
    expect(out[0]?.[0]).toBeCloseTo(8 / (252 - 123));
    expect(out.slice(1)).toEqual(column([0, ""]));
  });

  test("contacts left with no working day left is a #VALUE! in that cell", async () => {
    const out = await fns.catchup(column([12, 4]), column([4, 4]), "2026-12-31");
    const cell = out[0]?.[0];
    expect(cell).toBeInstanceOf(CustomFunctionsError);
    expect(cell).toMatchObject({ code: "#VALUE!" });
    expect(out[1]).toEqual([0]);
  });
});

describe("daysOff: dated leave skipped by PACE, STATUS and CATCHUP (issue 18, the core's frame as oracle)", () => {
  const LEAVE = "2026-08-03:2026-08-21";
  const settings = {
    ...tracking.defaultPlanSettings("2026-09-30"),
    leavePeriods: [{ start: "2026-08-03", end: "2026-08-21" }],
  };

  test("the Settings sheet's dated leave text, or a range of dates, takes those days out of the elapsed share", async () => {
    const frame = tracking.trackingFrame(settings, "2026-09-30");
    const e = tracking.elapsedShare(frame.period, "2026-09-30", frame.calendar);
    const args = ["2026-01-01", "2026-12-31", "FR", undefined] as const;
    const pace = await fns.pace([[59]], [[100]], "2026-09-30", ...args, [[LEAVE]]);
    expect(pace[0]?.[0]).toBeCloseTo(59 / (100 * e.share), 10);
    // The same days as dates, one per cell, and in French form.
    const dates = Array.from({ length: 19 }, (_, i) => [`2026-08-${String(3 + i).padStart(2, "0")}`]);
    expect((await fns.pace([[59]], [[100]], "2026-09-30", ...args, dates))[0]?.[0]).toBeCloseTo(
      Number(pace[0]?.[0]),
      12,
    );
    const fr = await fns.pace([[59]], [[100]], "2026-09-30", ...args, [["du 03/08/2026 au 21/08/2026"]]);
    expect(fr[0]?.[0]).toBeCloseTo(Number(pace[0]?.[0]), 12);
    // August leave: on track at the end of September, Under without it.
    expect(await fns.status([[59]], [[100]], "2026-09-30", undefined, undefined, ...args, [[LEAVE]])).toEqual(
      [["On track"]],
    );
    expect(await fns.status([[59]], [[100]], "2026-09-30", undefined, undefined, ...args)).toEqual([
      ["Under"],
    ]);
    // Catch-up over the days left: a leave in December leaves fewer days.
    const dec = await fns.catchup([[100]], [[59]], "2026-09-30", "2026-12-31", "FR", undefined, [
      ["2026-12-21:2026-12-31"],
    ]);
    const decFrame = tracking.trackingFrame(
      { ...settings, leavePeriods: [{ start: "2026-12-21", end: "2026-12-31" }] },
      "2026-09-30",
    );
    const left = tracking.elapsedShare(decFrame.period, "2026-09-30", decFrame.calendar).remainingDays;
    expect(dec[0]?.[0]).toBeCloseTo(41 / left, 10);
  });

  test("dated leave that does not read is #VALUE! naming it", async () => {
    const error = await rejectedExcelError(() =>
      fns.pace([[1]], [[10]], "2026-09-30", undefined, undefined, undefined, undefined, [
        ["2026-08-21:2026-08-03"],
      ]),
    );
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/daysOff.*2026-08-21:2026-08-03/);
  });
});
