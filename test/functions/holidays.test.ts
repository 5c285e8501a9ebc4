/**
 * The custom functions that count working days load the holiday calendar on their first call
 * (src/functions/holidays.ts), so the shared runtime starts without date-holidays; a failed load is
 * an Excel error that the next recalculation retries.
 */
import { rejectedExcelError } from "./support/customFunctions";
import * as calendar from "../../src/core/calendar";
import type * as functionsModule from "../../src/functions/functions";
import type * as holidaysModule from "../../src/functions/holidays";

type Functions = typeof functionsModule;
type Holidays = typeof holidaysModule;

/** A fresh copy of the functions and of the calendar loader, as the runtime page has at start-up. */
function freshModules(): { fns: Functions; loader: Holidays } {
  let fns: Functions | undefined;
  let loader: Holidays | undefined;
  jest.isolateModules(() => {
    fns = jest.requireActual<Functions>("../../src/functions/functions");
    loader = jest.requireActual<Holidays>("../../src/functions/holidays");
  });
  return { fns: fns!, loader: loader! };
}

afterEach(() => {
  jest.dontMock("../../src/functions/holidayEngine");
});

describe("the holiday calendar behind WORKDAYS, CAPACITY, PACE, STATUS and CATCHUP", () => {
  it("is not loaded until one of them runs, then computes what the core's calendar does", async () => {
    const { fns, loader } = freshModules();
    expect(() => loader.holidays()).toThrow(/not loaded yet/);
    const days = await fns.workdays([["2026-01-01"]], [["2026-12-31"]], "FR", "67");
    const oracle = calendar.createWorkCalendar({ country: "FR", region: "67" });
    expect(days).toEqual([[oracle.workingDaysBetween("2026-01-01", "2026-12-31")]]);
    expect(() => loader.holidays()).not.toThrow();
    // The functions that need no calendar stay synchronous.
    expect(fns.reach([[1], [0]], [[2], [2]])).toBe(0.5);
  });

  it("turns a failed load into #N/A with a message in both languages, and loads on the next call", async () => {
    const { fns, loader } = freshModules();
    jest.doMock("../../src/functions/holidayEngine", () => {
      throw new Error("chunk holidays.js failed");
    });
    const error = await rejectedExcelError(() => fns.pace([[4]], [[12]], "2026-06-30"));
    expect(error.code).toBe("#N/A");
    expect(error.message).toBe(
      "the public-holiday calendar could not be loaded (chunk holidays.js failed); recalculate to try again",
    );
    expect(() => loader.holidays()).toThrow(/not loaded yet/);
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "fr-FR" } };
    try {
      const french = await rejectedExcelError(() => fns.workdays([["2026-01-01"]], [["2026-12-31"]]));
      expect(french.message).toBe(
        "le calendrier des jours fériés n'a pas pu être chargé (chunk holidays.js failed) ; recalculez pour réessayer",
      );
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
    jest.dontMock("../../src/functions/holidayEngine");
    const pace = await fns.pace([[4]], [[12]], "2026-06-30");
    expect(typeof pace[0]?.[0]).toBe("number");
  });
});
