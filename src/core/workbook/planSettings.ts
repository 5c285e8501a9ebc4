/**
 * The plan's settings as the workbook records them (named cells on the Settings sheet): what the
 * pane's Write step records and every face reads back — period, calendar, the capacity inputs with
 * the remote share and dated leave / RTT. Pure: the Excel layer and the CLI only move the cells.
 */
import type { CapacityInput, DatedPeriod } from "../capacity";
import { formatDatedPeriods, parseDatedPeriods } from "../capacity";
import { isoToExcelSerial, parseDateCell } from "../tracking/dates";
import { parseNumber } from "../parse/numbers";
import type { CellValue, Lang } from "../types";
import { SETTINGS } from "./schema";

export interface PlanSettings {
  periodStart: string;
  periodEnd: string;
  /** ISO country code of the public-holiday calendar ("FR"). */
  country: string;
  /** Region of that calendar ("67" for Bas-Rhin), or "" for none. */
  region: string;
  /** Leave as a count of working days (read when there are no leave periods). */
  leaveDays: number;
  /** Dated leave: when any, the leave is their working days and tracking skips them. */
  leavePeriods: readonly DatedPeriod[];
  rttDays: number;
  rttPeriods: readonly DatedPeriod[];
  nonFieldDays: number;
  /** Field visits per day. */
  contactsPerDay: number;
  /** Share of visit capacity reserved for prospects, 0..1. */
  prospectingShare: number;
  /** Share (0..1) of the available days at the desk for video, calls and digital. */
  remoteShare: number;
  /** Visit-equivalents a remote day holds. */
  remotePerDay: number;
}

export const SETTING_NAMES: Readonly<Record<keyof PlanSettings, string>> = {
  periodStart: "Cadence_PeriodStart",
  periodEnd: "Cadence_PeriodEnd",
  country: "Cadence_Country",
  region: "Cadence_Region",
  leaveDays: "Cadence_LeaveDays",
  leavePeriods: "Cadence_LeavePeriods",
  rttDays: "Cadence_RttDays",
  rttPeriods: "Cadence_RttPeriods",
  nonFieldDays: "Cadence_NonFieldDays",
  contactsPerDay: "Cadence_ContactsPerDay",
  prospectingShare: "Cadence_ProspectingShare",
  remoteShare: "Cadence_RemoteShare",
  remotePerDay: "Cadence_RemotePerDay",
};

const KEYS = Object.keys(SETTING_NAMES) as (keyof PlanSettings)[];
const DATES: ReadonlySet<keyof PlanSettings> = new Set(["periodStart", "periodEnd"]);
const PERIODS: ReadonlySet<keyof PlanSettings> = new Set(["leavePeriods", "rttPeriods"]);

/** Each named setting and the cell value it receives (dates as Excel serials, periods as text). */
export function settingCells(settings: PlanSettings): { name: string; value: string | number }[] {
  return KEYS.map((key) => {
    const name = SETTING_NAMES[key];
    const value = settings[key];
    if (DATES.has(key)) return { name, value: isoToExcelSerial(value as string) };
    if (PERIODS.has(key)) return { name, value: formatDatedPeriods(value as readonly DatedPeriod[]) };
    return { name, value: value as string | number };
  });
}

const spec = (name: string): (typeof SETTINGS)[number] | undefined => SETTINGS.find((s) => s.name === name);

/** A number, typed or as text ("20", "0,5"): the same reading as every other cell (parse.parseNumber). */
const numberOr = (v: unknown, fallback: number): number => {
  const n = parseNumber(v as CellValue);
  return n.kind === "number" ? n.value : fallback;
};

const text = (v: unknown): string =>
  typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "";

/**
 * Settings from the named cells' values (undefined for a missing name: its default). Null when the
 * workbook has no readable period: tracking then uses its defaults. Dated periods that do not read
 * throw InvalidDatedPeriodsError naming the setting as the Settings sheet shows it (`lang`).
 */
export function planSettingsOf(valueOf: (name: string) => unknown, lang: Lang = "fr"): PlanSettings | null {
  const periodStart = parseDateCell(valueOf(SETTING_NAMES.periodStart));
  const periodEnd = parseDateCell(valueOf(SETTING_NAMES.periodEnd));
  if (periodStart === null || periodEnd === null || periodEnd < periodStart) return null;
  const numeric = (key: keyof PlanSettings): number => {
    const name = SETTING_NAMES[key];
    return numberOr(valueOf(name), numberOr(spec(name)?.value, 0));
  };
  const periods = (key: keyof PlanSettings): DatedPeriod[] => {
    const name = SETTING_NAMES[key];
    const label = spec(name)?.[lang] ?? name;
    return parseDatedPeriods(text(valueOf(name)), label);
  };
  return {
    periodStart,
    periodEnd,
    country: text(valueOf(SETTING_NAMES.country)).toUpperCase() || "FR",
    region: text(valueOf(SETTING_NAMES.region)),
    leaveDays: numeric("leaveDays"),
    leavePeriods: periods("leavePeriods"),
    rttDays: numeric("rttDays"),
    rttPeriods: periods("rttPeriods"),
    nonFieldDays: numeric("nonFieldDays"),
    contactsPerDay: numeric("contactsPerDay"),
    prospectingShare: numeric("prospectingShare"),
    remoteShare: numeric("remoteShare"),
    remotePerDay: numeric("remotePerDay"),
  };
}

/** The capacity input the settings describe: dated periods when there are any, else the counts. */
export function capacityInputOf(settings: PlanSettings): CapacityInput {
  return {
    period: { start: settings.periodStart, end: settings.periodEnd },
    country: settings.country === "" ? "FR" : settings.country,
    region: settings.region === "" ? null : settings.region,
    leaveDays: settings.leavePeriods.length > 0 ? settings.leavePeriods : settings.leaveDays,
    rttDays: settings.rttPeriods.length > 0 ? settings.rttPeriods : settings.rttDays,
    nonFieldDays: settings.nonFieldDays,
    contactsPerDay: { visit: settings.contactsPerDay },
    remoteShare: settings.remoteShare,
    remotePerDay: settings.remotePerDay,
    prospectingShare: settings.prospectingShare,
  };
}
