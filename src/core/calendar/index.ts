export { createWorkCalendar, eachDay } from "./workCalendar";
export type { CalendarOptions, PublicHoliday, WorkCalendar } from "./workCalendar";
export { UnknownCalendarError, InvalidDateError } from "./errors";
export { resolvePlace } from "./regions";
export type { ResolvedCalendarPlace } from "./regions";
export {
  isoToDayNumber,
  dayNumberToIso,
  parseIsoDate,
  isoWeekday,
  isWeekend,
  isLeapYear,
  daysInYear,
  daysInMonth,
} from "./isoDate";
export type { DateParts } from "./isoDate";
