/**
 * Field ↔ column mapping of the synced tables, and the value codec: booleans are stored as 0/1 and
 * JSON documents as canonical text, so the three-way merge compares like with like on both dialects.
 */
import { SYNC_TABLES, type FieldKind, type JsonValue, type SyncTableName } from "../../contract";

export function columnOf(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export function fieldsOf(table: SyncTableName): readonly [string, FieldKind][] {
  return Object.entries(SYNC_TABLES[table].fields);
}

/** JSON text with object keys sorted, so equal documents compare equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

export type DbValue = string | number | null;

export function encode(kind: FieldKind, value: unknown): DbValue {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case "boolean":
      return value === true ? 1 : 0;
    case "json":
      return canonicalJson(value);
    default:
      return value as string | number;
  }
}

export function decode(kind: FieldKind, value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case "boolean":
      return value === 1 || value === true || value === "1";
    case "json":
      return JSON.parse(typeof value === "string" ? value : JSON.stringify(value)) as JsonValue;
    case "number":
    case "integer":
      return Number(value);
    default:
      return typeof value === "string" ? value : JSON.stringify(value);
  }
}

const ROW_COLUMNS = ["id", "rep_id", "version", "deleted", "updated_at", "updated_by"];
const storedColumns = new Map<SyncTableName, readonly string[]>();

/**
 * The columns a synced row is read with: its fields' and the sync bookkeeping, not the server's own
 * (the clients' contact totals), which would only cost time on every pull and push.
 */
export function syncColumnsOf(table: SyncTableName): readonly string[] {
  let columns = storedColumns.get(table);
  if (columns === undefined) {
    columns = [...new Set([...ROW_COLUMNS, ...fieldsOf(table).map(([field]) => columnOf(field))])];
    storedColumns.set(table, columns);
  }
  return columns;
}

/** Row of a synced table (as read from the database) → wire fields. */
export function rowToFields(table: SyncTableName, row: Record<string, unknown>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [field, kind] of fieldsOf(table)) out[field] = decode(kind, row[columnOf(field)]);
  return out;
}
