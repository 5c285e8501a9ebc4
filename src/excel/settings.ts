/**
 * The plan's settings in the workbook's named settings (Cadence_PeriodStart…, on the Settings sheet):
 * what the wizard's Write step records, and what tracking reads back. Reading costs 1 round trip.
 * Which names, and how their cells read, is the core's (core/workbook/planSettings.ts).
 */
import { planSettingsOf, SETTING_NAMES } from "../core/workbook/planSettings";
import * as schema from "../core/workbook/schema";
import type { PlanSettings } from "./gateway.types";
import type { ExcelRun } from "./office";
import { idText } from "./planLayout";
import { schemaState } from "./readSource";

export { planSettingsOf, settingCells, SETTING_NAMES } from "../core/workbook/planSettings";

const NAMES = Object.values(SETTING_NAMES);

/**
 * The recorded settings, null when the workbook has no readable period. Dated leave the rep made
 * unreadable throws the core's InvalidDatedPeriodsError, naming the setting in the workbook's language.
 */
export async function readPlanSettings(run: ExcelRun): Promise<PlanSettings | null> {
  return run(async (context) => {
    const ranges = new Map(
      NAMES.map((name) => [
        name,
        context.workbook.names.getItemOrNullObject(name).getRangeOrNullObject().load("values"),
      ]),
    );
    const schemaRange = context.workbook.worksheets
      .getItemOrNullObject(schema.SCHEMA_SHEET)
      .getUsedRangeOrNullObject(true)
      .load("values");
    await context.sync();
    const lang = schemaState(schemaRange.isNullObject ? null : (schemaRange.values as unknown[][])).lang;
    return planSettingsOf((name) => {
      const range = ranges.get(name);
      return range === undefined || range.isNullObject ? undefined : (range.values as unknown[][])[0]?.[0];
    }, lang ?? "fr");
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
