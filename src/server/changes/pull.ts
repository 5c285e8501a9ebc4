/**
 * GET /sync/pull?since=<seq>: the rows changed after `since`, in sequence order, limited to the
 * caller's scope, each with its current server state (so a client converges whatever it missed).
 */
import type { Kysely } from "kysely";
import { isSyncTable, type PullResponse, type PulledRow } from "../../contract";
import { readableRepIds, type Actor } from "../access";
import { rowToFields, syncColumnsOf } from "../db/columns";
import type { DB } from "../db/schema";
import { byTableName } from "../db/syncRows";

export const DEFAULT_PULL_LIMIT = 1000;

export async function pull(
  db: Kysely<DB>,
  actor: Actor,
  since: number,
  limit = DEFAULT_PULL_LIMIT,
): Promise<PullResponse> {
  const scope = readableRepIds(actor);
  if (scope.length === 0) return { rows: [], next: since, more: false };
  const entries = await db
    .selectFrom("change_log")
    .select(["seq", "table_name", "row_id"])
    .where("seq", ">", since)
    .where("version", "is not", null)
    .where("rep_id", "in", scope)
    .orderBy("seq")
    .limit(limit + 1)
    .execute();
  const more = entries.length > limit;
  const page = more ? entries.slice(0, limit) : entries;
  // The latest entry per row wins: the row is sent once, with its current state.
  const latest = new Map<string, { seq: number; table: string; rowId: string }>();
  for (const e of page) {
    if (e.table_name === null || e.row_id === null) continue;
    const key = `${e.table_name}/${e.row_id}`;
    latest.delete(key);
    latest.set(key, { seq: e.seq, table: e.table_name, rowId: e.row_id });
  }
  const byTable = new Map<string, string[]>();
  for (const { table, rowId } of latest.values()) byTable.set(table, [...(byTable.get(table) ?? []), rowId]);
  const current = new Map<string, Record<string, unknown>>();
  for (const [table, ids] of byTable) {
    if (!isSyncTable(table)) continue;
    for (let i = 0; i < ids.length; i += 500) {
      const found = await byTableName(db)
        .selectFrom(table)
        .select(syncColumnsOf(table))
        .where("id", "in", ids.slice(i, i + 500))
        .execute();
      for (const row of found) current.set(`${table}/${String(row.id)}`, row);
    }
  }
  const rows: PulledRow[] = [];
  for (const [key, { seq, table, rowId }] of latest) {
    const row = current.get(key);
    if (!row || !isSyncTable(table)) continue;
    rows.push({ seq, table, rowId, version: Number(row.version), fields: rowToFields(table, row) });
  }
  const last = page.at(-1);
  return { rows, next: last ? last.seq : since, more };
}
