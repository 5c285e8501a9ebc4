/**
 * What a workbook remembers of the store between syncs (kept inside the workbook, so a copy of the
 * file on another machine knows its base): the rows as the store last sent them, the pull cursor,
 * the outbox of mutations not yet acknowledged, and the fields held in conflict.
 */
import type { JsonValue, Mutation, SyncTableName } from "../../contract";

export type Fields = Partial<Record<string, JsonValue>>;

/** A row as the store last sent it (or as this workbook last had it acknowledged): version and fields. */
export interface BaseRow {
  v: number;
  f: Fields;
}

/** A field the store did not take (a conflict, or a refusal): shown to the rep until they choose. */
export interface HeldField {
  table: SyncTableName;
  rowId: string;
  field: string;
  base: JsonValue;
  mine: JsonValue;
  theirs: JsonValue;
  /** Null for a conflict; the store's refusal code otherwise (FORBIDDEN, VALIDATION…). */
  reason: string | null;
  at: string;
}

export interface SyncMeta {
  format: 1;
  /** Who synced this workbook: another person's workbook is not pushed under your name. */
  personId: string | null;
  cursor: number;
  lastSync: string | null;
  /** `table/rowId` → the row as the store has it. */
  base: Partial<Record<string, BaseRow>>;
  outbox: Mutation[];
  held: HeldField[];
  /** The plan row's id (one per workbook). */
  planRowId: string | null;
}

export const emptyMeta = (): SyncMeta => ({
  format: 1,
  personId: null,
  cursor: 0,
  lastSync: null,
  base: {},
  outbox: [],
  held: [],
  planRowId: null,
});

export const rowKey = (table: string, rowId: string): string => `${table}/${rowId}`;

/** Local rows by table: row id → fields (wire names, without repId and deleted). */
export type LocalTables = Partial<Record<SyncTableName, Map<string, Fields>>>;

/** A row to put into the workbook after a pull or a conflict choice (deleted: remove it). */
export interface LocalChange {
  table: SyncTableName;
  rowId: string;
  fields: Fields;
  deleted: boolean;
}

/** Canonical JSON (sorted keys): two values are the same when their canonical texts are. */
export function canonical(value: unknown): string {
  if (value === undefined) return "null";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
}

export function sameValue(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (x === y) return true;
  if (typeof x !== "object" || typeof y !== "object" || x === null || y === null) return false;
  return canonical(x) === canonical(y);
}

/** The fields each pending outbox mutation will set, row by row, in order (what the store will hold). */
export function outboxOverlay(meta: SyncMeta): Map<string, Fields> {
  const overlay = new Map<string, Fields>();
  for (const m of meta.outbox) {
    const key = rowKey(m.table, m.rowId);
    const fields = overlay.get(key) ?? {};
    for (const [field, change] of Object.entries(m.fields))
      fields[field] = (change.value ?? null) as JsonValue;
    overlay.set(key, fields);
  }
  return overlay;
}

export const heldKey = (table: string, rowId: string, field: string): string => `${table}/${rowId}#${field}`;
