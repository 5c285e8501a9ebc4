/**
 * The synced tables: which fields each holds and of what kind. The server stores one column per
 * field; the client sends field-level changes against these names.
 */
export type FieldKind = "string" | "number" | "integer" | "boolean" | "date" | "json";

export interface TableSpec {
  /** Who may write it: a rep's own plan data, or steering data written by the rep's managers. */
  readonly family: "plan" | "steering";
  readonly fields: Readonly<Record<string, FieldKind>>;
  /** A field naming who wrote the row: the store sets it from the caller, and it never changes. */
  readonly authorField?: string;
}

const COMMON = { repId: "string", deleted: "boolean" } as const;

export const SYNC_TABLES = {
  /** A rep's plan for one year: capacity inputs, norms and channel weights as JSON documents. */
  plans: {
    family: "plan",
    fields: { ...COMMON, year: "integer", capacity: "json", norms: "json", channelWeights: "json" },
  },
  /** A client row of a plan; planned contacts per built-in channel and weighted. */
  clients: {
    family: "plan",
    fields: {
      ...COMMON,
      year: "integer",
      clientKey: "string",
      name: "string",
      postalCode: "string",
      city: "string",
      salesN1: "number",
      salesN: "number",
      potential: "number",
      segment: "string",
      plannedVisit: "number",
      plannedVideo: "number",
      plannedCall: "number",
      plannedDigital: "number",
      plannedWeighted: "number",
      /** Raises this client's earned cap above 1.0 × its weighted plan (≥ 1; else the default). */
      capFactor: "number",
      extra: "json",
    },
  },
  /** One contact made (the actuals log); weight = visit-equivalents of its channel. */
  contacts: {
    family: "plan",
    fields: {
      ...COMMON,
      clientId: "string",
      date: "date",
      channel: "string",
      weight: "number",
      note: "string",
    },
  },
  /** A dated, owned action on a client or on the rep. */
  actions: {
    family: "steering",
    fields: {
      ...COMMON,
      clientId: "string",
      action: "string",
      owner: "string",
      dueDate: "date",
      status: "string",
    },
  },
  /** A manager's note or target on a rep's plan (kind "note" | "target"). */
  notes: {
    family: "steering",
    fields: {
      ...COMMON,
      year: "integer",
      kind: "string",
      clientId: "string",
      authorId: "string",
      text: "string",
      value: "number",
    },
    authorField: "authorId",
  },
  /** A steering review: date, manager, rep, KPI snapshot, decisions. */
  reviews: {
    family: "steering",
    fields: { ...COMMON, date: "date", managerId: "string", kpis: "json", decisions: "string" },
    authorField: "managerId",
  },
} as const satisfies Record<string, TableSpec>;

export type SyncTableName = keyof typeof SYNC_TABLES;
export const SYNC_TABLE_NAMES = Object.keys(SYNC_TABLES) as SyncTableName[];

export function isSyncTable(name: string): name is SyncTableName {
  return Object.prototype.hasOwnProperty.call(SYNC_TABLES, name);
}

/** A JSON value as carried on the wire. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A real calendar day written YYYY-MM-DD (2026-02-29 and 2026-13-01 are not), any year 0000–9999. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = mo === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(mo) ? 30 : 31;
  return mo >= 1 && mo <= 12 && d >= 1 && d <= days;
}

/**
 * Plausible bounds of the numeric fields, so no sum of a team's rows can overflow and no one row can
 * dwarf the others (a plan of 1e308 contacts is a mistake or an attack, never a plan). Inclusive.
 */
export const FIELD_BOUNDS: Readonly<
  Partial<Record<SyncTableName, Readonly<Record<string, readonly [number, number]>>>>
> = {
  plans: { year: [1900, 2200] },
  clients: {
    year: [1900, 2200],
    salesN1: [-1e12, 1e12],
    salesN: [-1e12, 1e12],
    potential: [0, 1e12],
    plannedVisit: [0, 10_000],
    plannedVideo: [0, 10_000],
    plannedCall: [0, 10_000],
    plannedDigital: [0, 10_000],
    plannedWeighted: [0, 10_000],
    capFactor: [0, 100],
  },
  contacts: { weight: [0, 100] },
  notes: { year: [1900, 2200], value: [-1e12, 1e12] },
};

/** Numbers inside JSON documents (capacity inputs, norms, weights, KPI snapshots) stay within ±1e12. */
export const JSON_NUMBER_LIMIT = 1e12;
/** JSON documents nest at most this deep (a plan's capacity or norms need 3 or 4 levels). */
export const JSON_MAX_DEPTH = 32;

/** A lone UTF-16 surrogate: text that is not valid Unicode (stored, it would come back as U+FFFD). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

/** Checks a field value against its kind; returns a reason when it does not fit. */
export function checkFieldValue(kind: FieldKind, value: unknown): string | null {
  if (value === null) return null;
  switch (kind) {
    case "string":
      if (typeof value !== "string" || value.length > 10_000) return "expected a string (≤ 10,000 chars)";
      return isWellFormedText(value) ? null : "expected valid Unicode text (a lone surrogate was sent)";
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? null : "expected a finite number";
    case "integer":
      // Stored in 32-bit integer columns on both databases.
      return Number.isInteger(value) &&
        (value as number) >= -2_147_483_648 &&
        (value as number) <= 2_147_483_647
        ? null
        : "expected an integer (32-bit)";
    case "boolean":
      return typeof value === "boolean" ? null : "expected true or false";
    case "date":
      return typeof value === "string" && isCalendarDate(value)
        ? null
        : "expected a calendar date YYYY-MM-DD";
    case "json":
      return typeof value === "object" ? checkJsonDocument(value) : "expected a JSON object or array";
  }
}

/** A field value checked against its kind and its table's bounds (what the store accepts). */
export function checkField(
  table: SyncTableName,
  field: string,
  kind: FieldKind,
  value: unknown,
): string | null {
  const reason = checkFieldValue(kind, value);
  if (reason !== null || typeof value !== "number") return reason;
  const bounds = FIELD_BOUNDS[table]?.[field];
  if (bounds === undefined) return null;
  const [min, max] = bounds;
  return value >= min && value <= max ? null : `expected a number from ${min} to ${max}`;
}

/** Depth, numbers and text of a JSON document, walked without recursion (a deep document must not overflow the stack). */
function checkJsonDocument(doc: object): string | null {
  const stack: [unknown, number][] = [[doc, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (typeof value === "number") {
      if (!Number.isFinite(value) || Math.abs(value) > JSON_NUMBER_LIMIT)
        return `numbers in a JSON document must be within ±${JSON_NUMBER_LIMIT}`;
    } else if (typeof value === "string") {
      if (!isWellFormedText(value)) return "expected valid Unicode text (a lone surrogate was sent)";
    } else if (value !== null && typeof value === "object") {
      if (depth > JSON_MAX_DEPTH) return `a JSON document may nest at most ${JSON_MAX_DEPTH} levels`;
      for (const [key, item] of Object.entries(value)) {
        if (!isWellFormedText(key)) return "expected valid Unicode text (a lone surrogate was sent)";
        stack.push([item, depth + 1]);
      }
    }
  }
  return null;
}
