/**
 * Change detection without Excel events: the workbook's rows now, against what the store holds as
 * far as this workbook knows (the snapshot, with the outbox's pending mutations laid over it), give
 * field-level mutations carrying their base values. Rows gone from the workbook become tombstones.
 */
import type { JsonValue, Mutation, SyncTableName } from "../../contract";
import {
  heldKey,
  outboxOverlay,
  rowKey,
  sameValue,
  type Fields,
  type LocalTables,
  type SyncMeta,
} from "./state";

/**
 * A held field the rep edited again: the conflict is now between their new value and the store's
 * (shown as "mine"), and over when they typed the store's value. Never silently the old value.
 */
export function followEdits(meta: SyncMeta, local: LocalTables): void {
  meta.held = meta.held.filter((h) => {
    if (h.field === "deleted") return true;
    const row = local[h.table]?.get(h.rowId);
    if (row === undefined) return true;
    const now = row[h.field] ?? null;
    if (sameValue(now, h.mine)) return true;
    if (sameValue(now, h.theirs)) return false;
    h.mine = now;
    return true;
  });
}

export function diff(meta: SyncMeta, local: LocalTables, newId: () => string): Mutation[] {
  const overlay = outboxOverlay(meta);
  const held = new Set(meta.held.map((h) => heldKey(h.table, h.rowId, h.field)));
  const mutations: Mutation[] = [];
  const known = (key: string): Fields | undefined => {
    const base = meta.base[key]?.f;
    const over = overlay.get(key);
    return over === undefined ? base : { ...base, ...over };
  };
  for (const [table, rows] of Object.entries(local) as [SyncTableName, Map<string, Fields>][]) {
    for (const [rowId, fields] of rows) {
      const key = rowKey(table, rowId);
      const was = known(key);
      const gone = was === undefined || was.deleted === true;
      const changes: Mutation["fields"] = {};
      for (const [field, value] of Object.entries(fields)) {
        const before: JsonValue = gone ? null : (was[field] ?? null);
        if (sameValue(value, before) || held.has(heldKey(table, rowId, field))) continue;
        changes[field] = { base: before, value };
      }
      if (was !== undefined && was.deleted === true) changes.deleted = { base: true, value: false };
      if (Object.keys(changes).length === 0 && was !== undefined) continue;
      mutations.push({
        mutationId: newId(),
        table,
        rowId,
        baseVersion: meta.base[key]?.v ?? 0,
        fields: changes,
      });
    }
    // Tombstones: rows of this table the store has (or will have) that the workbook no longer holds.
    const keys = new Set<string>();
    const prefix = `${table}/`;
    for (const key of Object.keys(meta.base)) if (key.startsWith(prefix)) keys.add(key);
    for (const key of overlay.keys()) if (key.startsWith(prefix)) keys.add(key);
    for (const key of keys) {
      const rowId = key.slice(prefix.length);
      if (rows.has(rowId)) continue;
      const was = known(key);
      if (was === undefined || was.deleted === true) continue;
      if (held.has(heldKey(table, rowId, "deleted"))) continue;
      mutations.push({
        mutationId: newId(),
        table,
        rowId,
        baseVersion: meta.base[key]?.v ?? 0,
        fields: { deleted: { base: false, value: true } },
      });
    }
  }
  return mutations;
}
