/**
 * The core as the oracle of the store's team and N+1 views: the store's rows read back and given to
 * the core (tracking.trackClients per rep on the rep's calendar, consolidation.consolidateTeam,
 * teamReport, ritualsOf, managerReport), as `cadence consolidate` would for the same data.
 */
import { sql, type Kysely } from "kysely";
import type { TeamView } from "../../../src/contract";
import * as calendar from "../../../src/core/calendar";
import * as consolidation from "../../../src/core/consolidation";
import * as tracking from "../../../src/core/tracking";
import type { DB } from "../../../src/server/db/schema";
import { planCapacityOf } from "../../../src/server/team/view";

interface Row extends Record<string, unknown> {
  id: string;
  rep_id: string;
  deleted: number;
}

const num = (x: unknown): number | null => (x === null || x === undefined ? null : Number(x));

export interface OraclePerson {
  id: string;
  name: string;
  role: string;
  reports_to: string | null;
}

export interface Oracle {
  /** The core's report per rep, with the rep's elapsed share (core tracking.elapsedShare, own calendar). */
  reps: (consolidation.RepReport & { elapsedShare: number })[];
  team: consolidation.FiguresReport;
  managers: (consolidation.ManagerReport & { managerId: string })[];
}

/** The core's figures for `rootId`'s subtree, from the rows of the database. */
export async function coreOracle(
  db: Kysely<DB>,
  rootId: string,
  year: number,
  asOf: string,
  tolerance = tracking.DEFAULT_TOLERANCE,
): Promise<Oracle> {
  const people = (await sql<OraclePerson>`select id, name, role, reports_to from people`.execute(db)).rows;
  const childrenOf = new Map<string, string[]>();
  for (const p of people)
    if (p.reports_to !== null) childrenOf.set(p.reports_to, [...(childrenOf.get(p.reports_to) ?? []), p.id]);
  const below = (id: string): string[] => {
    const out: string[] = [];
    const stack = [...(childrenOf.get(id) ?? [])];
    while (stack.length) {
      const next = stack.pop() as string;
      out.push(next);
      stack.push(...(childrenOf.get(next) ?? []));
    }
    return out;
  };
  const byId = new Map(people.map((p) => [p.id, p]));
  const repsOf = (id: string) =>
    below(id)
      .map((x) => byId.get(x)!)
      .filter((p) => p.role === "rep");
  const clients = (await sql<Row>`select * from clients where deleted = 0 and year = ${year}`.execute(db))
    .rows;
  const contacts = (await sql<Row>`select * from contacts where deleted = 0`.execute(db)).rows;
  const plans = (
    await sql<Row>`select * from plans where deleted = 0 and year = ${year} order by id`.execute(db)
  ).rows;
  const reviews = (await sql<Row>`select * from reviews where deleted = 0`.execute(db)).rows;
  const actions = (await sql<Row>`select * from actions where deleted = 0`.execute(db)).rows;

  const shares = new Map<string, number>();
  const repInput = (rep: OraclePerson): consolidation.RepInput => {
    const mine = plans
      .filter((p) => p.rep_id === rep.id)
      .map((p) => planCapacityOf(typeof p.capacity === "string" ? p.capacity : null));
    const capacity: Record<string, number> = {};
    for (const p of mine)
      for (const [ch, n] of Object.entries(p.capacity)) capacity[ch] = (capacity[ch] ?? 0) + n;
    const plan: tracking.PlanRow[] = clients
      .filter((c) => c.rep_id === rep.id)
      .map((c) => ({
        id: c.id,
        segment: typeof c.segment === "string" ? c.segment : "",
        planned: {
          visit: num(c.planned_visit) ?? 0,
          video: num(c.planned_video) ?? 0,
          call: num(c.planned_call) ?? 0,
          digital: num(c.planned_digital) ?? 0,
        },
        plannedWeighted: num(c.planned_weighted),
        capFactor: num(c.cap_factor),
        salesN: null,
        salesN1: null,
        potential: null,
      }));
    const ids = new Set(plan.map((p) => p.id));
    const cal = calendar.createWorkCalendar({
      country: mine[0]?.country ?? "FR",
      region: mine[0]?.region ?? null,
    });
    const tracked = tracking.trackClients({
      plan,
      contacts: contacts
        .filter((k) => ids.has(String(k.client_id)))
        .map((k) => ({
          clientId: String(k.client_id),
          date: typeof k.date === "string" ? k.date : "",
          channel: typeof k.channel === "string" ? k.channel : "",
          weight: num(k.weight),
        })),
      period: { start: `${year}-01-01`, end: `${year}-12-31` },
      asOf,
      calendar: cal,
      options: { tolerance },
    });
    const period = { start: `${year}-01-01`, end: `${year}-12-31` };
    shares.set(rep.id, tracking.elapsedShare(period, asOf, cal).share);
    return {
      repId: rep.id,
      repName: rep.name,
      managerId: rep.reports_to,
      capacity,
      clients: tracked.clients,
    };
  };

  const root = byId.get(rootId)!;
  const reps = repsOf(rootId);
  const inputs = new Map(reps.map((r) => [r.id, repInput(r)]));
  const team = consolidation.consolidateTeam([...inputs.values()]);
  const report = consolidation.teamReport(team, year, asOf, root.name);
  const reviewItems = reviews
    .filter((r) => r.manager_id !== null)
    .map((r) => ({
      managerId: String(r.manager_id),
      repId: r.rep_id,
      date: typeof r.date === "string" ? r.date : "",
    }));
  const actionItems = actions.map((a) => ({
    owner: a.rep_id,
    dueDate: typeof a.due_date === "string" ? a.due_date : null,
    status: typeof a.status === "string" ? a.status : "",
  }));
  const managers = [root, ...below(rootId).map((x) => byId.get(x)!)]
    .filter((p) => p.role === "manager" || (p.role === "director" && p.id !== rootId))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((m) => {
      const mine = repsOf(m.id).map((r) => inputs.get(r.id)!);
      const rituals = consolidation.ritualsOf(
        m.id,
        mine.map((r) => r.repId),
        reviewItems,
        actionItems,
        asOf,
      );
      return {
        ...consolidation.managerReport(m.name, consolidation.consolidateTeam(mine), rituals),
        managerId: m.id,
      };
    });
  return {
    reps: report.reps.map((r, i) => ({ ...r, elapsedShare: shares.get(team.reps[i]?.repId ?? "") ?? NaN })),
    team: report.team,
    managers,
  };
}

/** Numbers rounded to 1e-9 (float sums depend on their order: SQL adds contacts one by one). */
export function rounded<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (_k, v: unknown) => (typeof v === "number" ? Math.round(v * 1e9) / 1e9 : v)),
  ) as T;
}

/** The view projected on the oracle's keys: the shapes (extra store fields left out). */
export function projected(view: TeamView): Oracle {
  return {
    reps: view.reps.map(
      ({ repId: _r, managerId: _m, contactedOutsidePlan: _c, segments: _s, ...rest }) => rest,
    ),
    team: view.team,
    managers: view.managers,
  };
}
