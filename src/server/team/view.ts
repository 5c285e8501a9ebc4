/**
 * The team view (per rep and segment) and the N+1 view (per manager, with rituals) of a manager's
 * subtree for a year and an as-of date. Sums come from SQL; ratios and roll-ups are computed here.
 */
import type { Kysely } from "kysely";
import * as calendar from "../../core/calendar";
import * as consolidation from "../../core/consolidation";
import * as rules from "../../core/tracking/rules";
import type {
  CoherenceFlag,
  TeamFigures,
  ManagerView,
  RepView,
  TeamView,
  TeamViewQuery,
} from "../../contract";
import type { DB, PeopleTable } from "../db/schema";
import { subordinateIds } from "../people";
import { addSums, emptySums, teamFiguresOf, type Sums } from "./figures";
import { loose } from "../changes/sequence";
import { aggregateSegments, rituals } from "./query";

export const DEFAULT_TOLERANCE = rules.DEFAULT_TOLERANCE;

/** Working days elapsed from Jan 1 to asOf (inclusive) over the year's working days (France). */
export function elapsedShare(year: number, asOf: string): number {
  const cal = calendar.createWorkCalendar({ country: "FR" });
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const total = cal.workingDaysBetween(start, end);
  if (asOf < start || total === 0) return 0;
  return cal.workingDaysBetween(start, asOf < end ? asOf : end) / total;
}

function weightedCapacity(json: string | null): number | null {
  if (json === null) return null;
  const doc = JSON.parse(json) as unknown;
  if (typeof doc !== "object" || doc === null || !("weighted" in doc)) return null;
  return typeof doc.weighted === "number" && Number.isFinite(doc.weighted) ? doc.weighted : null;
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
  const reps = people.filter((p) => p.role === "rep");
  const repIds = reps.map((r) => r.id);
  const asOf = query.asOf ?? new Date().toISOString().slice(0, 10);
  const share = elapsedShare(query.year, asOf);
  const [segments, plans, ritual] = await Promise.all([
    aggregateSegments(db, {
      repIds,
      year: query.year,
      asOf,
      elapsedShare: share,
      tolerance: query.tolerance ?? DEFAULT_TOLERANCE,
    }),
    repIds.length
      ? loose(db)
          .selectFrom("plans")
          .select(["rep_id", "capacity"])
          .where("rep_id", "in", repIds)
          .where("year", "=", query.year)
          .where("deleted", "=", 0)
          .execute()
      : Promise.resolve([]),
    rituals(db, repIds, asOf),
  ]);
  const capacityByRep = new Map<string, number>();
  for (const plan of plans) {
    const repId = String(plan.rep_id);
    const weighted = weightedCapacity(plan.capacity === null ? null : String(plan.capacity));
    if (weighted !== null) capacityByRep.set(repId, (capacityByRep.get(repId) ?? 0) + weighted);
  }
  const repSums = new Map<string, { total: Sums; segments: Map<string, Sums> }>();
  for (const s of segments) {
    const entry = repSums.get(s.repId) ?? { total: emptySums(), segments: new Map<string, Sums>() };
    const { repId: _r, segment, ...sums } = s;
    entry.segments.set(segment, addSums(emptySums(), sums));
    addSums(entry.total, sums);
    repSums.set(s.repId, entry);
  }
  const repViews: RepView[] = reps.map((rep) => {
    const entry = repSums.get(rep.id);
    const capacity = capacityByRep.get(rep.id) ?? null;
    const totals = teamFiguresOf(entry?.total ?? emptySums(), capacity);
    const segmentFigures: Record<string, TeamFigures> = {};
    for (const [segment, sums] of entry?.segments ?? []) segmentFigures[segment] = teamFiguresOf(sums, null);
    const u = totals.utilisation;
    return {
      repId: rep.id,
      name: rep.name,
      managerId: rep.reports_to,
      totals,
      segments: segmentFigures,
      utilisationFlag: u !== null && (u < 0.9 || u > 1.1),
    };
  });
  const managers = everyone.filter((p) => p.role === "manager" || p.role === "director");
  const childrenOf = new Map<string, string[]>();
  for (const p of everyone)
    if (p.reports_to !== null) childrenOf.set(p.reports_to, [...(childrenOf.get(p.reports_to) ?? []), p.id]);
  const repById = new Map(repViews.map((r) => [r.repId, r]));
  const managerViews: ManagerView[] = managers.map((m) => {
    const stack = [...(childrenOf.get(m.id) ?? [])];
    const sums = emptySums();
    let capacity: number | null = null;
    let repCount = 0;
    let open = 0;
    let overdue = 0;
    while (stack.length) {
      const id = stack.pop() as string;
      stack.push(...(childrenOf.get(id) ?? []));
      const rep = repById.get(id);
      if (!rep) continue;
      repCount += 1;
      addSums(sums, repSums.get(id)?.total ?? emptySums());
      const cap = capacityByRep.get(id);
      if (cap !== undefined) capacity = (capacity ?? 0) + cap;
      open += ritual.actionsByRep.get(id)?.open ?? 0;
      overdue += ritual.actionsByRep.get(id)?.overdue ?? 0;
    }
    return {
      managerId: m.id,
      name: m.name,
      reps: repCount,
      totals: teamFiguresOf(sums, capacity),
      reviewsThisMonth: ritual.reviewsByManager.get(m.id) ?? 0,
      actionsOpen: open,
      actionsOverdue: overdue,
    };
  });
  const coherence = coherenceOf(reps, repSums, capacityByRep);
  const all = emptySums();
  let capacity: number | null = null;
  for (const [id, entry] of repSums) {
    addSums(all, entry.total);
    const cap = capacityByRep.get(id);
    if (cap !== undefined) capacity = (capacity ?? 0) + cap;
  }
  return {
    managerId,
    year: query.year,
    asOf,
    elapsedShare: share,
    reps: repViews,
    managers: managerViews,
    totals: teamFiguresOf(all, capacity),
    coherence,
  };
}

/**
 * The core's coherence rules over the SQL sums: a rep's intensity per segment against the team median,
 * and utilisation. Names stand in the messages (they are unique), ids in `repId`.
 */
function coherenceOf(
  reps: readonly PeopleTable[],
  repSums: ReadonlyMap<string, { total: Sums; segments: Map<string, Sums> }>,
  capacityByRep: ReadonlyMap<string, number>,
): CoherenceFlag[] {
  const idByName = new Map(reps.map((r) => [r.name, r.id]));
  const input: consolidation.CoherenceRep[] = reps.map((rep) => {
    const entry = repSums.get(rep.id);
    const bySegment: consolidation.SegmentFigures = {};
    for (const [segment, sums] of entry?.segments ?? []) {
      bySegment[segment] = {
        ...consolidation.emptyFigures(),
        clients: sums.clients,
        plannedWeighted: sums.plannedWeighted,
      };
    }
    return {
      repId: rep.name,
      plannedWeighted: entry?.total.plannedWeighted ?? 0,
      capacityWeighted: capacityByRep.get(rep.id) ?? 0,
      bySegment,
    };
  });
  return consolidation.coherenceFlags(input).map((f) => ({ ...f, repId: idByName.get(f.repId) ?? f.repId }));
}
