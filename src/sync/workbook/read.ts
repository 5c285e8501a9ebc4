/**
 * The workbook's synced tables as wire rows: Clients (identity, sales, potential, segment, planned
 * per channel and weighted; the rep's own columns as `extra`), Contacts (client by row id, weight of
 * its channel), Actions, and one plan row from the Settings. Rows without a Cadence id get one.
 */
import type { JsonValue, SyncTableName } from "../../contract";
import { DEFAULT_CHANNELS, STRATEGIC_SEGMENTS } from "../../core/types";
import { ACTION_STATUS_LABELS, SETTINGS } from "../../core/workbook/schema";
import type { Fields, LocalTables } from "../engine/state";
import { dateOf, numberOf, textOf } from "./cells";
import type { SheetTable, SyncedTableId, WorkbookSyncInput } from "./types";

export const WIRE_TABLE: Readonly<Record<SyncedTableId, SyncTableName>> = {
  Clients: "clients",
  Contacts: "contacts",
  Actions: "actions",
};

/** Clients column id → wire field, and how the cell reads. */
export const CLIENT_FIELDS: readonly [string, string, "text" | "number"][] = [
  ["id", "clientKey", "text"],
  ["name", "name", "text"],
  ["postalCode", "postalCode", "text"],
  ["city", "city", "text"],
  ["salesN1", "salesN1", "number"],
  ["salesN", "salesN", "number"],
  ["potential", "potential", "number"],
  ["planned.visit", "plannedVisit", "number"],
  ["planned.video", "plannedVideo", "number"],
  ["planned.call", "plannedCall", "number"],
  ["planned.digital", "plannedDigital", "number"],
  ["weightedPlanned", "plannedWeighted", "number"],
];

export interface ReadIssue {
  table: SyncedTableId;
  /** 1-based data row. */
  row: number;
  column: string;
  messageFr: string;
  messageEn: string;
}

export interface LocalRead {
  local: LocalTables;
  /** Row id of each data row, per table (after assignment). */
  rowIds: Record<SyncedTableId, (string | null)[]>;
  /** Ids given to rows that had none (or a copy of another row's id): written back before the push. */
  assigned: { table: SyncedTableId; row: number; rowId: string }[];
  /** Rows present but not synced (a contact of a client not in this plan…): never tombstoned. */
  kept: Set<string>;
  issues: ReadIssue[];
  /** Client key ↔ row id. */
  clientIdByKey: Map<string, string>;
}

const norm = (s: string): string =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .trim();

export function segmentId(cell: string | null): string | null {
  if (cell === null) return null;
  const n = norm(cell);
  const s = STRATEGIC_SEGMENTS.find(
    (x) => norm(x.id) === n || norm(x.labelFr) === n || norm(x.labelEn) === n,
  );
  return s?.id ?? cell;
}

export function channelId(cell: string | null): string | null {
  if (cell === null) return null;
  const n = norm(cell);
  const c = DEFAULT_CHANNELS.find((x) => x.id === n || norm(x.labelFr) === n || norm(x.labelEn) === n);
  return c?.id ?? cell;
}

export function actionStatusId(cell: string | null): string | null {
  if (cell === null) return null;
  const n = norm(cell);
  for (const [id, labels] of Object.entries(ACTION_STATUS_LABELS))
    if (n === id || n === norm(labels.fr) || n === norm(labels.en)) return id;
  return cell;
}

const blank = (row: readonly unknown[]): boolean =>
  row.every((v) => v === null || v === undefined || v === "");

function columnIndex(t: SheetTable): Map<string, number> {
  const out = new Map<string, number>();
  t.columnIds.forEach((id, i) => {
    if (id !== null && !out.has(id)) out.set(id, i);
  });
  return out;
}

export function readLocal(input: WorkbookSyncInput, newId: () => string, planRowId: string): LocalRead {
  const clientRows = new Map<string, Fields>();
  const contactRows = new Map<string, Fields>();
  const actionRows = new Map<string, Fields>();
  const result: LocalRead = {
    local: {
      clients: clientRows,
      contacts: contactRows,
      actions: actionRows,
      plans: new Map([[planRowId, {}]]),
    },
    rowIds: { Clients: [], Contacts: [], Actions: [] },
    assigned: [],
    kept: new Set(),
    issues: [],
    clientIdByKey: new Map(),
  };
  const year = Number((dateOf(input.settings.Cadence_PeriodStart ?? "") ?? "").slice(0, 4)) || null;

  // Row ids first, for every table (a contact names its client by the client's row id).
  for (const id of ["Clients", "Contacts", "Actions"] as const) {
    const t = input.tables[id];
    const col = columnIndex(t).get("rowId");
    const seen = new Set<string>();
    t.rows.forEach((row, i) => {
      if (blank(row)) {
        result.rowIds[id].push(null);
        return;
      }
      let rowId = col === undefined ? null : textOf(row[col] ?? null);
      if (rowId === null || seen.has(rowId) || !/^[0-9a-f-]{36}$/i.test(rowId)) {
        rowId = newId();
        result.assigned.push({ table: id, row: i, rowId });
      }
      seen.add(rowId);
      result.rowIds[id].push(rowId);
    });
  }

  const clients = input.tables.Clients;
  const cc = columnIndex(clients);
  clients.rows.forEach((row, i) => {
    const rowId = result.rowIds.Clients.at(i);
    if (rowId === null || rowId === undefined) return;
    const f: Fields = { year };
    for (const [colId, field, kind] of CLIENT_FIELDS) {
      const c = cc.get(colId);
      const cell = c === undefined ? null : (row[c] ?? null);
      f[field] = kind === "text" ? textOf(cell) : numberOf(cell);
    }
    const seg = cc.get("segment");
    f.segment = segmentId(textOf(seg === undefined ? null : (row[seg] ?? null)));
    const extra: Record<string, JsonValue> = {};
    clients.columnIds.forEach((colId, c) => {
      const v = row[c];
      if (colId === null && v !== null && v !== undefined && v !== "")
        extra[clients.headers[c] ?? `#${c}`] = v;
    });
    f.extra = Object.keys(extra).length > 0 ? extra : null;
    clientRows.set(rowId, f);
    if (typeof f.clientKey === "string") result.clientIdByKey.set(f.clientKey, rowId);
  });

  const weights = channelWeights(input);
  const contacts = input.tables.Contacts;
  const kc = columnIndex(contacts);
  const cell = (t: SheetTable, cols: Map<string, number>, row: readonly unknown[], id: string) => {
    const c = cols.get(id);
    return c === undefined ? null : ((row[c] ?? null) as string | number | boolean | null);
  };
  contacts.rows.forEach((row, i) => {
    const rowId = result.rowIds.Contacts.at(i);
    if (rowId === null || rowId === undefined) return;
    const key = textOf(cell(contacts, kc, row, "clientId"));
    const clientId = key === null ? null : result.clientIdByKey.get(key);
    if (clientId === undefined || clientId === null) {
      result.kept.add(`contacts/${rowId}`);
      result.issues.push({
        table: "Contacts",
        row: i + 1,
        column: "clientId",
        messageFr: `Contacts, ligne ${i + 1} : le client « ${key ?? ""} » n'est pas dans ce plan ; contact non envoyé.`,
        messageEn: `Contacts, row ${i + 1}: client '${key ?? ""}' is not in this plan; contact not sent.`,
      });
      return;
    }
    const channel = channelId(textOf(cell(contacts, kc, row, "channel")));
    contactRows.set(rowId, {
      clientId,
      date: dateOf(cell(contacts, kc, row, "date")),
      channel,
      weight: channel === null ? null : (weights[channel] ?? null),
      note: textOf(cell(contacts, kc, row, "note")),
    });
  });

  const actions = input.tables.Actions;
  const ac = columnIndex(actions);
  actions.rows.forEach((row, i) => {
    const rowId = result.rowIds.Actions.at(i);
    if (rowId === null || rowId === undefined) return;
    const key = textOf(cell(actions, ac, row, "clientId"));
    const clientId = key === null ? null : (result.clientIdByKey.get(key) ?? null);
    if (key !== null && clientId === null) {
      result.kept.add(`actions/${rowId}`);
      result.issues.push({
        table: "Actions",
        row: i + 1,
        column: "clientId",
        messageFr: `Actions, ligne ${i + 1} : le client « ${key} » n'est pas dans ce plan ; action non envoyée.`,
        messageEn: `Actions, row ${i + 1}: client '${key}' is not in this plan; action not sent.`,
      });
      return;
    }
    actionRows.set(rowId, {
      clientId,
      action: textOf(cell(actions, ac, row, "action")),
      owner: textOf(cell(actions, ac, row, "owner")),
      dueDate: dateOf(cell(actions, ac, row, "due")),
      status: actionStatusId(textOf(cell(actions, ac, row, "status"))),
    });
  });

  result.local.plans = new Map([[planRowId, planFields(input, year, weights)]]);
  return result;
}

function channelWeights(input: WorkbookSyncInput): Record<string, number> {
  const weights: Record<string, number> = Object.fromEntries(DEFAULT_CHANNELS.map((c) => [c.id, c.weight]));
  const t = input.channels;
  if (t === null) return weights;
  const cols = columnIndex(t);
  const idCol = cols.get("id");
  const wCol = cols.get("weight");
  if (idCol === undefined || wCol === undefined) return weights;
  for (const row of t.rows) {
    const id = channelId(textOf(row[idCol] ?? null));
    const w = numberOf(row[wCol] ?? null);
    if (id !== null && w !== null) weights[id] = w;
  }
  return weights;
}

function planFields(input: WorkbookSyncInput, year: number | null, weights: Record<string, number>): Fields {
  const capacity: Record<string, JsonValue> = {};
  for (const s of SETTINGS) {
    const key = s.name.replace(/^Cadence_/, "");
    const name = key.charAt(0).toLowerCase() + key.slice(1);
    const v = input.settings[s.name];
    capacity[name] =
      s.kind === "date"
        ? dateOf(v ?? null)
        : s.kind === "text"
          ? (textOf(v ?? null) ?? "")
          : numberOf(v ?? null);
  }
  const norms: Record<string, JsonValue> = {};
  const t = input.norms;
  if (t !== null) {
    const cols = columnIndex(t);
    const seg = cols.get("segment");
    for (const row of t.rows) {
      const id = segmentId(textOf(seg === undefined ? null : (row[seg] ?? null)));
      if (id === null) continue;
      const perChannel: Record<string, JsonValue> = {};
      for (const c of DEFAULT_CHANNELS) {
        const i = cols.get(c.id);
        const n = i === undefined ? null : numberOf(row[i] ?? null);
        if (n !== null) perChannel[c.id] = n;
      }
      norms[id] = perChannel;
    }
  }
  return { year, capacity, norms, channelWeights: weights };
}
