/**
 * What the store's answers do to the workbook's memory: push results settle the outbox (taken
 * fields join the snapshot, refused or conflicting ones are held for the rep), pulled rows update the
 * snapshot and give the workbook the rows to write, except fields the rep holds or has pending.
 */
import type { JsonValue, Mutation, MutationResult, PulledRow, SyncTableName } from "../../contract";
import { isSyncTable } from "../../contract";
import { isoToExcelSerial } from "../../core/tracking";
import {
  canonical,
  heldKey,
  outboxOverlay,
  rowKey,
  sameValue,
  type Fields,
  type HeldField,
  type LocalChange,
  type LocalTables,
  type SyncMeta,
} from "./state";

function hold(meta: SyncMeta, entry: HeldField): void {
  const key = heldKey(entry.table, entry.rowId, entry.field);
  meta.held = meta.held.filter((h) => heldKey(h.table, h.rowId, h.field) !== key);
  meta.held.push(entry);
}

/** Settles the outbox with the store's results for `sent`; returns the fields now held. */
export function settlePush(
  meta: SyncMeta,
  sent: readonly Mutation[],
  results: readonly MutationResult[],
  now: string,
): HeldField[] {
  const byId = new Map(sent.map((m) => [m.mutationId, m]));
  const done = new Set<string>();
  const heldNow: HeldField[] = [];
  for (const r of results) {
    const m = byId.get(r.mutationId);
    if (m === undefined) continue;
    done.add(m.mutationId);
    const table = m.table as SyncTableName;
    const key = rowKey(table, m.rowId);
    const base = meta.base[key] ?? { v: 0, f: {} };
    if (r.status === "refused") {
      for (const [field, change] of Object.entries(m.fields)) {
        const entry: HeldField = {
          table,
          rowId: m.rowId,
          field,
          base: (change.base ?? null) as JsonValue,
          mine: (change.value ?? null) as JsonValue,
          theirs: base.f[field] ?? null,
          reason: r.reason ?? "REFUSED",
          at: now,
        };
        hold(meta, entry);
        heldNow.push(entry);
      }
      continue;
    }
    const conflicts = new Map(r.conflicts.map((c) => [c.field, c]));
    const fields: Fields = { ...base.f };
    for (const [field, change] of Object.entries(m.fields)) {
      const c = conflicts.get(field);
      if (c === undefined) {
        fields[field] = (change.value ?? null) as JsonValue;
        continue;
      }
      fields[field] = (c.theirs ?? null) as JsonValue;
      const entry: HeldField = {
        table,
        rowId: m.rowId,
        field,
        base: (c.base ?? null) as JsonValue,
        mine: (c.mine ?? null) as JsonValue,
        theirs: (c.theirs ?? null) as JsonValue,
        reason: null,
        at: now,
      };
      hold(meta, entry);
      heldNow.push(entry);
    }
    // Only a push straight on top of the known version makes that version known; after a merge the
    // row holds other people's changes too, which the pull brings (its version stays behind until then).
    const onTop = r.status === "applied" && r.version === base.v + 1 && m.baseVersion === base.v;
    meta.base[key] = { v: onTop ? r.version : base.v, f: fields };
  }
  meta.outbox = meta.outbox.filter((m) => !done.has(m.mutationId));
  return heldNow;
}

/**
 * Lays pulled rows over the snapshot. Returns the rows the workbook must now show (each whole,
 * the rep's held or pending fields kept as they are in the workbook).
 */
export function applyPulled(meta: SyncMeta, rows: readonly PulledRow[], local: LocalTables): LocalChange[] {
  const overlay = outboxOverlay(meta);
  const changes: LocalChange[] = [];
  for (const row of rows) {
    if (!isSyncTable(row.table)) continue;
    const table = row.table;
    const key = rowKey(table, row.rowId);
    const before = meta.base[key];
    const fields = row.fields as Fields;
    if (before !== undefined && before.v >= row.version) continue;
    meta.base[key] = { v: row.version, f: fields };
    const pending = overlay.get(key) ?? {};
    const mine = local[table]?.get(row.rowId);
    const next: Fields = { ...(mine ?? {}) };
    let changed = mine === undefined;
    for (const [field, value] of Object.entries(fields)) {
      if (field === "repId" || field === "deleted") continue;
      const h = meta.held.find((x) => x.table === table && x.rowId === row.rowId && x.field === field);
      if (h !== undefined) {
        // The store moved on: the choice is now between the rep's value and this one.
        if (sameValue(h.mine, value)) meta.held = meta.held.filter((x) => x !== h);
        else h.theirs = value ?? null;
        continue;
      }
      if (field in pending) continue;
      if (mine !== undefined && sameValue(mine[field], value)) continue;
      next[field] = value;
      changed = true;
    }
    const deleted = fields.deleted === true && !("deleted" in pending);
    if (deleted && mine === undefined) continue;
    if (changed || deleted) {
      changes.push({ table, rowId: row.rowId, fields: next, deleted });
      const t = (local[table] ??= new Map());
      if (deleted) t.delete(row.rowId);
      else t.set(row.rowId, next);
    }
  }
  return changes;
}

export type Choice = "mine" | "theirs";

/** A choice on a held field; `shownMine`, when known, is the rep's value as it was shown beside the choice. */
export interface HeldChoice {
  table: string;
  rowId: string;
  field: string;
  choice: Choice;
  shownMine?: JsonValue;
}

/** A value as a cell shows it, to compare what the rep saw with what is held now. */
const shownText = (v: JsonValue | undefined): string =>
  v === null || v === undefined ? "" : typeof v === "object" ? canonical(v) : String(v);

/** Whether the value shown beside a choice is the held one (a date shows as its serial in Excel). */
function stillShown(shown: JsonValue, held: JsonValue): boolean {
  if (shownText(shown) === shownText(held)) return true;
  return typeof shown === "number" && typeof held === "string" && /^\d{4}-\d{2}-\d{2}$/.test(held)
    ? isoToExcelSerial(held) === shown
    : false;
}

/**
 * The rep's choices on held fields. Keeping mine releases the field (the next diff sends it with the
 * store's value as base); taking theirs puts the store's value into the workbook.
 */
export function resolveHeld(
  meta: SyncMeta,
  choices: readonly HeldChoice[],
  local: LocalTables,
): LocalChange[] {
  const changes: LocalChange[] = [];
  for (const c of choices) {
    const h = meta.held.find((x) => x.table === c.table && x.rowId === c.rowId && x.field === c.field);
    if (h === undefined) continue;
    // Chosen on a value the rep has changed since: the conflict stays, shown again with the new value.
    if (c.shownMine !== undefined && !stillShown(c.shownMine, h.mine)) continue;
    meta.held = meta.held.filter((x) => x !== h);
    if (c.choice === "mine") continue;
    const rows = (local[h.table] ??= new Map<string, Fields>());
    const current = rows.get(h.rowId);
    if (h.field === "deleted") {
      // The store kept (or never had) the row: put back the row as the store has it.
      const f = meta.base[rowKey(h.table, h.rowId)]?.f;
      if (f === undefined) continue;
      const restored: Fields = Object.fromEntries(
        Object.entries(f).filter(([k]) => k !== "repId" && k !== "deleted"),
      );
      rows.set(h.rowId, restored);
      changes.push({ table: h.table, rowId: h.rowId, fields: restored, deleted: f.deleted === true });
      continue;
    }
    if (current === undefined) continue;
    const next = { ...current, [h.field]: h.theirs };
    rows.set(h.rowId, next);
    changes.push({ table: h.table, rowId: h.rowId, fields: next, deleted: false });
  }
  return changes;
}
