/** The wizard's capacity choices ↔ the plan settings the workbook records (Settings sheet). Pure. */
import type { PlanSettings } from "../../excel/gateway.types";
import type { CapacityChoices } from "./planModel.types";

/** What the Write step records: the plan's year as its period, and every capacity input. */
export function planSettings(capacity: CapacityChoices): PlanSettings {
  return {
    periodStart: `${capacity.year}-01-01`,
    periodEnd: `${capacity.year}-12-31`,
    country: capacity.country.trim() === "" ? "FR" : capacity.country.trim(),
    region: capacity.region.trim(),
    leaveDays: capacity.leaveDays,
    leavePeriods: capacity.leavePeriods,
    rttDays: capacity.rttDays,
    rttPeriods: capacity.rttPeriods,
    nonFieldDays: capacity.nonFieldDays,
    contactsPerDay: capacity.contactsPerDay.visit ?? 0,
    prospectingShare: capacity.prospectingShare,
    remoteShare: capacity.remoteShare,
    remotePerDay: capacity.remotePerDay,
  };
}

/** A plan workbook's recorded settings, as the capacity form starts from them when the rep re-plans. */
export function capacityFromSettings(capacity: CapacityChoices, settings: PlanSettings): CapacityChoices {
  return {
    ...capacity,
    year: Number(settings.periodStart.slice(0, 4)),
    country: settings.country,
    region: settings.region,
    leaveDays: settings.leaveDays,
    leavePeriods: settings.leavePeriods,
    rttDays: settings.rttDays,
    rttPeriods: settings.rttPeriods,
    nonFieldDays: settings.nonFieldDays,
    contactsPerDay: { ...capacity.contactsPerDay, visit: settings.contactsPerDay },
    prospectingShare: settings.prospectingShare,
    remoteShare: settings.remoteShare,
    remotePerDay: settings.remotePerDay,
  };
}
