/** REMAINING (RESTEAFAIRE) as Excel calls it: the core's one-channel re-forecast, consistent with CATCHUP. */
import fc from "fast-check";
import * as calendar from "../../src/core/calendar";
import * as reforecast from "../../src/core/reforecast";
import * as tracking from "../../src/core/tracking";
import * as fns from "../../src/functions/functions";
import { wholeColumnCache } from "../../src/functions/memo";
import { rejectedExcelError } from "./support/customFunctions";
import { column } from "./support/ranges";

beforeEach(() => {
  wholeColumnCache.clear();
});

const year2026 = { start: "2026-01-01", end: "2026-12-31" };
const fr = calendar.createWorkCalendar({ country: "FR" });

describe("REMAINING", () => {
  test("without a capacity: planned − actual, never below 0, blank without a plan", async () => {
    const out = await fns.remaining(column([12, 10, null, 0]), column([4, 12, 1, 2]), "2026-06-30");
    expect(out).toEqual(column([8, 0, "", 0]));
  });

  test("with the channel's capacity: the remaining demands re-planned in ⌊capacity × (1 − e)⌋ (the worked example)", async () => {
    // Remaining a 10, b 10, c 8, d 3 (Σ 31); 40 × 129/252 = 20.47 → 20 left → a 7, b 6, c 5, d 2.
    const planned = column([12, 10, 8, 3]);
    const actual = column([2, 0, 0, 0]);
    const ids = column(["a", "b", "c", "d"]);
    expect(await fns.remaining(planned, actual, "2026-06-30", 40, undefined, ids)).toEqual(
      column([7, 6, 5, 2]),
    );
    // Inside a table: this row's id picks its value from the same re-forecast.
    expect(await fns.remaining(planned, actual, "2026-06-30", 40, "d", ids)).toEqual([[2]]);
    // Demands that fit stand.
    expect(await fns.remaining(planned, actual, "2026-06-30", 100, undefined, ids)).toEqual(
      column([10, 10, 8, 3]),
    );
    // Without ids, ties go by row order and `which` is a row number.
    expect(await fns.remaining(planned, actual, "2026-06-30", 40, 2)).toEqual([[6]]);
  });

  test("days off (dated leave) are skipped by the elapsed share, as CATCHUP skips them", async () => {
    const planned = column([100, 100, 100, 100]);
    const actual = column([0, 0, 0, 0]);
    const sum = async (daysOff?: unknown[][]): Promise<number> =>
      (
        await fns.remaining(
          planned,
          actual,
          "2026-06-30",
          100,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          daysOff,
        )
      ).reduce((s, r) => s + Number(r[0]), 0);
    // 252 working days, 123 elapsed: ⌊100 × 129/252⌋ = 51; without the 15 days of August: ⌊100 × 114/237⌋ = 48.
    expect(await sum()).toBe(51);
    const leave = calendar.createWorkCalendar({
      country: "FR",
      extraDaysOff: Array.from({ length: 19 }, (_, i) => `2026-08-${String(3 + i).padStart(2, "0")}`),
    });
    expect(reforecast.remainingCapacityOf(100, tracking.elapsedShare(year2026, "2026-06-30", leave))).toBe(
      48,
    );
    expect(await sum([["2026-08-03:2026-08-21"]])).toBe(48);
  });

  test("property: the core's reforecast of the same column, and CATCHUP × remaining days without a capacity", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ planned: fc.integer({ min: 0, max: 30 }), done: fc.integer({ min: 0, max: 30 }) }),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 364 }),
        async (rows, capacity, day) => {
          const asOf = calendar.dayNumberToIso(calendar.isoToDayNumber("2026-01-01") + day);
          const planned = column(rows.map((r) => r.planned));
          const actual = column(rows.map((r) => r.done));
          const ids = column(rows.map((_, i) => `C${String(i).padStart(3, "0")}`));
          const got = (await fns.remaining(planned, actual, asOf, capacity, undefined, ids)).map(
            (r): unknown => r[0],
          );
          const t = tracking.trackClients({
            plan: rows.map((r, i) => ({
              id: `C${String(i).padStart(3, "0")}`,
              segment: "",
              planned: { visit: r.planned },
              salesN: null,
              salesN1: null,
              potential: null,
            })),
            contacts: rows.flatMap((r, i) =>
              Array.from({ length: r.done }, () => ({
                date: "2026-01-01",
                clientId: `C${String(i).padStart(3, "0")}`,
                channel: "visit",
              })),
            ),
            period: year2026,
            asOf,
            calendar: fr,
          });
          const oracle = reforecast.reforecast({
            tracking: t,
            capacity: { visit: capacity },
            method: "norms",
          });
          expect(got).toEqual(oracle.clients.map((c) => c.remaining.visit));
          // No capacity: what CATCHUP spreads over the remaining working days.
          const free = (await fns.remaining(planned, actual, asOf)).map((r): unknown => r[0]);
          const rate = (await fns.catchup(planned, actual, asOf)).map((r): unknown => r[0]);
          free.forEach((n, i) => {
            if (t.elapsed.remainingDays > 0)
              expect(Number(rate[i]) * t.elapsed.remainingDays).toBeCloseTo(Number(n), 9);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  test("bad input names what is wrong: negative capacity or actual, different sizes (#VALUE!), an unknown id (#N/A)", async () => {
    expect(await rejectedExcelError(() => fns.remaining([[4]], [[1]], "2026-06-30", -5))).toEqual({
      code: "#VALUE!",
      message: "capacity is -5; give the channel's contacts for the period (0 or more)",
    });
    expect(
      await rejectedExcelError(() => fns.remaining(column([4, 2]), column([-1, 0]), "2026-06-30")),
    ).toEqual({
      code: "#VALUE!",
      message: "row 1: actual is -1; it cannot be negative",
    });
    expect(await rejectedExcelError(() => fns.remaining(column([4, 2]), column([1]), "2026-06-30"))).toEqual({
      code: "#VALUE!",
      message: "actual has 1 cells; planned has 2: give ranges of the same size",
    });
    expect(
      await rejectedExcelError(() =>
        fns.remaining(column([4]), column([1]), "2026-06-30", 10, "zz", column(["a"])),
      ),
    ).toEqual({ code: "#N/A", message: "id 'zz' is not in the ids column" });
  });
});
