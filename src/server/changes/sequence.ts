/**
 * The change log's sequence. Every writer first updates the single counter row inside its
 * transaction: the row lock serialises writers until commit, so commit order = sequence order and
 * a reader never sees seq n+1 before seq n (no gaps, also on PostgreSQL under concurrent writers).
 */
import { sql, type Kysely, type Transaction } from "kysely";
import type { ChangeLogTable, DB } from "../db/schema";

/**
 * The value a transaction holds, once it has taken the lock: the pushes of a group commit share the
 * transaction, so the second one neither locks nor reads again. Set by saveSequence, the last write
 * of a push: a push rolled back to its savepoint never reached it.
 */
const held = new WeakMap<Transaction<DB>, number>();

export async function lockSequence(trx: Transaction<DB>): Promise<number> {
  const known = held.get(trx);
  if (known !== undefined) return known;
  const row = await sql<{
    value: number;
  }>`update seq_counter set value = value where id = 1 returning value`.execute(trx);
  const first = row.rows.at(0);
  if (first === undefined) throw new Error("seq_counter row is missing: run the migrations");
  held.set(trx, first.value);
  return first.value;
}

export async function saveSequence(trx: Transaction<DB>, value: number): Promise<void> {
  await trx.updateTable("seq_counter").set({ value }).where("id", "=", 1).execute();
  held.set(trx, value);
}

export type AuditEntry = Omit<ChangeLogTable, "seq" | "at">;

/** Records one entry (e.g. a refused request) in its own short transaction. */
export async function audit(db: Kysely<DB>, entry: AuditEntry): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const seq = (await lockSequence(trx)) + 1;
    await trx
      .insertInto("change_log")
      .values({ ...entry, seq, at: new Date().toISOString() })
      .execute();
    await saveSequence(trx, seq);
    return seq;
  });
}
