/**
 * The consolidation's heavy lifting in SQL: one pass over clients and contacts grouped by rep and
 * segment, with each client's status decided in the database (portable SQL for both dialects).
 */
import { sql, type Kysely } from "kysely";
import { DEFAULT_CHANNELS } from "../../core/types";
import type { DB } from "../db/schema";
import { emptySums, type Sums } from "./figures";

export interface SegmentSums extends Sums {
  repId: string;
  segment: string;
}

export interface AggregateInput {
  repIds: readonly string[];
  year: number;
  start: string;
  asOf: string;
  elapsedShare: number;
  tolerance: number;
}

const weightCase = sql.raw(
  `case channel ${DEFAULT_CHANNELS.map((c) => `when '${c.id}' then ${c.weight}`).join(" ")} else 0 end`,
);
const weightOf = (id: string): number => DEFAULT_CHANNELS.find((c) => c.id === id)?.weight ?? 0;
const plannedFallback = sql.raw(
  `coalesce(planned_visit, 0) * ${weightOf("visit")} + coalesce(planned_video, 0) * ${weightOf("video")} + ` +
    `coalesce(planned_call, 0) * ${weightOf("call")} + coalesce(planned_digital, 0) * ${weightOf("digital")}`,
);

export async function aggregateSegments(db: Kysely<DB>, input: AggregateInput): Promise<SegmentSums[]> {
  if (input.repIds.length === 0) return [];
  const reps = sql.join(input.repIds.map((id) => sql`${id}`));
  const lo = (1 - input.tolerance) * input.elapsedShare;
  const hi = (1 + input.tolerance) * input.elapsedShare;
  const result = await sql<Record<string, unknown>>`
    -- Contacts are summed per client over the covering index, in client order; the join below
    -- keeps only the clients in scope (a rep filter here makes SQLite leave the covering index).
    with a as (
      select client_id, count(*) as n, sum(coalesce(weight, ${weightCase})) as w
      from contacts
      where deleted = 0 and date >= ${input.start} and date <= ${input.asOf}
      group by client_id
    ), c as (
      select cl.rep_id, coalesce(cl.segment, '') as segment,
        coalesce(cl.planned_weighted, ${plannedFallback}) as p,
        coalesce(a.w, 0) as w, coalesce(a.n, 0) as n,
        coalesce(planned_visit, 0) as pv, coalesce(planned_video, 0) as pvi,
        coalesce(planned_call, 0) as pc, coalesce(planned_digital, 0) as pd
      from clients cl left join a on a.client_id = cl.id
      where cl.deleted = 0 and cl.year = ${input.year} and cl.rep_id in (${reps})
    )
    select rep_id, segment, count(*) as clients,
      sum(case when p > 0 then 1 else 0 end) as planned_clients,
      sum(pv) as pv, sum(pvi) as pvi, sum(pc) as pc, sum(pd) as pd, sum(p) as p,
      sum(n) as n, sum(w) as w,
      sum(case when w < 1.5 * p then w else 1.5 * p end) as earned,
      sum(case when n > 0 then 1 else 0 end) as reached,
      sum(case when p > 0 and w < ${lo} * p then 1 else 0 end) as under_n,
      sum(case when p > 0 and w > ${hi} * p then 1 else 0 end) as over_n,
      sum(case when p > 0 and w > ${hi} * p and segment = 'retain' then 1 else 0 end) as saturated,
      sum(case when p > 0 and w < ${lo} * p and segment = 'atRisk' then 1 else 0 end) as neglected
    from c group by rep_id, segment`.execute(db);
  return result.rows.map((r) => {
    const num = (key: string): number => Number(r[key] ?? 0);
    return {
      ...emptySums(),
      repId: String(r.rep_id),
      segment: String(r.segment),
      clients: num("clients"),
      plannedClients: num("planned_clients"),
      plannedVisit: num("pv"),
      plannedVideo: num("pvi"),
      plannedCall: num("pc"),
      plannedDigital: num("pd"),
      plannedWeighted: num("p"),
      contacts: num("n"),
      actualWeighted: num("w"),
      earnedWeighted: num("earned"),
      reached: num("reached"),
      under: num("under_n"),
      over: num("over_n"),
      saturatedTopAccounts: num("saturated"),
      neglectedAtRisk: num("neglected"),
    };
  });
}

export interface Rituals {
  reviewsByManager: Map<string, number>;
  actionsByRep: Map<string, { open: number; overdue: number }>;
}

export async function rituals(db: Kysely<DB>, repIds: readonly string[], asOf: string): Promise<Rituals> {
  const monthStart = `${asOf.slice(0, 7)}-01`;
  const reviewsByManager = new Map<string, number>();
  const actionsByRep = new Map<string, { open: number; overdue: number }>();
  if (repIds.length === 0) return { reviewsByManager, actionsByRep };
  const reviews = await db
    .selectFrom(
      sql<{ manager_id: string | null; date: string | null; deleted: number; rep_id: string }>`reviews`.as(
        "r",
      ),
    )
    .select(["r.manager_id", sql<number>`count(*)`.as("n")])
    .where("r.deleted", "=", 0)
    .where("r.rep_id", "in", repIds)
    .where("r.date", ">=", monthStart)
    .where("r.date", "<=", asOf)
    .groupBy("r.manager_id")
    .execute();
  for (const r of reviews) if (r.manager_id !== null) reviewsByManager.set(r.manager_id, r.n);
  const actions = await sql<{ rep_id: string; open: number; overdue: number }>`
    select rep_id, count(*) as open, sum(case when due_date < ${asOf} then 1 else 0 end) as overdue
    from actions
    where deleted = 0 and rep_id in (${sql.join(repIds.map((id) => sql`${id}`))})
      and coalesce(status, 'open') not in ('done', 'cancelled')
    group by rep_id`.execute(db);
  for (const a of actions.rows) actionsByRep.set(a.rep_id, { open: a.open, overdue: a.overdue });
  return { reviewsByManager, actionsByRep };
}
