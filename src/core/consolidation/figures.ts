/**
 * The figures of a group of tracked clients as plain sums (numerators and denominators), so that
 * groups merge by adding: merging reps one by one gives the same figures as taking them all at once.
 * Ratios are derived from the sums at the end, never averaged.
 */
import type { ChannelCounts, SegmentId } from "../types";
import type { ClientTracking } from "../tracking";

export interface Figures {
  clients: number;
  /** Clients with a weighted plan > 0. */
  plannedClients: number;
  planned: ChannelCounts;
  plannedWeighted: number;
  plannedToDate: number;
  actual: ChannelCounts;
  actualWeighted: number;
  earnedWeighted: number;
  contacts: number;
  /** Clients with ≥ 1 contact (planned or not), the denominator of frequency. */
  contactedClients: number;
  /** Planned clients with ≥ 1 contact, the numerator of reach. */
  reached: number;
  /** Clients without a plan that had ≥ 1 contact: counted apart, never in reach. */
  contactedOutsidePlan: number;
  under: number;
  onTrack: number;
  over: number;
  noPlan: number;
  saturatedTopAccounts: number;
  neglectedAtRisk: number;
  overdue: number;
}

export interface Ratios {
  /** Σ weighted earned / Σ weighted planned. */
  attainment: number | null;
  /** Σ weighted earned / Σ weighted planned to date. */
  attainmentToDate: number | null;
  /** Σ weighted actual / Σ weighted planned to date. */
  pace: number | null;
  reach: number | null;
  frequency: number | null;
  /** Planned clients not Under / planned clients. */
  coverage: number | null;
  /** Weighted planned per client (visit-equivalents per client per period). */
  intensity: number | null;
}

export interface SymptomSegments {
  retain: SegmentId;
  atRisk: SegmentId;
}

export const DEFAULT_SYMPTOM_SEGMENTS: SymptomSegments = { retain: "retain", atRisk: "atRisk" };

export function emptyFigures(): Figures {
  return {
    clients: 0,
    plannedClients: 0,
    planned: {},
    plannedWeighted: 0,
    plannedToDate: 0,
    actual: {},
    actualWeighted: 0,
    earnedWeighted: 0,
    contacts: 0,
    contactedClients: 0,
    reached: 0,
    contactedOutsidePlan: 0,
    under: 0,
    onTrack: 0,
    over: 0,
    noPlan: 0,
    saturatedTopAccounts: 0,
    neglectedAtRisk: 0,
    overdue: 0,
  };
}

export function addCounts(a: ChannelCounts, b: ChannelCounts): ChannelCounts {
  const out: ChannelCounts = { ...a };
  for (const [id, n] of Object.entries(b)) out[id] = (out[id] ?? 0) + (n ?? 0);
  return out;
}

/** Adds one tracked client into `f` (mutates `f`, for building a group in one pass). */
export function addClient(
  f: Figures,
  c: ClientTracking,
  symptoms: SymptomSegments = DEFAULT_SYMPTOM_SEGMENTS,
): void {
  f.clients++;
  if (c.status !== "NoPlan") f.plannedClients++;
  for (const [id, n] of Object.entries(c.planned)) f.planned[id] = (f.planned[id] ?? 0) + (n ?? 0);
  for (const [id, n] of Object.entries(c.actual)) f.actual[id] = (f.actual[id] ?? 0) + (n ?? 0);
  f.plannedWeighted += c.plannedWeighted;
  f.plannedToDate += c.plannedToDate;
  f.actualWeighted += c.actualWeighted;
  f.earnedWeighted += c.earnedWeighted;
  f.contacts += c.contacts;
  if (c.contacts > 0) f.contactedClients++;
  if (c.contacts > 0 && c.status !== "NoPlan") f.reached++;
  if (c.contacts > 0 && c.status === "NoPlan") f.contactedOutsidePlan++;
  if (c.status === "Under") f.under++;
  else if (c.status === "OnTrack") f.onTrack++;
  else if (c.status === "Over") f.over++;
  else f.noPlan++;
  if (c.segment === symptoms.retain && c.status === "Over") f.saturatedTopAccounts++;
  if (c.segment === symptoms.atRisk && c.status === "Under") f.neglectedAtRisk++;
  if (c.overdue) f.overdue++;
}

export function figuresOf(clients: readonly ClientTracking[], symptoms?: SymptomSegments): Figures {
  const f = emptyFigures();
  for (const c of clients) addClient(f, c, symptoms);
  return f;
}

export function mergeFigures(a: Figures, b: Figures): Figures {
  return {
    clients: a.clients + b.clients,
    plannedClients: a.plannedClients + b.plannedClients,
    planned: addCounts(a.planned, b.planned),
    plannedWeighted: a.plannedWeighted + b.plannedWeighted,
    plannedToDate: a.plannedToDate + b.plannedToDate,
    actual: addCounts(a.actual, b.actual),
    actualWeighted: a.actualWeighted + b.actualWeighted,
    earnedWeighted: a.earnedWeighted + b.earnedWeighted,
    contacts: a.contacts + b.contacts,
    contactedClients: a.contactedClients + b.contactedClients,
    reached: a.reached + b.reached,
    contactedOutsidePlan: a.contactedOutsidePlan + b.contactedOutsidePlan,
    under: a.under + b.under,
    onTrack: a.onTrack + b.onTrack,
    over: a.over + b.over,
    noPlan: a.noPlan + b.noPlan,
    saturatedTopAccounts: a.saturatedTopAccounts + b.saturatedTopAccounts,
    neglectedAtRisk: a.neglectedAtRisk + b.neglectedAtRisk,
    overdue: a.overdue + b.overdue,
  };
}

const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);

export function ratiosOf(f: Figures): Ratios {
  return {
    attainment: ratio(f.earnedWeighted, f.plannedWeighted),
    attainmentToDate: ratio(f.earnedWeighted, f.plannedToDate),
    pace: ratio(f.actualWeighted, f.plannedToDate),
    reach: ratio(f.reached, f.plannedClients),
    frequency: ratio(f.contacts, f.contactedClients),
    coverage: ratio(f.plannedClients - f.under, f.plannedClients),
    intensity: ratio(f.plannedWeighted, f.clients),
  };
}

/** Figures per segment id, merged key by key. */
export type SegmentFigures = Record<SegmentId, Figures>;

export function mergeSegmentFigures(a: SegmentFigures, b: SegmentFigures): SegmentFigures {
  const out: SegmentFigures = { ...a };
  for (const [segment, f] of Object.entries(b)) {
    out[segment] = Object.hasOwn(out, segment) ? mergeFigures(out[segment], f) : f;
  }
  return out;
}

export function segmentFiguresOf(
  clients: readonly ClientTracking[],
  symptoms?: SymptomSegments,
): SegmentFigures {
  const out: SegmentFigures = {};
  for (const c of clients) {
    if (!Object.hasOwn(out, c.segment)) out[c.segment] = emptyFigures();
    addClient(out[c.segment], c, symptoms);
  }
  return out;
}
