/**
 * The plan workbook's schema: sheets, tables and stable column ids with French and English headers.
 * Shared by the Excel gateway (src/excel) and the file template (src/cli/xlsx), so the add-in and the
 * file agree. Column identity never depends on header text: ids are recorded in a hidden sheet.
 */
import { DEFAULT_CHANNELS, DEFAULT_NORMS, STRATEGIC_SEGMENTS } from "../types";
import type { ChannelId, Lang, PlannedStatus, TrackingStatus } from "../types";

export type { Lang, PlannedStatus, TrackingStatus };
export { DEFAULT_NORMS };

export const SCHEMA_VERSION = 1;
export const SCHEMA_SHEET = "_cadence_schema";
export const UNDO_SHEET = "_cadence_undo";

export type ColumnKind = "text" | "integer" | "number" | "money" | "percent" | "date";
export type ValidationList = "segment" | "channel" | "status" | "actionStatus";

export interface ColumnSpec {
  id: string;
  fr: string;
  en: string;
  kind: ColumnKind;
  list?: ValidationList;
  /** True for the columns Cadence computes and writes (the rest belong to the rep). */
  cadence?: boolean;
}

export type TableId = "Clients" | "Norms" | "Channels" | "Contacts" | "Actions";
export type SheetId = "clients" | "settings" | "contacts" | "actions" | "dashboard" | "tours" | "team";

export interface TableSpec {
  /** Excel table name: stable, the same in every language (structured references use it). */
  name: TableId;
  sheet: SheetId;
  /** Top-left cell of the header row. */
  anchor: string;
  columns: readonly ColumnSpec[];
}

export const SHEET_NAMES: Readonly<Record<SheetId, Record<Lang, string>>> = {
  clients: { fr: "Clients", en: "Clients" },
  settings: { fr: "Paramètres", en: "Settings" },
  contacts: { fr: "Contacts", en: "Contacts" },
  actions: { fr: "Actions", en: "Actions" },
  dashboard: { fr: "Tableau de bord", en: "Dashboard" },
  tours: { fr: "Tournées", en: "Tours" },
  team: { fr: "Équipe", en: "Team" },
};

const col = (
  id: string,
  fr: string,
  en: string,
  kind: ColumnKind,
  extra: Partial<ColumnSpec> = {},
): ColumnSpec => ({
  id,
  fr,
  en,
  kind,
  ...extra,
});

const perChannel = (prefix: string, fr: string, en: string): ColumnSpec[] =>
  DEFAULT_CHANNELS.map((c) =>
    col(`${prefix}.${c.id}`, `${fr} ${c.labelFr}`, `${en} ${c.labelEn}`, "integer", { cadence: true }),
  );

/** Cadence's plan columns, written into the Clients table or into a rep's own table. */
export function planColumns(
  channels: readonly ChannelId[] = DEFAULT_CHANNELS.map((c) => c.id),
): ColumnSpec[] {
  const planned = channels.map((id) => {
    const c = DEFAULT_CHANNELS.find((d) => d.id === id);
    return col(`planned.${id}`, `Prévu ${c?.labelFr ?? id}`, `Planned ${c?.labelEn ?? id}`, "integer", {
      cadence: true,
    });
  });
  return [
    col("segment", "Segment", "Segment", "text", { list: "segment", cadence: true }),
    col("norm", "Norme (éq. visites)", "Norm (visit eq.)", "number", { cadence: true }),
    ...planned,
    col("weightedPlanned", "Prévu pondéré", "Weighted planned", "number", { cadence: true }),
    col("explanation", "Explication", "Explanation", "text", { cadence: true }),
  ];
}

/**
 * The re-forecast's columns (issue 15): the re-planned remaining contacts per channel, written
 * beside the baseline's planned columns, which never change.
 */
export function remainingColumns(
  channels: readonly ChannelId[] = DEFAULT_CHANNELS.map((c) => c.id),
): ColumnSpec[] {
  return channels.map((id) => {
    const c = DEFAULT_CHANNELS.find((d) => d.id === id);
    return col(
      `remaining.${id}`,
      `Reste à faire ${c?.labelFr ?? id}`,
      `Remaining ${c?.labelEn ?? id}`,
      "integer",
      {
        cadence: true,
      },
    );
  });
}

/** Tracking columns, recomputed by refresh. */
export const TRACKING_COLUMNS: readonly ColumnSpec[] = [
  ...perChannel("actual", "Réalisé", "Actual"),
  col("pace", "Rythme", "Pace", "percent", { cadence: true }),
  col("status", "Statut", "Status", "text", { list: "status", cadence: true }),
  col("lastContact", "Dernier contact", "Last contact", "date", { cadence: true }),
];

/** The manager's notes on a client, written by sync (the rep's edits there are not sent). */
export const MANAGER_NOTE_COLUMN: ColumnSpec = col(
  "managerNote",
  "Notes du manager",
  "Manager notes",
  "text",
  {
    cadence: true,
  },
);
/** The stable row id sync gives each row (hidden); it stays with the row when the rep sorts. */
export const ROW_ID_COLUMN: ColumnSpec = col("rowId", "Id Cadence", "Cadence id", "text", { cadence: true });

export const TABLES: readonly TableSpec[] = [
  {
    name: "Clients",
    sheet: "clients",
    anchor: "A1",
    columns: [
      col("id", "Code client", "Client id", "text"),
      col("name", "Raison sociale", "Name", "text"),
      col("postalCode", "Code postal", "Postal code", "text"),
      col("city", "Ville", "City", "text"),
      col("salesN1", "CA N-1", "Sales N-1", "money"),
      col("salesN", "CA N", "Sales N", "money"),
      col("potential", "Potentiel", "Potential", "money"),
      ...planColumns(),
      ...TRACKING_COLUMNS,
      MANAGER_NOTE_COLUMN,
      ROW_ID_COLUMN,
    ],
  },
  {
    name: "Norms",
    sheet: "settings",
    anchor: "D1",
    columns: [
      col("segment", "Segment", "Segment", "text", { list: "segment" }),
      ...DEFAULT_CHANNELS.map((c) => col(c.id, c.labelFr, c.labelEn, "integer")),
    ],
  },
  {
    name: "Channels",
    sheet: "settings",
    anchor: "D10",
    columns: [
      col("id", "Code", "Id", "text"),
      col("label", "Canal", "Channel", "text"),
      col("weight", "Poids (éq. visite)", "Weight (visit eq.)", "number"),
    ],
  },
  {
    name: "Contacts",
    sheet: "contacts",
    anchor: "A1",
    columns: [
      col("date", "Date", "Date", "date"),
      col("clientId", "Code client", "Client id", "text"),
      col("channel", "Canal", "Channel", "text", { list: "channel" }),
      col("note", "Note", "Note", "text"),
      col("source", "Source", "Source", "text"),
      ROW_ID_COLUMN,
    ],
  },
  {
    name: "Actions",
    sheet: "actions",
    anchor: "A1",
    columns: [
      col("clientId", "Code client", "Client id", "text"),
      col("action", "Action", "Action", "text"),
      col("owner", "Responsable", "Owner", "text"),
      col("due", "Échéance", "Due date", "date"),
      col("status", "Statut", "Status", "text", { list: "actionStatus" }),
      ROW_ID_COLUMN,
    ],
  },
];

export function table(name: TableId): TableSpec {
  const spec = TABLES.find((t) => t.name === name);
  if (spec === undefined) throw new RangeError(`Unknown table ${name}`);
  return spec;
}

export const header = (c: ColumnSpec, lang: Lang): string => (lang === "fr" ? c.fr : c.en);

/** Settings: named ranges (workbook names) with a label and a default value. */
export interface SettingSpec {
  name: string;
  fr: string;
  en: string;
  kind: ColumnKind;
  value: string | number;
}
export const SETTINGS: readonly SettingSpec[] = [
  {
    name: "Cadence_PeriodStart",
    fr: "Début de période",
    en: "Period start",
    kind: "date",
    value: "2026-01-01",
  },
  { name: "Cadence_PeriodEnd", fr: "Fin de période", en: "Period end", kind: "date", value: "2026-12-31" },
  { name: "Cadence_Country", fr: "Pays", en: "Country", kind: "text", value: "FR" },
  { name: "Cadence_Region", fr: "Région", en: "Region", kind: "text", value: "" },
  { name: "Cadence_LeaveDays", fr: "Jours de congés", en: "Leave days", kind: "integer", value: 25 },
  {
    name: "Cadence_NonFieldDays",
    fr: "Jours hors terrain",
    en: "Non-field days",
    kind: "integer",
    value: 20,
  },
  { name: "Cadence_ContactsPerDay", fr: "Visites par jour", en: "Visits per day", kind: "number", value: 4 },
  {
    name: "Cadence_ProspectingShare",
    fr: "Part prospection",
    en: "Prospecting share",
    kind: "percent",
    value: 0.2,
  },
  // The rep's base for tour plans: a postal code, or "latitude, longitude" (blank until the first tours).
  { name: "Cadence_TourBase", fr: "Base des tournées", en: "Tour base", kind: "text", value: "" },
  // Added for issue 18, after the tour base so an older workbook's rows keep their place.
  // Dated periods: "2026-08-03:2026-08-21, 2026-12-24:2026-12-31"; when given, the count above is not read.
  { name: "Cadence_LeavePeriods", fr: "Congés datés", en: "Dated leave", kind: "text", value: "" },
  { name: "Cadence_RttDays", fr: "Jours de RTT", en: "RTT days", kind: "integer", value: 0 },
  { name: "Cadence_RttPeriods", fr: "RTT datés", en: "Dated RTT", kind: "text", value: "" },
  {
    name: "Cadence_RemoteShare",
    fr: "Part du temps à distance",
    en: "Remote share",
    kind: "percent",
    value: 0,
  },
  {
    name: "Cadence_RemotePerDay",
    fr: "Éq. visites par jour à distance",
    en: "Visit eq. per remote day",
    kind: "number",
    value: 3,
  },
];

/**
 * The settings a new plan workbook starts with: the defaults, the period being the given plan year
 * (1 January to 31 December). The caller says which year: the core reads no clock.
 */
export function initialSettings(year: number): SettingSpec[] {
  if (!Number.isInteger(year) || year < 1900 || year > 9999)
    throw new RangeError(`Plan year must be a whole year between 1900 and 9999, got ${String(year)}`);
  const period: Readonly<Record<string, string | undefined>> = {
    Cadence_PeriodStart: `${year}-01-01`,
    Cadence_PeriodEnd: `${year}-12-31`,
  };
  return SETTINGS.map((s) => ({ ...s, value: period[s.name] ?? s.value }));
}

/** The statuses a planned client can have, as the workbook's cells and lists show them. */
export const STATUS_LABELS: Readonly<Record<PlannedStatus, Record<Lang, string>>> = {
  Under: { fr: "En retard", en: "Under" },
  OnTrack: { fr: "Dans le rythme", en: "On track" },
  Over: { fr: "En avance", en: "Over" },
};
/** A tracked client's status as a cell shows it: the workbook's labels, and "No plan" / "Sans plan". */
export function statusText(status: TrackingStatus, lang: Lang): string {
  if (status === "NoPlan") return lang === "fr" ? "Sans plan" : "No plan";
  return STATUS_LABELS[status][lang];
}
export const ACTION_STATUS_LABELS: Readonly<Record<"open" | "done" | "cancelled", Record<Lang, string>>> = {
  open: { fr: "Ouverte", en: "Open" },
  done: { fr: "Faite", en: "Done" },
  cancelled: { fr: "Annulée", en: "Cancelled" },
};

/** The values a validation list offers, in the workbook's language. */
export function listValues(list: ValidationList, lang: Lang): string[] {
  switch (list) {
    case "segment":
      return STRATEGIC_SEGMENTS.map((s) => (lang === "fr" ? s.labelFr : s.labelEn));
    case "channel":
      return DEFAULT_CHANNELS.map((c) => c.id);
    case "status":
      return Object.values(STATUS_LABELS).map((l) => l[lang]);
    case "actionStatus":
      return Object.values(ACTION_STATUS_LABELS).map((l) => l[lang]);
  }
}

/** Excel number formats per column kind (the same string works in ExcelJS and Office.js). */
export const NUMBER_FORMATS: Readonly<Record<ColumnKind, string>> = {
  text: "@",
  integer: "0",
  number: "0.00",
  money: "#,##0",
  percent: "0%",
  date: "yyyy-mm-dd",
};

/** The hidden schema sheet's rows: version, language, then one row per table: name, column ids… */
export function schemaRows(
  lang: Lang,
  extra: readonly { table: string; columns: readonly string[] }[] = [],
): string[][] {
  return [
    ["cadence.schema", String(SCHEMA_VERSION), lang],
    ...TABLES.map((t) => [t.name, ...t.columns.map((c) => c.id)]),
    ...extra.map((e) => [e.table, ...e.columns]),
  ];
}

/** Reads the schema sheet's rows back: table name → column ids in order. Unknown rows are ignored. */
export function parseSchemaRows(rows: readonly (readonly unknown[])[]): {
  version: number | null;
  lang: Lang;
  tables: Map<string, string[]>;
} {
  const first = rows[0] ?? [];
  const version = first[0] === "cadence.schema" ? Number(first[1]) : null;
  const lang: Lang = first[2] === "en" ? "en" : "fr";
  const tables = new Map<string, string[]>();
  for (const row of rows.slice(1)) {
    const name = typeof row[0] === "string" ? row[0] : "";
    if (name === "") continue;
    tables.set(
      name,
      row.slice(1).filter((v): v is string => typeof v === "string" && v !== ""),
    );
  }
  return { version: Number.isFinite(version) ? version : null, lang, tables };
}

/** Header rows of the sheets that start empty (Tours, Team) and of the dashboard's chart sources. */
export const PLACEHOLDER_HEADERS: Readonly<
  Record<"tours" | "team" | "dashboardSegments" | "dashboardLorenz", { fr: string[]; en: string[] }>
> = {
  tours: {
    fr: ["Date", "Ordre", "Code client", "Raison sociale", "Ville"],
    en: ["Date", "Order", "Client id", "Name", "City"],
  },
  team: {
    fr: ["Commercial", "Segment", "Clients", "Capacité", "Prévu pondéré", "Réalisé pondéré", "Atteinte"],
    en: ["Rep", "Segment", "Clients", "Capacity", "Weighted planned", "Weighted actual", "Attainment"],
  },
  dashboardSegments: {
    fr: ["Segment", "Prévu pondéré", "Réalisé pondéré"],
    en: ["Segment", "Weighted planned", "Weighted actual"],
  },
  dashboardLorenz: {
    fr: ["Part cumulée du potentiel", "Part cumulée des contacts"],
    en: ["Cumulative share of potential", "Cumulative share of contacts"],
  },
};

/** 0-based column index → letters (0 → A, 26 → AA). */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "D10" → { row: 10, col: 3 } (1-based row, 0-based column). */
export function parseCell(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address.toUpperCase());
  if (m === null) throw new RangeError(`Not a cell address: ${address}`);
  const [, letters, digits] = m;
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(digits), col: col - 1 };
}
