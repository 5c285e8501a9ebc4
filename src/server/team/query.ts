/**
 * The consolidation's heavy lifting in SQL (portable to both dialects): one pass over the clients
 * grouped by rep and segment, each client's status decided in the database from the contact totals
 * kept on its row (contactTotals.ts), plus a correction for the contacts after the last whole month.
 * SQL sums and counts; the rules are the core's (tracking/rules.ts: the status margin and its floor,
 * the earned cap; consolidation: the symptoms' segments), written out once here from its constants,
 * and the store's property tests take the core as the oracle for every figure.
 */
import { sql, type Kysely, type RawBuilder } from "kysely";
import * as consolidation from "../../core/consolidation";
import * as rules from "../../core/tracking/rules";
import { DEFAULT_CHANNELS } from "../../core/types";
import { capabilitiesOf } from "../db/dialects";
import type { DB } from "../db/schema";
import { contactWeight, ytdCount, ytdWeight } from "./contactTotals";

export interface SegmentSums {
  repId: string;
  segment: string;
  figures: consolidation.Figures;
}

export interface AggregateInput {
  repIds: readonly string[];
  year: number;
  asOf: string;
  /** The elapsed share of these reps' year (one calendar). */
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

/** Larger of two SQL expressions, written out (SQLite's max(a, b) is PostgreSQL's greatest). */
const larger = (a: RawBuilder<unknown>, b: RawBuilder<unknown>): RawBuilder<number> =>
  sql<number>`(case when ${a} > ${b} then ${a} else ${b} end)`;

/** A planned count as the core reads it: a blank, negative or non-finite plan counts 0. */
const plannedOf = (column: string): string => `(case when ${column} > 0 then ${column} else 0 end)`;

/** Weighted planned: the row's own total when it has one (≥ 0), else Σ planned × the channel's weight. */
const plannedWeighted = (): RawBuilder<number> => {
  const terms = DEFAULT_CHANNELS.map((c) => `${plannedOf(`planned_${c.id}`)} * ${c.weight}`).join(" + ");
  return sql.raw(
    `(case when planned_weighted is null then ${terms} when planned_weighted > 0 then planned_weighted else 0 end)`,
  );
};

/** The client's cap factor when it raises the cap (≥ 1), else the core's default. */
const capFactor = (): RawBuilder<number> =>
  sql.raw(`(case when cap_factor >= 1 then cap_factor else ${rules.DEFAULT_CAP_FACTOR} end)`);

/**
 * A client's status as −1 (Under), 1 (Over) or 0, for contacts weighing `w` (tracking/rules.ts
 * statusOf): due = p × e; bound = max(τ × due, STATUS_FLOOR) + STATUS_EPSILON × max(w, due, 1);
 * Under when w < due − bound, Over when w > due + bound (planned clients only). Computed once per
 * row in a subquery, then only compared in the sums.
 */
function statusCode(w: RawBuilder<number>, share: number, tolerance: number): RawBuilder<number> {
  const due = sql`(p * ${sql.lit(share)})`;
  const margin = larger(sql`${sql.lit(tolerance)} * ${due}`, sql.lit(rules.STATUS_FLOOR));
  const slack = sql`${sql.lit(rules.STATUS_EPSILON)} * ${larger(larger(w, due), sql.lit(1))}`;
  const bound = sql`(${margin} + ${slack})`;
  return sql<number>`(case when not (p > 0) then 0 when ${w} < ${due} - ${bound} then -1
    when ${w} > ${due} + ${bound} then 1 else 0 end)`;
}

/** The per-client figures summed by rep and segment, for contacts `n` weighing `w` of status `st`. */
function statusSums(n: RawBuilder<number>, w: RawBuilder<number>, st: RawBuilder<number>) {
  const { retain, atRisk } = consolidation.DEFAULT_SYMPTOM_SEGMENTS;
  return {
    n,
    w,
    // earned = min(w, cap × p)
    earned: sql`case when ${w} < cap * p then ${w} else cap * p end`,
    contacted: sql`case when ${n} > 0 then 1 else 0 end`,
    reached: sql`case when ${n} > 0 and p > 0 then 1 else 0 end`,
    outside: sql`case when ${n} > 0 and not (p > 0) then 1 else 0 end`,
    under_n: sql`case when ${st} = -1 then 1 else 0 end`,
    over_n: sql`case when ${st} = 1 then 1 else 0 end`,
    saturated: sql`case when ${st} = 1 and segment = ${sql.lit(retain)} then 1 else 0 end`,
    neglected: sql`case when ${st} = -1 and segment = ${sql.lit(atRisk)} then 1 else 0 end`,
  };
}

const PLAN_SUMS = {
  clients: sql`count(*)`,
  planned_clients: sql`sum(case when p > 0 then 1 else 0 end)`,
  p: sql`sum(p)`,
  ...Object.fromEntries(DEFAULT_CHANNELS.map((c) => [`p_${c.id}`, sql`sum(${sql.ref(`p_${c.id}`)})`])),
};

const selectList = (columns: Record<string, RawBuilder<unknown>>): RawBuilder<unknown> =>
  sql.join(Object.entries(columns).map(([name, expr]) => sql`${expr} as ${sql.ref(name)}`));

export async function aggregateSegments(db: Kysely<DB>, input: AggregateInput): Promise<SegmentSums[]> {
  if (input.repIds.length === 0) return [];
  const reps = sql.join(input.repIds.map((id) => sql`${id}`));
  const share = input.elapsedShare;
  const window = contactWindow(input.year, input.asOf);
  // Year-to-date totals through the last whole month: one column each, no contact read.
  const n0 = sql.raw<number>(window.months > 0 ? ytdCount(window.months) : "0");
  const w0 = sql.raw<number>(window.months > 0 ? ytdWeight(window.months) : "0");
  const perChannel = sql.raw(
    DEFAULT_CHANNELS.map((c) => `${plannedOf(`planned_${c.id}`)} as p_${c.id}`).join(", "),
  );
  const clients = sql`select cl.rep_id, cl.segment, ${plannedWeighted()} as p, ${perChannel},
      ${capFactor()} as cap, ${n0} as n0, ${w0} as w0`;
  const inScope = sql`cl.deleted = 0 and cl.year = ${input.year} and cl.rep_id in (${reps})`;
  const st0 = statusCode(sql.raw("w0"), share, input.tolerance);
  const now = statusSums(sql.raw("n0"), sql.raw("w0"), sql.raw("st0"));
  // Each client's status is a grouping key, decided once a row; mergeRows counts the statuses from
  // the groups. Summed instead, the planner copies the status expression (and the weighted plan's,
  // inside it) into each of the four status sums: 2.3× the CPU on SQLite.
  const { under_n: _u, over_n: _o, saturated: _s, neglected: _n, ...byClient } = now;
  const sums = Object.fromEntries(Object.entries(byClient).map(([k, e]) => [k, sql`sum(${e})`]));
  const main = await sql<Record<string, unknown>>`
    select rep_id, segment, ${st0} as st, ${selectList({ ...PLAN_SUMS, ...sums })}
    from (${clients} from clients cl where ${inScope}) c
    group by rep_id, segment, st`.execute(db);
  const rows = [...main.rows];
  if (window.adjust !== null) {
    // Clients with contacts in the adjustment: their figures with it, minus their figures without.
    const { after, through, sign } = window.adjust;
    const op = sql.raw(sign > 0 ? "+" : "-");
    const later = statusSums(sql.raw("n1"), sql.raw("w1"), sql.raw("st1"));
    const st1 = statusCode(sql.raw("w1"), share, input.tolerance);
    const delta = Object.fromEntries(
      Object.keys(now).map((k) => {
        const key = k as keyof typeof now;
        return [k, sql`sum(${later[key]}) - sum(${now[key]})`];
      }),
    );
    // Each contacted client fetched by its key. PostgreSQL would rather hash every client of the
    // table to join a few thousand (1.3–4× slower here): OFFSET 0 keeps the lateral subquery per row.
    const perClient = capabilitiesOf(db).lateralPerRowLookups
      ? sql`select c.*, c.n0 ${op} x.n as n1, c.w0 ${op} x.w as w1
            from x cross join lateral (${clients} from clients cl
              where cl.id = x.client_id and ${inScope} offset 0) c`
      : sql`${clients}, ${n0} ${op} x.n as n1, ${w0} ${op} x.w as w1
            from x join clients cl on cl.id = x.client_id where ${inScope}`;
    const correction = await sql<Record<string, unknown>>`
      with x as materialized (
        select client_id, count(${contactWeight()}) as n, coalesce(sum(${contactWeight()}), 0) as w
        from contacts
        where deleted = 0 and date > ${after} and date <= ${through}
        group by client_id
      )
      select rep_id, segment, ${selectList(delta)}
      from (select c.*, ${st0} as st0, ${st1} as st1 from (${perClient}) c) c
      group by rep_id, segment`.execute(db);
    rows.push(...correction.rows);
  }
  return mergeRows(rows, share);
}

/**
 * SQL rows → the core's figures per rep × segment (a null segment counts as ''; correction rows add
 * up). The store has no per-channel actual nor last contact in its totals: `actual` stays empty and
 * `overdue` 0 (neither is in its views).
 */
function mergeRows(rows: readonly Record<string, unknown>[], share: number): SegmentSums[] {
  const out = new Map<string, SegmentSums>();
  for (const r of rows) {
    const num = (key: string): number => Number(r[key] ?? 0);
    const repId = String(r.rep_id);
    const segment = typeof r.segment === "string" ? r.segment : "";
    const key = `${repId}\u0000${segment}`;
    const planned: Record<string, number> = {};
    for (const c of DEFAULT_CHANNELS) planned[c.id] = num(`p_${c.id}`);
    const clients = num("clients");
    const plannedClients = num("planned_clients");
    // Main rows carry their clients' status (st); correction rows carry status counts.
    const st = r.st === undefined ? null : Number(r.st);
    const withStatus = (code: number, counted: string): number =>
      st === null ? num(counted) : st === code ? clients : 0;
    const under = withStatus(-1, "under_n");
    const over = withStatus(1, "over_n");
    const { retain, atRisk } = consolidation.DEFAULT_SYMPTOM_SEGMENTS;
    const more: consolidation.Figures = {
      ...consolidation.emptyFigures(),
      clients,
      plannedClients,
      planned,
      plannedWeighted: num("p"),
      plannedToDate: rules.plannedToDate(num("p"), share),
      actualWeighted: num("w"),
      earnedWeighted: num("earned"),
      contacts: num("n"),
      contactedClients: num("contacted"),
      reached: num("reached"),
      contactedOutsidePlan: num("outside"),
      under,
      over,
      onTrack: plannedClients - under - over,
      noPlan: clients - plannedClients,
      saturatedTopAccounts: segment === retain ? withStatus(1, "saturated") : num("saturated"),
      neglectedAtRisk: segment === atRisk ? withStatus(-1, "neglected") : num("neglected"),
    };
    const entry = out.get(key);
    if (entry === undefined) out.set(key, { repId, segment, figures: more });
    else entry.figures = consolidation.mergeFigures(entry.figures, more);
  }
  return [...out.values()];
}

/**
 * The rows the N+1 rituals are counted from (core/consolidation/manager.ts decides): the reviews of
 * the as-of month up to asOf, and the actions counted by rep, status and due date.
 */
export interface RitualRows {
  reviews: consolidation.Review[];
  actions: consolidation.ActionItem[];
}

export async function ritualRows(
  db: Kysely<DB>,
  repIds: readonly string[],
  asOf: string,
): Promise<RitualRows> {
  if (repIds.length === 0) return { reviews: [], actions: [] };
  const reps = sql.join(repIds.map((id) => sql`${id}`));
  const reviews = await sql<{ manager_id: string | null; rep_id: string; date: string | null }>`
    select manager_id, rep_id, date from reviews
    where deleted = 0 and rep_id in (${reps}) and date >= ${`${asOf.slice(0, 7)}-01`} and date <= ${asOf}`.execute(
    db,
  );
  const actions = await sql<{
    rep_id: string;
    status: string | null;
    due_date: string | null;
    n: number | string;
  }>`
    select rep_id, status, due_date, count(*) as n from actions
    where deleted = 0 and rep_id in (${reps})
    group by rep_id, status, due_date`.execute(db);
  return {
    reviews: reviews.rows
      .filter((r) => r.manager_id !== null && r.date !== null)
      .map((r) => ({ managerId: String(r.manager_id), repId: r.rep_id, date: String(r.date) })),
    // An action belongs to the rep whose plan holds it; a blank status is open (the core's rule).
    actions: actions.rows.flatMap((a) =>
      Array.from({ length: Number(a.n) }, () => ({
        owner: a.rep_id,
        dueDate: a.due_date,
        status: a.status ?? "",
      })),
    ),
  };
}
