/**
 * Portfolio KPIs from per-client tracking (domain.md, Tracking through the year):
 * - attainment = Σ weighted earned / Σ weighted planned (the year's plan, as the domain defines it);
 *   attainmentToDate = Σ weighted earned / Σ weighted planned to date (are we where we should be today);
 * - reach = planned clients with ≥ 1 contact / clients with a plan > 0 (so reach ≤ 1);
 * - frequency = contacts / clients reached, both over every tracked client (unplanned prospects too);
 * - coverage = planned clients whose status is not Under / clients with a plan;
 * - saturatedTopAccounts (Retain and Over), neglectedAtRisk (At risk and Under), overdue: client ids, sorted;
 * - impact: Σ salesN / Σ salesN1 − 1 of clients at or above plan (OnTrack, Over) vs below (Under).
 */
import type { SegmentId } from "../types";
import type { Concentration } from "./concentration";
import { concentrationOf } from "./concentration";
import type { ClientTracking, TrackingResult } from "./track";

export interface GroupTrend {
  clients: number;
  salesN: number;
  salesN1: number;
  /** Σ salesN / Σ salesN1 − 1; null when Σ salesN1 is 0. */
  trend: number | null;
}

export interface PortfolioKpis {
  asOf: string;
  elapsedShare: number;
  clients: number;
  plannedClients: number;
  plannedWeighted: number;
  plannedToDate: number;
  actualWeighted: number;
  earnedWeighted: number;
  attainment: number | null;
  attainmentToDate: number | null;
  /** Weighted actual / weighted planned to date, uncapped. */
  pace: number | null;
  contacts: number;
  reached: number;
  reach: number | null;
  frequency: number | null;
  coverage: number | null;
  counts: { Under: number; OnTrack: number; Over: number; NoPlan: number };
  concentration: Concentration;
  saturatedTopAccounts: string[];
  neglectedAtRisk: string[];
  overdue: string[];
  impact: { atOrAbovePlan: GroupTrend; belowPlan: GroupTrend };
}

export interface KpiOptions {
  /** Segment ids of the two symptoms; defaults "retain" and "atRisk". */
  retainSegment?: SegmentId;
  atRiskSegment?: SegmentId;
}

const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);
const sortIds = (ids: string[]): string[] => ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

function groupTrend(clients: readonly ClientTracking[]): GroupTrend {
  let salesN = 0;
  let salesN1 = 0;
  for (const c of clients) {
    salesN += c.salesN ?? 0;
    salesN1 += c.salesN1 ?? 0;
  }
  return { clients: clients.length, salesN, salesN1, trend: salesN1 > 0 ? salesN / salesN1 - 1 : null };
}

export function portfolioKpis(result: TrackingResult, options: KpiOptions = {}): PortfolioKpis {
  const retain = options.retainSegment ?? "retain";
  const atRisk = options.atRiskSegment ?? "atRisk";
  const counts = { Under: 0, OnTrack: 0, Over: 0, NoPlan: 0 };
  let plannedWeighted = 0;
  let plannedToDate = 0;
  let actualWeighted = 0;
  let earnedWeighted = 0;
  let contacts = 0;
  let contacted = 0;
  let reached = 0;
  const saturatedTopAccounts: string[] = [];
  const neglectedAtRisk: string[] = [];
  const overdue: string[] = [];
  for (const c of result.clients) {
    counts[c.status]++;
    plannedWeighted += c.plannedWeighted;
    plannedToDate += c.plannedToDate;
    actualWeighted += c.actualWeighted;
    earnedWeighted += c.earnedWeighted;
    contacts += c.contacts;
    if (c.contacts > 0) contacted++;
    if (c.contacts > 0 && c.status !== "NoPlan") reached++;
    if (c.segment === retain && c.status === "Over") saturatedTopAccounts.push(c.id);
    if (c.segment === atRisk && c.status === "Under") neglectedAtRisk.push(c.id);
    if (c.overdue) overdue.push(c.id);
  }
  const plannedClients = result.clients.length - counts.NoPlan;
  const above = result.clients.filter((c) => c.status === "OnTrack" || c.status === "Over");
  const below = result.clients.filter((c) => c.status === "Under");
  return {
    asOf: result.asOf,
    elapsedShare: result.elapsed.share,
    clients: result.clients.length,
    plannedClients,
    plannedWeighted,
    plannedToDate,
    actualWeighted,
    earnedWeighted,
    attainment: ratio(earnedWeighted, plannedWeighted),
    attainmentToDate: ratio(earnedWeighted, plannedToDate),
    pace: ratio(actualWeighted, plannedToDate),
    contacts,
    reached,
    reach: ratio(reached, plannedClients),
    frequency: ratio(contacts, contacted),
    coverage: ratio(plannedClients - counts.Under, plannedClients),
    counts,
    concentration: concentrationOf(
      result.clients.map((c) => ({
        id: c.id,
        salesN: c.salesN,
        potential: c.potential,
        effort: c.actualWeighted,
      })),
    ),
    saturatedTopAccounts: sortIds(saturatedTopAccounts),
    neglectedAtRisk: sortIds(neglectedAtRisk),
    overdue: sortIds(overdue),
    impact: { atOrAbovePlan: groupTrend(above), belowPlan: groupTrend(below) },
  };
}
