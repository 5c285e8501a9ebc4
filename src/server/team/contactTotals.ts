/**
 * Contacts summed per client, kept on the client's row so the team view reads totals instead of
 * scanning contacts. For each month m of the client's year, `ytd_n_m` counts the client's live
 * contacts dated from Jan 1 through the end of month m, and `ytd_w_m` sums their weights
 * (year to date, so one column answers "through month m"); a contact counts as the core counts it
 * (tracking/track.ts: its own weight, else a known channel's). A push that writes contacts (or creates
 * a client, or changes its year) recomputes the totals of the clients it touched, in its transaction.
 */
import { sql, type QueryExecutorProvider, type RawBuilder } from "kysely";
import { DEFAULT_CHANNELS } from "../../core/types";

export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

const mm = (month: number): string => String(month).padStart(2, "0");
/** Column holding the contacts counted from Jan 1 through the end of `month` (1–12). */
export const ytdCount = (month: number): string => `ytd_n_${mm(month)}`;
/** Column holding their summed weight (visit-equivalents). */
export const ytdWeight = (month: number): string => `ytd_w_${mm(month)}`;

export const TOTAL_COLUMNS: readonly string[] = MONTHS.flatMap((m) => [ytdCount(m), ytdWeight(m)]);

/**
 * A contact's weight: its own when it has one (≥ 0), else its channel's default; null when it has
 * neither (a channel the core does not know and no weight: the core ignores it, so do the totals).
 */
export const contactWeight = (channel = "channel", weight = "weight"): RawBuilder<number | null> =>
  sql.raw(
    `coalesce(case when ${weight} >= 0 then ${weight} end, case ${channel} ${DEFAULT_CHANNELS.map((c) => `when '${c.id}' then ${c.weight}`).join(" ")} end)`,
  );

/**
 * The contacts of the clients in scope counted per client, year and month (`scope`: a condition on
 * `contacts`), so each total below sums at most twelve rows instead of every contact again.
 */
function monthlyCounts(scope: RawBuilder<unknown>): RawBuilder<unknown> {
  const w = contactWeight();
  return sql`select client_id, substr(date, 1, 4) as yr, substr(date, 6, 2) as mo,
      count(${w}) as n, coalesce(sum(${w}), 0) as w
    from contacts where deleted = 0 and ${scope}
    group by client_id, substr(date, 1, 4), substr(date, 6, 2)`;
}

/**
 * The totals of the clients in `clients` (a condition on `c`), one column each: every such client
 * has its row, zeros when it has no contact of its year (they may all have been deleted).
 */
function totalsOf(clients: RawBuilder<unknown>): RawBuilder<unknown> {
  const parts = MONTHS.flatMap((m) => [
    sql`coalesce(sum(case when m.mo <= ${sql.lit(mm(m))} then m.n else 0 end), 0) as ${sql.ref(ytdCount(m))}`,
    sql`coalesce(sum(case when m.mo <= ${sql.lit(mm(m))} then m.w else 0 end), 0) as ${sql.ref(ytdWeight(m))}`,
  ]);
  // Only the client's own year counts; dates are YYYY-MM-DD (the contract checks them).
  return sql`select c.id as client_id, ${sql.join(parts)}
    from clients c left join monthly m on m.client_id = c.id and m.yr = cast(c.year as text)
    where ${clients}
    group by c.id`;
}

/**
 * One statement: the monthly counts of the clients' contacts, their year-to-date totals, joined to
 * the rows they update (UPDATE … FROM, on both databases): no correlated lookup per client.
 */
const setTotals = (
  contactScope: RawBuilder<unknown>,
  clientScope: RawBuilder<unknown>,
): RawBuilder<unknown> =>
  sql`with monthly as (${monthlyCounts(contactScope)}), totals as (${totalsOf(clientScope)})
    update clients set ${sql.join(TOTAL_COLUMNS.map((col) => sql`${sql.ref(col)} = totals.${sql.ref(col)}`))}
    from totals where totals.client_id = clients.id`;

const CHUNK = 500;

/**
 * Recomputes the totals of these clients (ids of missing clients are ignored). `newRows`: clients
 * just inserted, whose zero defaults are right unless contacts already point at them.
 */
export async function refreshContactTotals(
  db: QueryExecutorProvider,
  clientIds: Iterable<string>,
  newRows = false,
): Promise<void> {
  const ids = [...new Set(clientIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = sql.join(ids.slice(i, i + CHUNK).map((id) => sql`${id}`));
    const onlyIf = newRows
      ? sql` and exists (select 1 from contacts where contacts.client_id = c.id)`
      : sql``;
    await setTotals(sql`client_id in (${chunk})`, sql`c.id in (${chunk})${onlyIf}`).execute(db);
  }
}

/** Recomputes every client's totals (the migration's backfill; bulk loads that bypass push). */
export async function refreshAllContactTotals(db: QueryExecutorProvider): Promise<void> {
  // By chunks of clients, as a push does: each statement stays bounded. (A correlated lookup of
  // each client in a materialized monthly CTE was quadratic: 100,000 clients and 400,000 contacts ran
  // for over 14 minutes on PostgreSQL; the totals are now joined, UPDATE … FROM.)
  const ids = await sql<{ id: string }>`select id from clients order by id`.execute(db);
  await refreshContactTotals(
    db,
    ids.rows.map((r) => r.id),
  );
}
