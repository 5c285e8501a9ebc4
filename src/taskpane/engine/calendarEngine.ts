/**
 * Everything that needs the public-holiday calendar (capacity, tracking). date-holidays is large, so
 * this module is loaded on demand (see loadCalendarEngine) and the pane's first paint does not wait for it.
 */
import * as capacity from "../../core/capacity";
import * as tracking from "../../core/tracking";
import { capacityInputOf } from "../../core/workbook/planSettings";
import { planSettings } from "../plan/planSettings";
import type { CapacityChoices } from "../plan/planModel.types";
import type { TrackingTables } from "../track/trackModel";

/** The capacity input of the wizard's choices: the core's reading of the settings the plan records. */
export function capacityInput(choices: CapacityChoices): capacity.CapacityInput {
  return capacityInputOf(planSettings(choices));
}

export type CapacityOutcome = { ok: true; result: capacity.CapacityResult } | { ok: false; error: unknown };

/** computeCapacity, with its typed errors turned into a value the step can show. */
export function computeCapacity(choices: CapacityChoices): CapacityOutcome {
  try {
    return { ok: true, result: capacity.computeCapacity(capacityInput(choices)) };
  } catch (error: unknown) {
    return { ok: false, error };
  }
}

/** The core's tracking of the workbook, with what the Track tab shows beside it. */
export interface TrackFigures extends tracking.WorkbookTracking {
  /** Contact rows that could not be read (issues) or matched. */
  contactIssues: number;
  /** Client id → name. */
  names: ReadonlyMap<string, string>;
}

/** Tracking as of a date of the tables the pane read: the core's trackWorkbook, as refresh and the CLI call it. */
export function computeFigures(tables: TrackingTables, asOf: string): TrackFigures {
  const figures = tracking.trackWorkbook({ ...tables, asOf });
  return {
    ...figures,
    contactIssues: figures.contacts.issues.length + figures.contacts.unmatched.length,
    names: figures.clients.names,
  };
}
