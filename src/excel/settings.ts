/**
 * The plan's settings in the workbook's named settings (Cadence_PeriodStart…, on the Settings sheet):
 * what the wizard's Write step records, and what tracking reads back. Reading costs 1 round trip.
 */
import { isoToExcelSerial, parseDateCell } from "../core/tracking";
import * as schema from "../core/workbook/schema";
import type { PlanSettings } from "./gateway.types";
import type { ExcelRun } from "./office";
import { idText } from "./planLayout";

export const SETTING_NAMES: Readonly<Record<keyof PlanSettings, string>> = {
  periodStart: "Cadence_PeriodStart",
  periodEnd: "Cadence_PeriodEnd",
  country: "Cadence_Country",
  region: "Cadence_Region",
  leaveDays: "Cadence_LeaveDays",
  nonFieldDays: "Cadence_NonFieldDays",
  contactsPerDay: "Cadence_ContactsPerDay",
  prospectingShare: "Cadence_ProspectingShare",
};

const KEYS = Object.keys(SETTING_NAMES) as (keyof PlanSettings)[];

/** Each named setting and the cell value it receives (dates as Excel serials, as the Settings sheet holds them). */
export function settingCells(settings: PlanSettings): { name: string; value: string | number }[] {
  return KEYS.map((key) => {
    const value = settings[key];
    const date = key === "periodStart" || key === "periodEnd";
    return { name: SETTING_NAMES[key], value: date ? isoToExcelSerial(String(value)) : value };
  });
}

const numberOr = (v: unknown, fallback: number): number =>
  typeof v === "number" && Number.isFinite(v) ? v : fallback;

const defaultOf = (name: string): unknown => schema.SETTINGS.find((s) => s.name === name)?.value;

/**
 * Settings from the named cells' values (undefined for a missing name). Null when the workbook has no
 * readable period (no named settings, or dates the rep made unreadable): tracking then uses its defaults.
 */
export function planSettingsOf(valueOf: (name: string) => unknown): PlanSettings | null {
  const periodStart = parseDateCell(valueOf(SETTING_NAMES.periodStart));
  const periodEnd = parseDateCell(valueOf(SETTING_NAMES.periodEnd));
  if (periodStart === null || periodEnd === null || periodEnd < periodStart) return null;
  const numeric = (key: keyof PlanSettings): number =>
    numberOr(valueOf(SETTING_NAMES[key]), numberOr(defaultOf(SETTING_NAMES[key]), 0));
  return {
    periodStart,
    periodEnd,
    country: idText(valueOf(SETTING_NAMES.country)).toUpperCase() || "FR",
    region: idText(valueOf(SETTING_NAMES.region)),
    leaveDays: numeric("leaveDays"),
    nonFieldDays: numeric("nonFieldDays"),
    contactsPerDay: numeric("contactsPerDay"),
    prospectingShare: numeric("prospectingShare"),
  };
}

export async function readPlanSettings(run: ExcelRun): Promise<PlanSettings | null> {
  return run(async (context) => {
    const ranges = new Map(
      KEYS.map((key) => [
        SETTING_NAMES[key],
        context.workbook.names.getItemOrNullObject(SETTING_NAMES[key]).getRangeOrNullObject().load("values"),
      ]),
    );
    await context.sync();
    return planSettingsOf((name) => {
      const range = ranges.get(name);
      return range === undefined || range.isNullObject ? undefined : (range.values as unknown[][])[0]?.[0];
    });
  });
}

/** The named setting holding the rep's base for tour plans (a postal code, or "latitude, longitude"). */
export const TOUR_BASE_NAME = "Cadence_TourBase";

/** The tour base recorded in Settings, "" when none (or not a plan workbook). 1 round trip. */
export async function readTourBase(run: ExcelRun): Promise<string> {
  return run(async (context) => {
    const range = context.workbook.names
      .getItemOrNullObject(TOUR_BASE_NAME)
      .getRangeOrNullObject()
      .load("values");
    await context.sync();
    return range.isNullObject ? "" : idText((range.values as unknown[][])[0]?.[0]);
  });
}
