/**
 * The synced tables' database types, derived from the contract's SYNC_TABLES (one column per field,
 * camelCase → snake_case, as columnOf does), so a table or column the contract does not have is a
 * type error. Code that addresses a synced table by a name known only at run time (push, pull) goes
 * through `byTableName`, typed by the contract's table names, not by any string.
 */
import type { Insertable, InsertObject, Kysely, Transaction } from "kysely";
import type { SYNC_TABLES, SyncTableName } from "../../contract";
import type { DB, SyncRowColumns } from "./schema";

/** columnOf at the type level: "salesN1" → "sales_n1", "clientId" → "client_id". */
export type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Uppercase<Head> ? (Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`) : Head}${SnakeCase<Tail>}`
  : S;

/** How a field kind is stored: booleans as 0/1, JSON as text, dates as YYYY-MM-DD text. */
export type StoredValue<K> = K extends "number" | "integer" | "boolean" ? number : string;

type FieldsOf<T extends SyncTableName> = (typeof SYNC_TABLES)[T]["fields"];

/** A synced table's row: the sync bookkeeping, then one nullable column per field of the contract. */
export type SyncRow<T extends SyncTableName> = SyncRowColumns & {
  -readonly [F in Exclude<keyof FieldsOf<T>, "repId" | "deleted"> as SnakeCase<F & string>]: StoredValue<
    FieldsOf<T>[F]
  > | null;
};

type Month = "01" | "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10" | "11" | "12";
/** The contact totals the server keeps on a client row (migration 003; team/contactTotals.ts). */
export type ContactTotalColumns = { [M in Month as `ytd_n_${M}` | `ytd_w_${M}`]: number };

export type SyncTables = { [T in Exclude<SyncTableName, "clients">]: SyncRow<T> } & {
  clients: SyncRow<"clients"> & ContactTotalColumns;
};

/** A synced row as read or written by table name: column → stored value. */
export type StoredRow = Record<string, string | number | null>;

/** The synced tables addressed by a name known at run time (one of the contract's, never any string). */
export function byTableName(db: Kysely<DB> | Transaction<DB>): Kysely<Record<SyncTableName, StoredRow>> {
  return db as unknown as Kysely<Record<SyncTableName, StoredRow>>;
}

/** Inserts synced rows by table name in chunks (all rows with the same columns). */
export async function insertByTableName(
  trx: Transaction<DB>,
  table: SyncTableName,
  rows: readonly StoredRow[],
  chunk = 200,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk)
    await byTableName(trx)
      .insertInto(table)
      .values(rows.slice(i, i + chunk))
      .execute();
}

/** Inserts rows in chunks (SQLite caps bound parameters per statement). */
export async function insertChunked<T extends keyof DB>(
  trx: Transaction<DB>,
  table: T,
  rows: readonly Insertable<DB[T]>[],
  chunk = 200,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    // Kysely cannot relate Insertable<DB[T]> to its insert object for a generic T.
    const values = rows.slice(i, i + chunk) as unknown as InsertObject<DB, T>[];
    await trx.insertInto(table).values(values).execute();
  }
}
