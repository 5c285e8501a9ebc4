/**
 * Everything that needs the public-holiday calendar (capacity, tracking). date-holidays is large, so
 * this module is loaded on demand (see loadCalendarEngine) and the pane's first paint does not wait for it.
 */
import * as calendar from "../../core/calendar";
import * as capacity from "../../core/capacity";
import * as tracking from "../../core/tracking";
import type { CellValue } from "../../core/types";
import type { CapacityChoices } from "../plan/planModel.types";
import type { TrackedPortfolio } from "../track/trackModel";

export function capacityInput(choices: CapacityChoices): capacity.CapacityInput {
  return {
    period: { start: `${choices.year}-01-01`, end: `${choices.year}-12-31` },
    country: choices.country.trim() === "" ? "FR" : choices.country.trim(),
    region: choices.region.trim() === "" ? null : choices.region.trim(),
    leaveDays: choices.leaveDays,
    nonFieldDays: choices.nonFieldDays,
    contactsPerDay: choices.contactsPerDay,
    prospectingShare: choices.prospectingShare,
  };
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
  contactIssues: number;
  names: ReadonlyMap<string, string>;
}

/** Tracking as of a date, over the calendar year of that date (France's calendar unless told). */
export function computeFigures(
  portfolio: TrackedPortfolio,
  contactsGrid: readonly (readonly CellValue[])[],
  asOf: string,
  country = "FR",
): TrackFigures {
  const refs = portfolio.plan.map((p) => ({ id: p.id, name: portfolio.names.get(p.id) ?? p.id }));
  const parsed = tracking.parseContacts(contactsGrid, refs);
  const year = asOf.slice(0, 4);
  const result = tracking.trackClients({
    plan: portfolio.plan,
    contacts: parsed.contacts,
    period: { start: `${year}-01-01`, end: `${year}-12-31` },
    asOf,
    calendar: calendar.createWorkCalendar({ country }),
  });
  const kpis = tracking.portfolioKpis(result);
  const remaining = result.clients.reduce((s, c) => s + c.remainingWeighted, 0);
  const days = result.elapsed.remainingDays;
  return {
    result,
    kpis,
    catchUp: days > 0 ? remaining / days : null,
    contactIssues: parsed.issues.length + parsed.unmatched.length,
    names: portfolio.names,
  };
}
