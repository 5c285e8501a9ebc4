/**
 * The per-client tracking rules of domain.md, as small free functions (the custom functions call
 * them one row at a time; trackClients calls them for a whole portfolio).
 */
import type { Channel, ChannelCounts, TrackingStatus, VisitEquivalents } from "../types";
import { visitEquivalents } from "../types";
import { InvalidOptionError } from "./errors";

export type { TrackingStatus };

export const DEFAULT_TOLERANCE = 0.2;
/** Earned is capped at capFactor × the client's weighted plan; 1.0 by default (over-visiting earns nothing). */
export const DEFAULT_CAP_FACTOR = 1;
/** The status margin never goes below one visit-equivalent (domain.md, Tracking: status floor). */
export const STATUS_FLOOR = 1;

/** Σ count × weight over the given channels (channels absent from `counts` count 0). */
export function weighted(counts: ChannelCounts, channels: readonly Channel[]): VisitEquivalents {
  let sum = 0;
  for (const ch of channels) sum += (counts[ch.id] ?? 0) * ch.weight;
  return visitEquivalents(sum);
}

/** Planned to date = planned × e. */
export const plannedToDate = (planned: number, share: number): number => planned * share;

/** Pace = actual / planned to date, both weighted; null when nothing is due yet (planned to date 0). */
export function paceOf(actual: number, planned: number, share: number): number | null {
  const due = plannedToDate(planned, share);
  return due > 0 ? actual / due : null;
}

/** margin = max(τ × planned to date, 1 visit-equivalent). */
export const statusMargin = (due: number, tolerance = DEFAULT_TOLERANCE): number =>
  Math.max(tolerance * due, STATUS_FLOOR);

/**
 * Weighted sums equal in exact arithmetic differ by a few ulps with the order they were added in
 * (ten contacts of 0.1 against 1.0; the store sums contacts in SQL): a status is decided only beyond
 * this relative slack, so a client exactly at planned to date ± margin stays on track wherever it is
 * computed (pane, CLI, functions, the store's SQL).
 */
export const STATUS_EPSILON = 1e-9;

/** The slack added to the margin: STATUS_EPSILON × the larger of actual, planned to date and 1. */
export const statusSlack = (actual: number, due: number): number => STATUS_EPSILON * Math.max(actual, due, 1);

/**
 * With margin = max(τ × planned to date, 1): Under if actual < planned to date − margin, Over if
 * actual > planned to date + margin, otherwise OnTrack (all weighted). A client without a plan
 * (weighted planned 0) is NoPlan. `due` is the weighted planned to date (planned × e).
 */
export function statusOf(
  actual: number,
  due: number,
  planned: number,
  tolerance = DEFAULT_TOLERANCE,
): TrackingStatus {
  if (!(planned > 0)) return "NoPlan";
  const bound = statusMargin(due, tolerance) + statusSlack(actual, due);
  if (actual < due - bound) return "Under";
  if (actual > due + bound) return "Over";
  return "OnTrack";
}

/**
 * Earned, per client in visit-equivalents over all channels: min(weighted actual, capFactor ×
 * weighted planned). A contact on a channel the plan did not foresee earns with its weight.
 */
export const earnedOf = (actual: number, planned: number, capFactor = DEFAULT_CAP_FACTOR): number =>
  Math.min(actual, capFactor * planned);

/**
 * Overdue when the days since the last contact exceed 365 / planned visits per year. Planned visits
 * are the visit channel's count; a client planned only on other channels uses its total planned
 * contacts. A never-contacted client with a plan is overdue; a client without a plan never is.
 */
export function isOverdue(daysSinceLastContact: number | null, plannedVisits: number): boolean {
  if (!(plannedVisits > 0)) return false;
  if (daysSinceLastContact === null) return true;
  return daysSinceLastContact > 365 / plannedVisits;
}

/** The count overdue uses: planned visits, else all planned contacts. */
export function overdueBasis(planned: ChannelCounts, channels: readonly Channel[]): number {
  const visits = planned.visit ?? 0;
  if (visits > 0) return visits;
  let total = 0;
  for (const ch of channels) total += planned[ch.id] ?? 0;
  return total;
}

/** A client's remaining contacts of a channel: max(0, planned − done) (domain.md, Tracking and re-forecast). */
export const remainingOf = (planned: number, done: number): number => Math.max(0, planned - done);

/**
 * Catch-up = remaining planned contacts / remaining working days (contacts per working day).
 * 0 when nothing remains; null when contacts remain but no working day does.
 */
export function catchUpOf(remaining: number, remainingDays: number): number | null {
  if (!(remaining > 0)) return 0;
  return remainingDays > 0 ? remaining / remainingDays : null;
}

export function checkTolerance(tolerance: number): void {
  if (!(Number.isFinite(tolerance) && tolerance >= 0 && tolerance < 1)) {
    throw new InvalidOptionError("tolerance", tolerance, { kind: "range", min: 0, max: 1, maxOpen: true });
  }
}

export function checkCapFactor(capFactor: number, option = "capFactor"): void {
  if (!(Number.isFinite(capFactor) && capFactor >= 1)) {
    throw new InvalidOptionError(option, capFactor, { kind: "atLeast", bound: 1 });
  }
}
