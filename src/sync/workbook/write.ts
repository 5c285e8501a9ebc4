/**
 * What sync writes into the workbook: rows that came down (cells of synced columns only; the rep's
 * own columns and formulas are left alone), rows added and removed, the manager's notes on Clients,
 * the Pilotage / Steering and Conflits sheets, and the snapshot in the hidden sync sheet.
 */
import type { JsonValue } from "../../contract";
import { DEFAULT_CHANNELS, STRATEGIC_SEGMENTS } from "../../core/types";
import { ACTION_STATUS_LABELS, SETTINGS, type Lang } from "../../core/workbook/schema";
import type { Fields, HeldField, LocalChange, SyncMeta } from "../engine/state";
import type { HeldChoice } from "../engine/reconcile";
import { cellOf, cellShows, textOf } from "./cells";
import { CLIENT_FIELDS, channelId, segmentId, type LocalRead } from "./read";
import type { SheetTable, SyncedTableId, TableEdits, WorkbookSyncInput, WorkbookSyncWrite } from "./types";
import { STATE_CHUNK } from "./types";
import type { CellValue } from "../../core/types";

const TABLE_OF: Readonly<Record<string, SyncedTableId | undefined>> = {
  clients: "Clients",
  contacts: "Contacts",
  actions: "Actions",
};

function segmentLabel(id: JsonValue, lang: Lang): CellValue {
  const s = STRATEGIC_SEGMENTS.find((x) => x.id === id);
  return s === undefined ? cellOf(id) : lang === "fr" ? s.labelFr : s.labelEn;
}

/** Cadence column id → cell value of a wire row. */
function cellsOf(
  table: SyncedTableId,
  f: Fields,
  lang: Lang,
  keyOf: (clientRowId: JsonValue) => CellValue,
): Record<string, CellValue> {
  switch (table) {
    case "Clients": {
      const out: Record<string, CellValue> = {};
      for (const [colId, field] of CLIENT_FIELDS) out[colId] = cellOf(f[field]);
      out.segment = segmentLabel(f.segment ?? null, lang);
      return out;
    }
    case "Contacts":
      return {
        date: cellOf(f.date, "date"),
        clientId: keyOf(f.clientId ?? null),
        channel: cellOf(f.channel),
        note: cellOf(f.note),
      };
    case "Actions": {
      const status = ACTION_STATUS_LABELS[f.status as "open" | "done" | "cancelled"] as
        Record<Lang, string> | undefined;
      return {
        clientId: keyOf(f.clientId ?? null),
        action: cellOf(f.action),
        owner: cellOf(f.owner),
        due: cellOf(f.dueDate, "date"),
        status: status === undefined ? cellOf(f.status) : status[lang],
      };
    }
  }
}

export function stateChunks(meta: SyncMeta): string[] {
  const json = JSON.stringify(meta);
  const out: string[] = [];
  for (let i = 0; i < json.length; i += STATE_CHUNK) out.push(json.slice(i, i + STATE_CHUNK));
  return out;
}

const emptyEdits = (): TableEdits => ({ cells: [], remove: [], append: [] });

export interface WriteContext {
  input: WorkbookSyncInput;
  read: LocalRead;
}

/** Edits giving each new row its id (the save before the push). */
export function idEdits(ctx: WriteContext): Partial<Record<SyncedTableId, TableEdits>> {
  const out: Partial<Record<SyncedTableId, TableEdits>> = {};
  for (const a of ctx.read.assigned) {
    const col = ctx.input.tables[a.table].columnIds.indexOf("rowId");
    if (col < 0) continue;
    (out[a.table] ??= emptyEdits()).cells.push({ row: a.row, col, value: a.rowId });
  }
  return out;
}

export function buildWrite(
  ctx: WriteContext,
  meta: SyncMeta,
  changes: readonly LocalChange[],
  withIds: boolean,
): WorkbookSyncWrite {
  const { input, read } = ctx;
  const lang = input.lang;
  const tables: Partial<Record<SyncedTableId, TableEdits>> = withIds ? idEdits(ctx) : {};
  const keyOf = (clientRowId: JsonValue): CellValue => {
    if (typeof clientRowId !== "string") return "";
    const f = read.local.clients?.get(clientRowId) ?? meta.base[`clients/${clientRowId}`]?.f;
    return cellOf(f?.clientKey ?? null);
  };
  const settings: Record<string, CellValue> = {};
  let params: WorkbookSyncWrite["params"] = {};
  // The last change of a row wins (a conflict choice, then a pull).
  const last = new Map<string, LocalChange>();
  for (const c of changes) last.set(`${c.table}/${c.rowId}`, c);
  const positions = new Map<string, number>();
  for (const t of ["Clients", "Contacts", "Actions"] as const)
    read.rowIds[t].forEach((id, i) => {
      if (id !== null) positions.set(`${t}/${id}`, i);
    });

  for (const c of last.values()) {
    if (c.table === "plans") {
      // Only this workbook's plan: the rep's other plans (another year, another file) are not this one's settings.
      if (c.rowId !== meta.planRowId) continue;
      Object.assign(settings, settingsOf(c.fields, input));
      params = paramsOf(c.fields, input);
      continue;
    }
    const t = TABLE_OF[c.table];
    if (t === undefined) continue;
    const sheet = input.tables[t];
    const edits = (tables[t] ??= emptyEdits());
    const at = positions.get(`${t}/${c.rowId}`);
    if (c.deleted) {
      if (at !== undefined) edits.remove.push(at);
      continue;
    }
    const values = cellsOf(t, c.fields, lang, keyOf);
    if (at === undefined) {
      edits.append.push(
        sheet.columnIds.map((id) => (id === "rowId" ? c.rowId : id === null ? "" : (values[id] ?? ""))),
      );
      continue;
    }
    const row = sheet.rows[at] ?? [];
    sheet.columnIds.forEach((id, col) => {
      if (id === null || !(id in values)) return;
      const value = values[id];
      if (!cellShows(row[col] ?? "", value)) edits.cells.push({ row: at, col, value });
    });
  }
  managerNotes(ctx, meta, tables);
  return {
    tables,
    settings,
    params,
    steering: steeringSheet(meta, lang, keyOf),
    conflicts: conflictsSheet(meta.held, lang, meta, keyOf),
    state: stateChunks(meta),
  };
}

function settingsOf(f: Fields, input: WorkbookSyncInput): Record<string, CellValue> {
  const capacity = (f.capacity ?? {}) as Record<string, JsonValue>;
  const out: Record<string, CellValue> = {};
  for (const s of SETTINGS) {
    const key = s.name.replace(/^Cadence_/, "");
    const name = key.charAt(0).toLowerCase() + key.slice(1);
    if (!(name in capacity)) continue;
    const value = cellOf(capacity[name], s.kind === "date" ? "date" : "text");
    if (
      !cellShows(input.settings[s.name] ?? "", value) &&
      !(s.kind === "date" && sameDate(input.settings[s.name], capacity[name]))
    )
      out[s.name] = value;
  }
  return out;
}

/**
 * The Norms and Channels cells a plan row coming down changes (another copy's norms or weights):
 * the rows the workbook has, matched by segment and channel, whatever their labels' language.
 */
function paramsOf(f: Fields, input: WorkbookSyncInput): WorkbookSyncWrite["params"] {
  const out: NonNullable<WorkbookSyncWrite["params"]> = {};
  const norms = f.norms;
  const t = input.norms;
  if (t !== null && norms !== null && typeof norms === "object" && !Array.isArray(norms)) {
    const seg = t.columnIds.indexOf("segment");
    t.rows.forEach((row, r) => {
      const id = seg < 0 ? null : segmentId(textOf(row[seg] ?? null));
      const per = id === null ? undefined : norms[id];
      if (per === null || per === undefined || typeof per !== "object" || Array.isArray(per)) return;
      for (const c of DEFAULT_CHANNELS) {
        const col = t.columnIds.indexOf(c.id);
        const value = per[c.id];
        if (col < 0 || typeof value !== "number" || cellShows(row[col] ?? "", value)) continue;
        (out.Norms ??= []).push({ row: r, col, value });
      }
    });
  }
  const weights = f.channelWeights;
  const ch = input.channels;
  if (ch !== null && weights !== null && typeof weights === "object" && !Array.isArray(weights)) {
    const idCol = ch.columnIds.indexOf("id");
    const wCol = ch.columnIds.indexOf("weight");
    if (idCol >= 0 && wCol >= 0)
      ch.rows.forEach((row, r) => {
        const id = channelId(textOf(row[idCol] ?? null));
        const value = id === null ? undefined : weights[id];
        if (typeof value === "number" && !cellShows(row[wCol] ?? "", value))
          (out.Channels ??= []).push({ row: r, col: wCol, value });
      });
  }
  return out;
}

function sameDate(cell: CellValue, iso: JsonValue | undefined): boolean {
  return typeof iso === "string" && (cell === iso || cellOf(iso, "date") === cell);
}

/** The manager's notes (kind "note") on each client, newest last, in the Clients "Notes du manager" column. */
function managerNotes(
  ctx: WriteContext,
  meta: SyncMeta,
  tables: Partial<Record<SyncedTableId, TableEdits>>,
): void {
  const clients: SheetTable = ctx.input.tables.Clients;
  const col = clients.columnIds.indexOf("managerNote");
  if (col < 0) return;
  const byClient = new Map<string, string[]>();
  for (const [key, row] of Object.entries(meta.base)) {
    if (row === undefined || !key.startsWith("notes/") || row.f.deleted === true || row.f.kind !== "note")
      continue;
    const client = row.f.clientId;
    if (typeof client !== "string" || typeof row.f.text !== "string") continue;
    byClient.set(client, [...(byClient.get(client) ?? []), row.f.text]);
  }
  const edits = (tables.Clients ??= emptyEdits());
  ctx.read.rowIds.Clients.forEach((rowId, i) => {
    if (rowId === null) return;
    const text = (byClient.get(rowId) ?? []).join(" · ");
    if (!cellShows(clients.rows[i]?.[col] ?? "", text)) edits.cells.push({ row: i, col, value: text });
  });
  for (const row of edits.append) {
    const rowId = row[clients.columnIds.indexOf("rowId")];
    if (typeof rowId === "string") row[col] = (byClient.get(rowId) ?? []).join(" · ");
  }
}

const STEERING_HEADERS: Readonly<Record<Lang, string[]>> = {
  fr: ["Type", "Code client", "Texte", "Valeur", "Année", "Date"],
  en: ["Kind", "Client id", "Text", "Value", "Year", "Date"],
};

function steeringSheet(meta: SyncMeta, lang: Lang, keyOf: (id: JsonValue) => CellValue): CellValue[][] {
  const kind = (k: string): string =>
    ({
      note: { fr: "Note", en: "Note" },
      target: { fr: "Objectif", en: "Target" },
      review: { fr: "Revue", en: "Review" },
    })[k]?.[lang] ?? k;
  const rows: CellValue[][] = [];
  for (const [key, row] of Object.entries(meta.base)) {
    if (row === undefined || row.f.deleted === true) continue;
    if (key.startsWith("notes/")) {
      rows.push([
        kind(typeof row.f.kind === "string" ? row.f.kind : "note"),
        keyOf(row.f.clientId ?? null),
        cellOf(row.f.text),
        cellOf(row.f.value),
        cellOf(row.f.year),
        "",
      ]);
    } else if (key.startsWith("reviews/")) {
      rows.push([kind("review"), "", cellOf(row.f.decisions), "", "", cellOf(row.f.date, "date")]);
    }
  }
  return [STEERING_HEADERS[lang], ...rows];
}

export const CONFLICT_HEADERS: Readonly<Record<Lang, string[]>> = {
  fr: [
    "Table",
    "Ligne",
    "Champ",
    "Valeur de base",
    "Ma valeur",
    "Valeur du serveur",
    "Motif",
    "Choix (moi / serveur)",
    "Clé",
  ],
  en: [
    "Table",
    "Row",
    "Field",
    "Base value",
    "Mine",
    "Store's value",
    "Reason",
    "Choice (mine / theirs)",
    "Key",
  ],
};

/** The row a held field is about, as the rep knows it (a client's code, a contact's date and client). */
function rowLabel(h: HeldField, meta: SyncMeta, keyOf: (id: JsonValue) => CellValue): CellValue {
  const f = meta.base[`${h.table}/${h.rowId}`]?.f;
  if (h.table === "clients") return cellOf(f?.clientKey ?? (h.field === "clientKey" ? h.mine : null));
  if (h.table === "contacts" || h.table === "actions") return keyOf(f?.clientId ?? null);
  return h.table;
}

function conflictsSheet(
  held: readonly HeldField[],
  lang: Lang,
  meta: SyncMeta,
  keyOf: (id: JsonValue) => CellValue,
): CellValue[][] {
  const show = (v: JsonValue): CellValue => cellOf(v);
  return [
    CONFLICT_HEADERS[lang],
    ...held.map((h) => [
      h.table,
      rowLabel(h, meta, keyOf),
      h.field,
      show(h.base),
      show(h.mine),
      show(h.theirs),
      h.reason ?? (lang === "fr" ? "conflit" : "conflict"),
      "",
      `${h.table}/${h.rowId}#${h.field}`,
    ]),
  ];
}

/** The rep's choices typed in the Conflits sheet: "mine"/"moi"/"garder", or "theirs"/"serveur". */
export function choicesOf(rows: readonly (readonly CellValue[])[]): HeldChoice[] {
  const out: HeldChoice[] = [];
  for (const row of rows) {
    const text = String(row[7] ?? "")
      .trim()
      .toLowerCase();
    const key = /^([a-z]+)\/([0-9a-f-]{36})#(.+)$/i.exec(String(row[8] ?? ""));
    if (key === null || text === "") continue;
    const choice = ["mine", "moi", "garder", "keep", "keep mine", "le mien"].includes(text)
      ? "mine"
      : ["theirs", "serveur", "store", "take theirs", "le leur"].includes(text)
        ? "theirs"
        : null;
    // The rep's value as the sheet showed it beside the choice (a choice on a value changed since is stale).
    const shown = row[4];
    if (choice !== null)
      out.push({
        table: key[1],
        rowId: key[2],
        field: key[3],
        choice,
        ...(shown === undefined ? {} : { shownMine: shown }),
      });
  }
  return out;
}

export const CHANNEL_IDS = DEFAULT_CHANNELS.map((c) => c.id);
