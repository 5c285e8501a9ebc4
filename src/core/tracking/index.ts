/** Tracking through the year: contacts log parsing, per-client tracking and portfolio KPIs. */
export { contactKey, freshContacts, newNameRows, parseContacts } from "./contacts";
export { effortCurve, lorenzDeciles, plannedActualBySegment } from "./dashboard";
export { catchUpByChannel, portfolioCatchUp } from "./catchUp";
export type { CatchUpLine, DayHolds } from "./catchUp";
export { defaultPlanSettings, trackingFrame } from "./frame";
export type { TrackingFrame } from "./frame";
export type {
  Contact,
  DuplicateRow,
  ExcludedRow,
  NewName,
  ParseContactsOptions,
  ParsedContacts,
  UnmatchedReason,
  UnmatchedRow,
} from "./contacts";
export { excelSerialToIso, isoToExcelSerial, parseDateCell, parseDateText } from "./dates";
export { matchChannel, channelTable, DEFAULT_EXCLUDED_CHANNELS, isExcludedChannel } from "./channels";
export { createClientMatcher } from "./clientMatch";
export type { ClientMatch, ClientMatcher, ClientRef } from "./clientMatch";
export { normaliseText, normaliseCompanyName } from "./text";
export { elapsedShare, checkPeriod, checkSeasonality } from "./elapsed";
export type { Elapsed, Period, WorkingDayCalendar } from "./elapsed";
export {
  DEFAULT_CAP_FACTOR,
  DEFAULT_TOLERANCE,
  STATUS_EPSILON,
  STATUS_FLOOR,
  catchUpOf,
  earnedOf,
  isOverdue,
  overdueBasis,
  paceOf,
  plannedToDate,
  remainingOf,
  statusMargin,
  statusOf,
  statusSlack,
  weighted,
} from "./rules";
export type { TrackingStatus } from "./rules";
export { trackClients } from "./track";
export type {
  ClientTracking,
  ContactLike,
  PlanRow,
  TrackingInput,
  TrackingOptions,
  TrackingResult,
} from "./track";
export { portfolioKpis } from "./kpis";
export type { GroupTrend, KpiOptions, PortfolioKpis } from "./kpis";
export { concentrationOf, giniOf, lorenzCurve, topIds, TOP_SHARE } from "./concentration";
export type { Concentration, ConcentrationClient, LorenzPoint } from "./concentration";
export { InvalidOptionError, InvalidPeriodError, InvalidSeasonalityError } from "./errors";
export { trackParsed, trackWorkbook, trackingByRow } from "./trackWorkbook";
export type { TrackParsedInput, TrackWorkbookInput, WorkbookTracking } from "./trackWorkbook";
export { channelsOf, clientsPlan, contactsLog } from "./workbookTables";
export type { ClientsPlan, TableRead } from "./workbookTables";
export { importContacts } from "./contactsImport";
export type { ContactsImport, ContactsImportInput } from "./contactsImport";
