/**
 * The consolidation's heavy lifting in SQL (portable to both dialects): one pass over the clients
 * grouped by rep and segment, each client's status decided in the database from the contact totals
 * kept on its row (contactTotals.ts), plus a correction for the contacts after the last whole month.
 */
import { SqliteAdapter, sql, type Kysely, type RawBuilder } from "kysely";
import { STATUS_MARGIN } from "../../core/tracking/rules";
import { DEFAULT_CHANNELS } from "../../core/types";
import type { DB } from "../db/schema";
import { contactWeight, ytdCount, ytdWeight } from "./contactTotals";
import { addSums, emptySums, type Sums } from "./figures";

export interface SegmentSums extends Sums {
  repId: string;
  segment: string;
}

export interface AggregateInput {
  repIds: readonly string[];
  year: number;
  asOf: string;
  elapsedShare: number;
  tolerance: number;
}

/**
 * The contacts that count are those dated from Jan 1 of the year through asOf. The totals on the
 * client row hold whole months (Jan 1 through the end of month `months`); the contacts dated in
 * (after, through] are then added to them (sign 1) or taken from them (sign −1), whichever reads
 * fewer: the as-of month so far, its days after asOf, or the days after the year when asOf is later.
 */
export interface ContactWindow {
  months: number;
  adjust: { after: string; through: string; sign: 1 | -1 } | null;
}

export function contactWindow(year: number, asOf: string): ContactWindow {
  if (asOf < `${year}-01-01`) return { months: 0, adjust: null };
  if (Number(asOf.slice(0, 4)) > year) {
    return { months: 12, adjust: { after: `${year}-12-31`, through: asOf, sign: 1 } };
  }
  const month = Number(asOf.slice(5, 7));
  const day = asOf.slice(8);
  // Stored dates are YYYY-MM-DD with a day from 01 to 31 (the contract checks them).
  if (month > 12) return { months: 12, adjust: null };
  if (day >= "31") return { months: month, adjust: null };
  if (day === "00") return { months: month - 1, adjust: null };
  const yearMonth = asOf.slice(0, 7);
  return day >= "16"
    ? { months: month, adjust: { after: asOf, through: `${yearMonth}-31`, sign: -1 } }
    : { months: month - 1, adjust: { after: `${yearMonth}-00`, through: asOf, sign: 1 } };
}

const plannedWeighted = (): RawBuilder<number> => {
  const terms = DEFAULT_CHANNELS.map((c) => `coalesce(planned_${c.id}, 0) * ${c.weight}`).join(" + ");
  return sql.raw(`coalesce(planned_weighted, ${terms})`);
};

/** The per-client figures summed by rep and segment, for contacts `n` weighing `w`. */
function statusSums(n: RawBuilder<number>, w: RawBuilder<number>, lo: number, hi: number) {
  // Nothing due yet (elapsed share 0, so hi = 0): no pace, on track whatever was done (core rules).
  const due = hi > 0 ? sql`p > 0` : sql`1 = 0`;
  const under = sql`${due} and ${w} < ${lo} * p`;
  const over = sql`${due} and ${w} > ${hi} * p`;
  return {
    n,
    w,
    earned: sql`case when ${w} < 1.5 * p then ${w} else 1.5 * p end`,
    reached: sql`case when ${n} > 0 then 1 else 0 end`,
    under_n: sql`case when ${under} then 1 else 0 end`,
    over_n: sql`case when ${over} then 1 else 0 end`,
    saturated: sql`case when ${over} and segment = 'retain' then 1 else 0 end`,
    neglected: sql`case when ${under} and segment = 'atRisk' then 1 else 0 end`,
  };
}

const PLAN_SUMS = {
  clients: sql`count(*)`,
  planned_clients: sql`sum(case when p > 0 then 1 else 0 end)`,
  pv: sql`sum(pv)`,
  pvi: sql`sum(pvi)`,
  pc: sql`sum(pc)`,
  pd: sql`sum(pd)`,
  p: sql`sum(p)`,
};

const selectList = (columns: Record<string, RawBuilder<unknown>>): RawBuilder<unknown> =>
  sql.join(Object.entries(columns).map(([name, expr]) => sql`${expr} as ${sql.ref(name)}`));

export async function aggregateSegments(db: Kysely<DB>, input: AggregateInput): Promise<SegmentSums[]> {
  if (input.repIds.length === 0) return [];
  const reps = sql.join(input.repIds.map((id) => sql`${id}`));
  // Pace = w / (p × elapsed share) against 1 ± τ, beyond the core's margin (a tie stays on track).
  const lo = (1 - input.tolerance - STATUS_MARGIN) * input.elapsedShare;
  const hi = (1 + input.tolerance + STATUS_MARGIN) * input.elapsedShare;
  const window = contactWindow(input.year, input.asOf);
  // Year-to-date totals through the last whole month: one column each, no contact read.
  const n0 = sql.raw<number>(window.months > 0 ? ytdCount(window.months) : "0");
  const w0 = sql.raw<number>(window.months > 0 ? ytdWeight(window.months) : "0");
  const clients = sql`select cl.rep_id, cl.segment, ${plannedWeighted()} as p,
      coalesce(planned_visit, 0) as pv, coalesce(planned_video, 0) as pvi,
      coalesce(planned_call, 0) as pc, coalesce(planned_digital, 0) as pd,
      ${n0} as n0, ${w0} as w0`;
  const inScope = sql`cl.deleted = 0 and cl.year = ${input.year} and cl.rep_id in (${reps})`;
  const now = statusSums(sql.raw("n0"), sql.raw("w0"), lo, hi);
  const sums = Object.fromEntries(Object.entries(now).map(([k, e]) => [k, sql`sum(${e})`]));
  // Grouped by the raw segment, so SQLite streams the covering index in order (no sort).
  const main = await sql<Record<string, unknown>>`
    select rep_id, segment, ${selectList({ ...PLAN_SUMS, ...sums })}
    from (${clients} from clients cl where ${inScope}) c
    group by rep_id, segment`.execute(db);
  const rows = [...main.rows];
  if (window.adjust !== null) {
    // Clients with contacts in the adjustment: their figures with it, minus their figures without.
    const { after, through, sign } = window.adjust;
    const op = sql.raw(sign > 0 ? "+" : "-");
    const later = statusSums(sql.raw("n1"), sql.raw("w1"), lo, hi);
    const delta = Object.fromEntries(
      Object.keys(now).map((k) => {
        const key = k as keyof typeof now;
        return [k, sql`sum(${later[key]}) - sum(${now[key]})`];
      }),
    );
    // Each contacted client fetched by its key. PostgreSQL would rather hash every client of the
    // table to join a few thousand (1.3–4× slower here): OFFSET 0 keeps the lateral subquery per row.
    const perClient =
      db.getExecutor().adapter instanceof SqliteAdapter
        ? sql`${clients}, ${n0} ${op} x.n as n1, ${w0} ${op} x.w as w1
            from x join clients cl on cl.id = x.client_id where ${inScope}`
        : sql`select c.*, c.n0 ${op} x.n as n1, c.w0 ${op} x.w as w1
            from x cross join lateral (${clients} from clients cl
              where cl.id = x.client_id and ${inScope} offset 0) c`;
    const correction = await sql<Record<string, unknown>>`
      with x as materialized (
        select client_id, count(*) as n, sum(${contactWeight()}) as w
        from contacts
        where deleted = 0 and date > ${after} and date <= ${through}
        group by client_id
      )
      select rep_id, segment, ${selectList(delta)}
      from (${perClient}) c
      group by rep_id, segment`.execute(db);
    rows.push(...correction.rows);
  }
  return mergeRows(rows);
}

/** SQL rows → sums per rep × segment (a null segment counts as ''; correction rows add up). */
function mergeRows(rows: readonly Record<string, unknown>[]): SegmentSums[] {
  const out = new Map<string, SegmentSums>();
  for (const r of rows) {
    const num = (key: string): number => Number(r[key] ?? 0);
    const repId = String(r.rep_id);
    const segment = typeof r.segment === "string" ? r.segment : "";
    const key = `${repId}\u0000${segment}`;
    const entry = out.get(key) ?? { ...emptySums(), repId, segment };
    addSums(entry, {
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
    });
    out.set(key, entry);
  }
  return [...out.values()];
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
