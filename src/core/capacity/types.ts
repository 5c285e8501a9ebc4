import type { ChannelCounts } from "../types";
import type { PublicHoliday } from "../calendar";

export interface CapacityInput {
  /** ISO dates, both inclusive. */
  period: { start: string; end: string };
  /** date-holidays country code; default "FR". */
  country?: string;
  /** Region code or alias (e.g. "67", "alsace-moselle"); default none. */
  region?: string | null;
  /** Company days off on top of public holidays (bridge days…). */
  extraDaysOff?: readonly string[];
  /** Leave (congés) taken in the period, in working days. */
  leaveDays: number;
  /** Days not in the field (admin, training, meetings): a total or a breakdown by reason. */
  nonFieldDays: number | Readonly<Record<string, number>>;
  /** Contacts a rep makes on a day spent on that channel, e.g. { visit: 4, call: 10 }. */
  contactsPerDay: ChannelCounts;
  /**
   * Share (0..1) of the field days spent on each channel. A channel not listed uses every field
   * day (calls are made around visits); shares may overlap, so they need not sum to 1.
   */
  daysPerChannel?: ChannelCounts;
  /** Share of the visit capacity reserved for prospects; default 0.20. */
  prospectingShare?: number;
}

export type ExplanationUnit = "days" | "contacts" | "contactsPerDay" | "share";
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
  nonFieldDays: number;
  /** Working days − leave − non-field days. */
  fieldDays: number;
  /** Field days used per channel (fieldDays × share). */
  daysPerChannel: ChannelCounts;
  /** Contacts per channel: round(days for the channel × contacts per day). */
  perChannel: ChannelCounts;
  prospecting: { share: number; visits: number };
  /** Visit capacity left for existing clients. */
  clientVisits: number;
  lines: ExplanationLine[];
}
