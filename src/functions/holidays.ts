/**
 * The working-day calendar, loaded on first use: WORKDAYS, CAPACITY, PACE, STATUS and CATCHUP await
 * it (withHolidays) and the readers below then use it synchronously. The shared runtime page thus
 * starts without date-holidays (issue 12 §13: the start-up scripts stay within 300 KB gzipped).
 */
import type * as engineModule from "./holidayEngine";
import { FunctionInputError, guarded, toExcelError } from "./excelErrors";

export type HolidayEngine = typeof engineModule;

let engine: HolidayEngine | undefined;
let loading: Promise<HolidayEngine> | undefined;

/** Loads the calendar once; a failed load is retried on the next call. */
export function loadHolidays(): Promise<HolidayEngine> {
  loading ??= import(/* webpackChunkName: "holidays" */ "./holidayEngine").then(
    (m) => (engine = m),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The loaded calendar; callers run after withHolidays (or loadHolidays) has resolved. */
export function holidays(): HolidayEngine {
  if (engine === undefined)
    throw new Error("The holiday calendar is not loaded yet: await loadHolidays() first.");
  return engine;
}

/** Runs a wrapper body once the calendar is loaded, every failure as an Excel error (guarded). */
export async function withHolidays<T>(body: () => T): Promise<T> {
  try {
    await loadHolidays();
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- Excel shows a thrown CustomFunctions.Error, which is not an Error subclass
    throw toExcelError(
      new FunctionInputError(
        "na",
        `the public-holiday calendar could not be loaded (${reason}); recalculate to try again`,
        `le calendrier des jours fériés n'a pas pu être chargé (${reason}) ; recalculez pour réessayer`,
      ),
    );
  }
  return guarded(body);
}
