/**
 * The team view (per rep and segment) and the N+1 view (per manager, with rituals) of a manager's
 * subtree for a year and an as-of date. SQL sums each rep × segment under the core's rules
 * (query.ts); the core builds the views from those sums (consolidation.consolidateSums, reports,
 * rituals), so the store reports what `cadence consolidate` reports for the same rows.
 * Each rep's elapsed share follows the rep's own calendar (the plan's country and region).
 */
import type { Kysely } from "kysely";
import * as calendar from "../../core/calendar";
import * as consolidation from "../../core/consolidation";
import * as tracking from "../../core/tracking";
import { DEFAULT_CHANNELS } from "../../core/types";
import type { ManagerView, RepView, TeamView, TeamViewQuery } from "../../contract";
import type { DB, PeopleTable } from "../db/schema";
import { subordinateIds } from "../people";
import { aggregateSegments, ritualRows, type SegmentSums } from "./query";

export const DEFAULT_TOLERANCE = tracking.DEFAULT_TOLERANCE;

/** What a rep's plan of the year says about capacity and calendar (plans.capacity, a JSON document). */
export interface PlanCapacity {
  /** Contacts the rep can make in the year, per channel (numeric keys named after a channel). */
  capacity: Record<string, number>;
  country: string;
  region: string | null;
}

const CHANNEL_IDS = new Set(DEFAULT_CHANNELS.map((c) => c.id));

/**
 * Reads a plan's capacity document: `{ "visit": 828, "call": 400, "country": "FR", "region": "67" }`
 * (channel counts also accepted under `perChannel`). Anything unreadable is left out, never a 500.
 */
export function planCapacityOf(json: string | null): PlanCapacity {
  const out: PlanCapacity = { capacity: {}, country: "FR", region: null };
  if (json === null) return out;
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    return out;
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return out;
  const record = doc as Record<string, unknown>;
  const nested = record.perChannel;
  const sources = [
    record,
    typeof nested === "object" && nested !== null ? (nested as Record<string, unknown>) : {},
  ];
  for (const source of sources) {
    for (const [key, value] of Object.entries(source)) {
      if (CHANNEL_IDS.has(key) && typeof value === "number" && Number.isFinite(value) && value >= 0)
        out.capacity[key] = value;
    }
  }
  if (typeof record.country === "string" && record.country.trim() !== "") out.country = record.country.trim();
  if (typeof record.region === "string" && record.region.trim() !== "") out.region = record.region.trim();
  return out;
}

/**
 * Working days elapsed from Jan 1 to asOf (inclusive) over the year's working days, on the rep's
 * calendar (core tracking.elapsedShare). An unknown country or region falls back to France's calendar.
 */
export function elapsedShare(
  year: number,
  asOf: string,
  country = "FR",
  region: string | null = null,
): number {
  let cal: calendar.WorkCalendar;
  try {
    cal = calendar.createWorkCalendar({ country, region });
  } catch {
    cal = calendar.createWorkCalendar({ country: "FR" });
  }
  return tracking.elapsedShare({ start: `${year}-01-01`, end: `${year}-12-31` }, asOf, cal).share;
}

function segmentLine(segment: string, f: consolidation.Figures): RepView["segments"][number] {
  const ratios = consolidation.ratiosOf(f);
  const planned: Record<string, number> = { ...f.planned, weighted: f.plannedWeighted };
  return {
    segment,
    clients: f.clients,
    capacity: {},
    planned: planned,
    utilisation: {},
    earned: f.earnedWeighted,
    attainment: ratios.attainment,
    reach: ratios.reach,
    coverage: ratios.coverage,
    under: f.under,
    over: f.over,
    saturatedTop: f.saturatedTopAccounts,
    neglectedAtRisk: f.neglectedAtRisk,
    flags: [],
  };
}

async function repPlans(db: Kysely<DB>, repIds: readonly string[], year: number) {
  const rows = repIds.length
    ? await db
        .selectFrom("plans")
        .select(["rep_id", "capacity"])
        .where("rep_id", "in", repIds)
        .where("year", "=", year)
        .where("deleted", "=", 0)
        .orderBy("id")
        .execute()
    : [];
  const byRep = new Map<string, PlanCapacity>();
  for (const row of rows) {
    const repId = row.rep_id;
    const plan = planCapacityOf(row.capacity);
    const known = byRep.get(repId);
    // Several plans of one rep and year: capacities add up, the first plan's calendar stands.
    if (known === undefined) byRep.set(repId, plan);
    else
      for (const [ch, n] of Object.entries(plan.capacity)) known.capacity[ch] = (known.capacity[ch] ?? 0) + n;
  }
  return byRep;
}

export async function teamView(
  db: Kysely<DB>,
  managerId: string,
  query: TeamViewQuery,
): Promise<TeamView | null> {
  const root = await db.selectFrom("people").selectAll().where("id", "=", managerId).executeTakeFirst();
  if (!root) return null;
  const below = await subordinateIds(db, managerId);
  const people = below.length
    ? await db.selectFrom("people").selectAll().where("id", "in", below).execute()
    : [];
  const everyone: PeopleTable[] = [root, ...people];
  const reps = people
    .filter((p) => p.role === "rep")
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const repIds = reps.map((r) => r.id);
  const asOf = query.asOf ?? new Date().toISOString().slice(0, 10);
  const tolerance = query.tolerance ?? DEFAULT_TOLERANCE;
  const plans = await repPlans(db, repIds, query.year);
  // One query per calendar (usually one or two): the elapsed share is the rep's own.
  // One calendar built per place, not per rep (a calendar costs ~0.1 ms of holiday rules).
  const shareOfPlace = new Map<string, number>();
  const byShare = new Map<number, string[]>();
  const shareOf = new Map<string, number>();
  for (const id of repIds) {
    const plan = plans.get(id);
    const place = `${plan?.country ?? ""}\u0000${plan?.region ?? ""}`;
    let share = shareOfPlace.get(place);
    if (share === undefined) {
      share = elapsedShare(query.year, asOf, plan?.country, plan?.region);
      shareOfPlace.set(place, share);
    }
    shareOf.set(id, share);
    const group = byShare.get(share);
    if (group === undefined) byShare.set(share, [id]);
    else group.push(id);
  }
  const [segmentGroups, rituals] = await Promise.all([
    Promise.all(
      [...byShare].map(([share, ids]) =>
        aggregateSegments(db, { repIds: ids, year: query.year, asOf, elapsedShare: share, tolerance }),
      ),
    ),
    ritualRows(db, repIds, asOf),
  ]);
  const bySegment = new Map<string, consolidation.SegmentFigures>();
  for (const s of segmentGroups.flat<SegmentSums[][]>()) {
    const entry = bySegment.get(s.repId) ?? {};
    entry[s.segment] = s.figures;
    bySegment.set(s.repId, entry);
  }
  const sums = new Map<string, consolidation.RepSums>(
    reps.map((rep) => [
      rep.id,
      {
        repId: rep.id,
        repName: rep.name,
        managerId: rep.reports_to,
        capacity: plans.get(rep.id)?.capacity ?? {},
        bySegment: bySegment.get(rep.id) ?? {},
      },
    ]),
  );
  const team = consolidation.consolidateSums([...sums.values()]);
  const report = consolidation.teamReport(team, query.year, asOf, root.name);
  const repViews: RepView[] = team.reps.map((rep, i) => ({
    ...report.reps[i],
    repId: rep.repId,
    managerId: rep.managerId,
    contactedOutsidePlan: rep.total.contactedOutsidePlan,
    elapsedShare: shareOf.get(rep.repId) ?? 0,
    segments: rep.segments.map((s) => segmentLine(s.segment, s.figures)),
  }));
  return {
    managerId,
    year: query.year,
    asOf,
    reps: repViews,
    team: report.team,
    managers: managerViews(everyone, root, sums, rituals, asOf),
  };
}

/** One N+1 line per manager of the subtree (the root too when a manager): the team below them, the rituals. */
function managerViews(
  everyone: readonly PeopleTable[],
  root: PeopleTable,
  sums: ReadonlyMap<string, consolidation.RepSums>,
  rituals: { reviews: consolidation.Review[]; actions: consolidation.ActionItem[] },
  asOf: string,
): ManagerView[] {
  const childrenOf = new Map<string, string[]>();
  for (const p of everyone)
    if (p.reports_to !== null) childrenOf.set(p.reports_to, [...(childrenOf.get(p.reports_to) ?? []), p.id]);
  const managers = everyone
    .filter((p) => p.role === "manager" || (p.role === "director" && p.id !== root.id))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return managers.map((m): ManagerView => {
    const stack = [...(childrenOf.get(m.id) ?? [])];
    const mine: consolidation.RepSums[] = [];
    while (stack.length) {
      const id = stack.pop() as string;
      stack.push(...(childrenOf.get(id) ?? []));
      const rep = sums.get(id);
      if (rep !== undefined) mine.push(rep);
    }
    const team = consolidation.consolidateSums(mine);
    const ritual = consolidation.ritualsOf(
      m.id,
      mine.map((r) => r.repId),
      rituals.reviews,
      rituals.actions,
      asOf,
    );
    return { ...consolidation.managerReport(m.name, team, ritual), managerId: m.id };
  });
}
