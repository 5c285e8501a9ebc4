/**
 * The director's N+1 view (`npm run bench -- team`): GET /teams/<director>/view over loopback HTTP for an
 * organisation of 50 managers × 20 reps = 1,000 reps × 500 clients (500,000 client rows) and 4 contacts
 * a client (2,000,000 contacts), with plans, reviews and actions. Goal: p50 ≤ 500 ms on PostgreSQL;
 * the SQLite figure is reported. Sizes can be lowered for a quick run: CADENCE_BENCH_TEAM_REPS,
 * CADENCE_BENCH_TEAM_CLIENTS, CADENCE_BENCH_TEAM_CONTACTS (per client), CADENCE_BENCH_TEAM_DIALECTS.
 * The rows are generated in SQL (the bench measures the view, not the set-up); the contact totals
 * are then computed by the store's own refresh, as push keeps them.
 */
import { loadavg } from "node:os";
import { sql, type Kysely } from "kysely";
import type { TeamView } from "../src/contract";
import { createServer } from "../src/server/app";
import type { DialectName } from "../src/server/db/connect";
import { openBenchStore } from "./store/open";
import type { DB } from "../src/server/db/schema";
import { createPerson } from "../src/server/people";
import { refreshAllContactTotals } from "../src/server/team/contactTotals";
import { aggregateSegments, ritualRows } from "../src/server/team/query";
import { elapsedShare, planCapacityOf, teamView } from "../src/server/team/view";
import { createToken } from "../src/server/tokens";
import { fmt, median, percentile } from "./stats";

const REPS = Number(process.env.CADENCE_BENCH_TEAM_REPS ?? 1000);
const CLIENTS = Number(process.env.CADENCE_BENCH_TEAM_CLIENTS ?? 500);
const CONTACTS = Number(process.env.CADENCE_BENCH_TEAM_CONTACTS ?? 4);
const DIALECTS = (process.env.CADENCE_BENCH_TEAM_DIALECTS ?? "postgres,sqlite").split(",") as DialectName[];
const REPS_PER_MANAGER = 20;
const RUNS = 7;

const seconds = (t0: number): string => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

/** The organisation: a director, managers, reps; returns the director's token. */
async function seedPeople(db: Kysely<DB>): Promise<{ directorId: string; token: string; repIds: string[] }> {
  const director = await createPerson(db, { name: "director", role: "director" });
  const repIds: string[] = [];
  let manager = "";
  for (let r = 0; r < REPS; r++) {
    if (r % REPS_PER_MANAGER === 0)
      manager = (
        await createPerson(db, {
          name: `manager${r / REPS_PER_MANAGER}`,
          role: "manager",
          reportsTo: director.id,
        })
      ).id;
    repIds.push((await createPerson(db, { name: `rep${r}`, role: "rep", reportsTo: manager })).id);
  }
  return { directorId: director.id, token: (await createToken(db, director.id)).token, repIds };
}

/** Clients, contacts, plans, reviews and actions generated in SQL from small number tables. */
async function seedRows(
  db: Kysely<DB>,
  repIds: readonly string[],
  managerOf: Map<string, string>,
): Promise<void> {
  await sql`create table bench_reps (idx integer, id text, manager_id text)`.execute(db);
  await sql`create table bench_n (n integer)`.execute(db);
  await sql`create table bench_days (d integer, iso text)`.execute(db);
  for (let i = 0; i < repIds.length; i += 200) {
    const rows = repIds
      .slice(i, i + 200)
      .map((id, k) => sql`(${i + k}, ${id}, ${managerOf.get(id) ?? null})`);
    await sql`insert into bench_reps values ${sql.join(rows)}`.execute(db);
  }
  const n = Math.max(CLIENTS, CONTACTS, 330);
  for (let i = 1; i <= n; i += 500) {
    const rows = Array.from({ length: Math.min(500, n - i + 1) }, (_, k) => sql`(${i + k})`);
    await sql`insert into bench_n values ${sql.join(rows)}`.execute(db);
  }
  const days = Array.from({ length: 330 }, (_, d) => {
    const iso = new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10);
    return sql`(${d}, ${iso})`;
  });
  await sql`insert into bench_days values ${sql.join(days)}`.execute(db);
  const now = new Date().toISOString();
  await sql`insert into plans (id, rep_id, version, deleted, updated_at, updated_by, year, capacity)
    select 'p' || r.idx, r.id, 1, 0, ${now}, r.id, 2026,
      '{"call":400,"country":"FR","region":' || (case when r.idx % 3 = 0 then '"67"' else 'null' end) || ',"visit":2700}'
    from bench_reps r`.execute(db);
  await sql`insert into clients (id, rep_id, version, deleted, updated_at, updated_by, year, name, segment,
      planned_visit, planned_call, planned_weighted, cap_factor)
    select 'c' || r.idx || '-' || c.n, r.id, 1, 0, ${now}, r.id, 2026, 'Client ' || c.n,
      case c.n % 5 when 0 then 'retain' when 1 then 'develop' when 2 then 'atRisk' when 3 then 'maintain' else 'prospect' end,
      c.n % 12, 4, null, case when c.n % 10 = 0 then 1.5 end
    from bench_reps r cross join bench_n c where c.n <= ${CLIENTS}`.execute(db);
  await sql`insert into contacts (id, rep_id, version, deleted, updated_at, updated_by, client_id, date, channel)
    select 'k' || r.idx || '-' || c.n || '-' || k.n, r.id, 1, 0, ${now}, r.id, 'c' || r.idx || '-' || c.n, d.iso,
      case k.n % 4 when 0 then 'call' when 1 then 'visit' when 2 then 'video' else 'visit' end
    from bench_reps r cross join bench_n c cross join bench_n k
      join bench_days d on d.d = (c.n * 7 + k.n * 31 + r.idx) % 330
    where c.n <= ${CLIENTS} and k.n <= ${CONTACTS}`.execute(db);
  await sql`insert into reviews (id, rep_id, version, deleted, updated_at, updated_by, date, manager_id)
    select 'v' || r.idx, r.id, 1, 0, ${now}, r.manager_id, case when r.idx % 2 = 0 then '2026-06-10' else '2026-05-10' end, r.manager_id
    from bench_reps r`.execute(db);
  await sql`insert into actions (id, rep_id, version, deleted, updated_at, updated_by, action, owner, due_date, status)
    select 'a' || r.idx || '-' || k.n, r.id, 1, 0, ${now}, r.id, 'Suivi', r.id, d.iso,
      case k.n % 3 when 0 then 'Terminée' when 1 then 'open' else 'En cours' end
    from bench_reps r cross join bench_n k join bench_days d on d.d = (k.n * 53 + r.idx) % 330
    where k.n <= 5`.execute(db);
  for (const t of ["bench_reps", "bench_n", "bench_days"]) await sql`drop table ${sql.id(t)}`.execute(db);
}

/**
 * Where the view's time goes, in process (no HTTP): the SQL sums per calendar group (main pass and the
 * as-of month's correction), the rituals' rows, and the rest of teamView (people, plans, the core's
 * consolidation of the sums into the team and N+1 views).
 */
async function breakdown(db: Kysely<DB>, directorId: string, repIds: readonly string[]): Promise<void> {
  const asOf = "2026-06-15";
  const plans = await db
    .selectFrom("plans")
    .select(["rep_id", "capacity"])
    .where("year", "=", 2026)
    .execute();
  const groups = new Map<number, string[]>();
  for (const p of plans) {
    const cap = planCapacityOf(p.capacity);
    const share = elapsedShare(2026, asOf, cap.country, cap.region);
    groups.set(share, [...(groups.get(share) ?? []), p.rep_id]);
  }
  const sums: number[] = [];
  const rituals: number[] = [];
  const whole: number[] = [];
  for (let i = 0; i < 3; i++) {
    let t0 = performance.now();
    // In parallel, one query per calendar group, as teamView runs them.
    await Promise.all(
      [...groups].map(([share, ids]) =>
        aggregateSegments(db, { repIds: ids, year: 2026, asOf, elapsedShare: share, tolerance: 0.2 }),
      ),
    );
    sums.push(performance.now() - t0);
    t0 = performance.now();
    await ritualRows(db, repIds, asOf);
    rituals.push(performance.now() - t0);
    t0 = performance.now();
    await teamView(db, directorId, { year: 2026, asOf });
    whole.push(performance.now() - t0);
  }
  const rest = median(whole) - median(sums) - median(rituals);
  console.log(
    `  in process: teamView ${fmt(median(whole))} = SQL sums ${fmt(median(sums))} (${groups.size} calendar groups in parallel) + rituals ${fmt(median(rituals))} + people, plans and the core ${fmt(rest)}`,
  );
}

async function benchDialect(dialect: DialectName): Promise<number | null> {
  console.log(`\n--- ${dialect}: ${REPS} reps × ${CLIENTS} clients, ${CONTACTS} contacts a client ---`);
  const { store, drop } = await openBenchStore(dialect, "bench_team");
  try {
    let t0 = performance.now();
    const org = await seedPeople(store.db);
    const people = await store.db.selectFrom("people").select(["id", "reports_to"]).execute();
    const managerOf = new Map(people.map((p) => [p.id, p.reports_to ?? ""]));
    await seedRows(store.db, org.repIds, managerOf);
    console.log(`  seeded rows in ${seconds(t0)}`);
    t0 = performance.now();
    await refreshAllContactTotals(store.db);
    if (dialect === "postgres") await sql`analyze`.execute(store.db);
    console.log(`  contact totals in ${seconds(t0)}`);
    const counts = await sql<{ clients: number | string; contacts: number | string }>`
      select (select count(*) from clients) as clients, (select count(*) from contacts) as contacts`.execute(
      store.db,
    );
    console.log(
      `  rows: ${Number(counts.rows[0]?.clients)} clients, ${Number(counts.rows[0]?.contacts)} contacts`,
    );
    const app = await createServer({ db: store, rateLimit: false });
    const base = await app.listen({ port: 0, host: "127.0.0.1" });
    try {
      const samples: number[] = [];
      let managers = 0;
      for (let i = 0; i < RUNS + 1; i++) {
        // Mid-month as-of dates: the totals plus the as-of month's correction (the slower path).
        const asOf = i % 2 === 0 ? "2026-06-15" : "2026-06-16";
        const start = performance.now();
        const res = await fetch(`${base}/teams/${org.directorId}/view?year=2026&asOf=${asOf}`, {
          headers: { authorization: `Bearer ${org.token}` },
        });
        const view = (await res.json()) as TeamView;
        if (!res.ok) throw new Error(`team view failed: ${res.status}`);
        if (i > 0) samples.push(performance.now() - start);
        managers = view.managers.length;
        if (view.reps.length !== REPS) throw new Error(`view has ${view.reps.length} reps, not ${REPS}`);
      }
      console.log(
        `  N+1 view (${managers} managers, ${REPS} reps)   p50 ${fmt(median(samples))}  p95 ${fmt(percentile(samples, 95))}  (n=${samples.length})`,
      );
      await breakdown(store.db, org.directorId, org.repIds);
      return median(samples);
    } finally {
      await app.close();
    }
  } finally {
    await drop();
  }
}

export async function run(): Promise<void> {
  const before = loadavg();
  const results: Partial<Record<DialectName, number | null>> = {};
  for (const dialect of DIALECTS) results[dialect] = await benchDialect(dialect);
  const after = loadavg();
  const pg = results.postgres;
  if (pg !== undefined && pg !== null)
    console.log(`\n  PostgreSQL N+1 p50 ${fmt(pg)} — goal ≤ 500 ms: ${pg <= 500 ? "met" : "NOT met"}`);
  if (results.sqlite !== undefined && results.sqlite !== null)
    console.log(`  SQLite N+1 p50 ${fmt(results.sqlite)}`);
  console.log(
    `  load average before ${before.map((x) => x.toFixed(2)).join(" ")}, after ${after.map((x) => x.toFixed(2)).join(" ")}`,
  );
}
