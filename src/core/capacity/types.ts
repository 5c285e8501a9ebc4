import type { Channel, ChannelCounts } from "../types";
import type { PublicHoliday } from "../calendar";
import type { DatedPeriod, DaysInput } from "./datedDays";

export interface CapacityInput {
  /** ISO dates, both inclusive. */
  period: { start: string; end: string };
  /** date-holidays country code; default "FR". */
  country?: string;
  /** Region code or alias (e.g. "67", "alsace-moselle"); default none. */
  region?: string | null;
  /** Company days off on top of public holidays (bridge days…). */
  extraDaysOff?: readonly string[];
  /** Leave (congés) in the period: working days, or dated periods (their working days are counted). */
  leaveDays: DaysInput;
  /** RTT days: a count or dated periods; its own line in the explanation. Default 0. */
  rttDays?: DaysInput;
  /** Days not in the field (admin, training, meetings): a total, a breakdown by reason, or dated periods. */
  nonFieldDays: DaysInput | Readonly<Record<string, number>>;
  /**
   * Visits a rep makes on a field day ({ visit: 4 }). Remote channels do not take field days: they
   * share the remote days (remoteShare), so other entries are not read.
   */
  contactsPerDay: ChannelCounts;
  /** Share (0..1) of the available days spent at the desk on video, calls and digital; default 0. */
  remoteShare?: number;
  /** Visit-equivalents a remote day holds (default 3, e.g. 12 calls of weight 0.25). */
  remotePerDay?: number;
  /** Channels and their weights (default DEFAULT_CHANNELS): a remote day holds remotePerDay / weight contacts of a channel. */
  channels?: readonly Channel[];
  /** Share of the visit capacity reserved for prospects; default 0.20. */
  prospectingShare?: number;
}

/** The remote pool: days at the desk and the visit-equivalents they hold. */
export interface RemoteCapacity {
  share: number;
  days: number;
  /** Visit-equivalents per remote day. */
  perDay: number;
  /** days × perDay, shared by the remote channels by their weights. */
  visitEquivalents: number;
  /** Contacts of each remote channel a remote day holds: perDay / weight. */
  contactsPerDay: ChannelCounts;
}

export type ExplanationUnit = "days" | "contacts" | "contactsPerDay" | "share" | "visitEquivalents";

export type { DatedPeriod, DaysInput };
/** How the line combines with the ones above it, for display: "− 104 days", "× 4 contacts/day". */
export type ExplanationOp = "start" | "minus" | "times" | "equals" | "info";

export interface ExplanationLine {
  key: string;
  labelFr: string;
  labelEn: string;
  value: number;
  unit: ExplanationUnit;
  op: ExplanationOp;
}

export interface CapacityResult {
  period: { start: string; end: string };
  country: string;
  region: string | null;
  calendarDays: number;
  weekendDays: number;
  /** Every public holiday of the period, weekend ones flagged. */
  publicHolidays: PublicHoliday[];
  /** Weekdays off that are not public holidays (extraDaysOff). */
  extraDaysOff: number;
  /** Calendar days − weekends − weekday holidays − extra days off (before leave). */
  workingDays: number;
  leaveDays: number;
  rttDays: number;
  nonFieldDays: number;
  /** Working days − leave − RTT − non-field days: split between field and remote days. */
  availableDays: number;
  /** Available days − remote days. */
  fieldDays: number;
  remote: RemoteCapacity;
  /** Visit capacity: { visit: round(field days × visits per day) }. Remote channels are in `remote`. */
  perChannel: ChannelCounts;
  /** Working days covered by dated leave, RTT and non-field periods (tracking skips them). */
  datedDaysOff: string[];
  /** The common "one office day a week" setting: (working − leave − RTT) / 5, rounded. */
  suggestedNonFieldDays: number;
  prospecting: { share: number; visits: number };
  /** Visit capacity left for existing clients. */
  clientVisits: number;
  lines: ExplanationLine[];
}
