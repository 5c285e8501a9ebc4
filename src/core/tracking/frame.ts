/**
 * The frame tracking runs in, from the plan's recorded settings (domain.md, Capacity and Tracking):
 * the period, the holiday calendar with dated leave and RTT taken out (so the elapsed share skips
 * them: August leave does not make September late), and what a remaining working day holds per
 * pool (field visits, remote visit-equivalents) for the catch-up. One place for every face.
 */
import * as calendar from "../calendar";
import * as capacity from "../capacity";
import type { PlanSettings } from "../workbook/planSettings";
import { capacityInputOf } from "../workbook/planSettings";
import { SETTINGS } from "../workbook/schema";
import type { DayHolds } from "./catchUp";
import type { Period } from "./elapsed";

export interface TrackingFrame {
  period: Period;
  /** The public holidays of the place, and the dated leave / RTT days as days off. */
  calendar: calendar.WorkCalendar;
  /** What a working day of the tracking calendar holds: the plan's field and remote shares. */
  holds: DayHolds;
  /** The capacity the settings give (its datedDaysOff are the days the calendar skips). */
  capacity: capacity.CapacityResult;
  settings: PlanSettings;
}

const defaultOf = (name: string): unknown => SETTINGS.find((s) => s.name === name)?.value;
const num = (name: string): number => {
  const v = defaultOf(name);
  return typeof v === "number" ? v : 0;
};

/** A plan's settings when the workbook records none: the calendar year of the date and the defaults. */
export function defaultPlanSettings(asOf: string): PlanSettings {
  const year = asOf.slice(0, 4);
  return {
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    country: "FR",
    region: "",
    leaveDays: num("Cadence_LeaveDays"),
    leavePeriods: [],
    rttDays: num("Cadence_RttDays"),
    rttPeriods: [],
    nonFieldDays: num("Cadence_NonFieldDays"),
    contactsPerDay: num("Cadence_ContactsPerDay"),
    prospectingShare: num("Cadence_ProspectingShare"),
    remoteShare: num("Cadence_RemoteShare"),
    remotePerDay: num("Cadence_RemotePerDay"),
  };
}

/**
 * The tracking frame of a plan's settings (null: the defaults for the date's year). The day holds
 * are shares of the tracking calendar's working days, dated days off already out of it: a field
 * share of field days / (working days − dated days off), the same for the remote days. Bad
 * settings throw the capacity's core errors (named field and value).
 */
export function trackingFrame(settings: PlanSettings | null, asOf: string): TrackingFrame {
  const s = settings ?? defaultPlanSettings(asOf);
  const cap = capacity.computeCapacity(capacityInputOf(s));
  const cal = calendar.createWorkCalendar({
    country: s.country === "" ? "FR" : s.country,
    region: s.region === "" ? null : s.region,
    extraDaysOff: cap.datedDaysOff,
  });
  const days = cap.workingDays - cap.datedDaysOff.length;
  return {
    period: { start: s.periodStart, end: s.periodEnd },
    calendar: cal,
    holds: {
      visitsPerDay: s.contactsPerDay,
      remotePerDay: cap.remote.perDay,
      fieldShare: days > 0 ? cap.fieldDays / days : 0,
      remoteShare: days > 0 ? cap.remote.days / days : 0,
    },
    capacity: cap,
    settings: s,
  };
}
