/**
 * Everything that needs the public-holiday calendar (capacity, tracking). date-holidays is large, so
 * this module is loaded on demand (see loadCalendarEngine) and the pane's first paint does not wait for it.
 */
import * as calendar from "../../core/calendar";
import * as capacity from "../../core/capacity";
import * as tracking from "../../core/tracking";
import type { CellValue } from "../../core/types";
import { capacityInputOf } from "../../core/workbook/planSettings";
import { planSettings } from "../plan/planSettings";
import type { CapacityChoices } from "../plan/planModel.types";
import type { TrackedPortfolio } from "../track/trackModel";

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

export interface TrackFigures {
  result: tracking.TrackingResult;
  kpis: tracking.PortfolioKpis;
  /** Remaining weighted contacts per remaining working day, for the whole portfolio. */
  catchUp: number | null;
  /** Catch-up per channel against what a day holds (the core's rule). */
  catchUpLines: tracking.CatchUpLine[];
  contactIssues: number;
  names: ReadonlyMap<string, string>;
  /** The period and calendar the figures were computed over. */
  frame: TrackingFrame;
}

/** The period and holiday calendar tracking runs over. */
export interface TrackingFrame {
  periodStart: string;
  periodEnd: string;
  country: string;
  /** "" for none. */
  region: string;
  /** The plan's capacity inputs, when the workbook records them: what a day holds. */
  leaveDays?: number;
  nonFieldDays?: number;
  contactsPerDay?: number;
}

/** Without a plan's recorded settings: the calendar year of the date, France's calendar. */
export function defaultFrame(asOf: string): TrackingFrame {
  const year = asOf.slice(0, 4);
  return { periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, country: "FR", region: "" };
}

/** Tracking as of a date, over the plan's period and calendar (the workbook's settings) or the default frame. */
export function computeFigures(
  portfolio: TrackedPortfolio,
  contactsGrid: readonly (readonly CellValue[])[],
  asOf: string,
  frame: TrackingFrame = defaultFrame(asOf),
): TrackFigures {
  const refs = portfolio.plan.map((p) => ({ id: p.id, name: portfolio.names.get(p.id) ?? p.id }));
  const parsed = tracking.parseContacts(contactsGrid, refs);
  const result = tracking.trackClients({
    // New names (clients not in the plan) are tracked as prospects without a plan.
    plan: [...portfolio.plan, ...tracking.newNameRows(parsed.newNames)],
    contacts: parsed.contacts,
    period: { start: frame.periodStart, end: frame.periodEnd },
    asOf,
    calendar: calendar.createWorkCalendar({
      country: frame.country,
      region: frame.region === "" ? null : frame.region,
    }),
  });
  const kpis = tracking.portfolioKpis(result);
  // What a working day holds: visits per field day on the plan's share of field days (leave and
  // office days take the rest). The workbook records no remote time, so remote channels hold none.
  const working = result.elapsed.totalDays;
  const off = (frame.leaveDays ?? 0) + (frame.nonFieldDays ?? 0);
  const holds: tracking.DayHolds = {
    visitsPerDay: frame.contactsPerDay ?? 4,
    remotePerDay: capacity.DEFAULT_REMOTE_PER_DAY,
    fieldShare: working > 0 ? Math.max(0, working - off) / working : 0,
    remoteShare: 0,
  };
  const remaining = result.clients.reduce((s, c) => s + c.remainingWeighted, 0);
  const days = result.elapsed.remainingDays;
  return {
    result,
    kpis,
    catchUp: days > 0 ? remaining / days : null,
    catchUpLines: tracking.portfolioCatchUp(result, holds),
    contactIssues: parsed.issues.length + parsed.unmatched.length,
    names: portfolio.names,
    frame,
  };
}
