/**
 * What needs the public-holiday calendar (date-holidays and its astronomy, moment and lunar-calendar
 * dependencies, ~160 KB gzipped). Imported only through holidays.ts's import(), so webpack puts it in
 * a chunk the shared runtime fetches on the first call of a function that counts working days.
 */
export { createWorkCalendar } from "../core/calendar/workCalendar";
export { computeCapacity } from "../core/capacity/computeCapacity";
