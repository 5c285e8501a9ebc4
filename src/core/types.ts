/**
 * The shared vocabulary of the planning core (see ../shared/design/domain.md).
 * Plain data only: every other layer builds on these shapes.
 */

/** A unit brand, so visit-equivalents and working days are not mixed up with plain counts. */
export type Brand<T, B extends string> = T & { readonly __brand: B };
export type VisitEquivalents = Brand<number, "VisitEquivalents">;
export type WorkingDays = Brand<number, "WorkingDays">;
/** A number known to be in visit-equivalents (Σ count × channel weight). */
export const visitEquivalents = (n: number): VisitEquivalents => n as VisitEquivalents;
/** A number known to be a count of working days. */
export const workingDays = (n: number): WorkingDays => n as WorkingDays;

/** Built-in channel ids; users may add their own channels (ids are free strings). */
export type BuiltInChannelId = "visit" | "video" | "call" | "digital";
export type ChannelId = string;

export interface Channel {
  id: ChannelId;
  labelFr: string;
  labelEn: string;
  /** Visit-equivalents of one contact on this channel (visit 1, video 0.5, call 0.25, digital 0.1). */
  weight: number;
}

/** Built-in strategic segment ids; user-defined segments use other ids. */
export type StrategicSegmentId = "prospect" | "atRisk" | "retain" | "develop" | "maintain";
export type SegmentId = string;

export interface Segment {
  id: SegmentId;
  labelFr: string;
  labelEn: string;
  order: number;
  /** CSS hex colour, e.g. "#2E7D32". */
  colour: string;
}

export type AbcClass = "A" | "B" | "C";

/** Contacts per year per channel. Missing channels count as 0. */
export type ChannelCounts = Partial<Record<ChannelId, number>>;

/** One row of a rep's portfolio, as parsed from a sheet or a file. */
export interface Client {
  id: string;
  name: string;
  postalCode: string | null;
  city: string | null;
  /** Revenue of the previous year (CA N-1); null when blank. */
  salesN1: number | null;
  /**
   * Revenue of the previous year over the months salesN covers ("CA N-1 même période"); null or
   * absent when the file has no such column (the trend then prorates salesN1).
   */
  salesN1SamePeriod?: number | null;
  /** Revenue of the current year (CA N); null when blank. */
  salesN: number | null;
  /** What the client could buy from us per year; null when blank. */
  potential: number | null;
  /** Margin rate (0..1) used by the optimized allocation's value; null when blank. */
  margin: number | null;
  /** A segment forced by the rep, overriding segmentation; null when none. */
  segmentOverride: SegmentId | null;
  /** A per-client norm overriding its segment's norm; null when none. */
  normOverride: ChannelCounts | null;
  /** Bounds on the allocated contacts (visit channel / the allocated resource); null when none. */
  min: number | null;
  max: number | null;
  /** 1-based row in the source sheet or file (header row = 1), for messages. */
  row: number;
}

/** A problem found in input data, never silently dropped. */
export interface RowIssue {
  /** 1-based row in the source (header row = 1). */
  row: number;
  /** Column header as the user wrote it, or the field name when no column applies. */
  column: string;
  code:
    | "missingId"
    | "duplicateId"
    | "notANumber"
    | "negative"
    | "excelError"
    | "missingColumn"
    | "unknownValue"
    | "badDate"
    | "unmatched"
    | "duplicate";
  message: string;
  /** The offending cell value, when there is one. */
  value?: unknown;
}

/** Values as Excel hands them over in a 2-D array (Range.values): blanks are "". */
export type CellValue = string | number | boolean | null | undefined;
export type Grid = readonly (readonly CellValue[])[];

export const DEFAULT_CHANNELS: readonly Channel[] = [
  { id: "visit", labelFr: "Visite terrain", labelEn: "Field visit", weight: 1 },
  { id: "video", labelFr: "Visio", labelEn: "Video call", weight: 0.5 },
  { id: "call", labelFr: "Appel sortant", labelEn: "Outbound call", weight: 0.25 },
  { id: "digital", labelFr: "E-mail / réseaux sociaux", labelEn: "E-mail / social", weight: 0.1 },
];

export const STRATEGIC_SEGMENTS: readonly Segment[] = [
  { id: "retain", labelFr: "Fidéliser", labelEn: "Retain", order: 1, colour: "#2E7D32" },
  { id: "develop", labelFr: "Développer", labelEn: "Develop", order: 2, colour: "#1565C0" },
  { id: "atRisk", labelFr: "Érosion", labelEn: "At risk", order: 3, colour: "#C62828" },
  { id: "maintain", labelFr: "Entretenir", labelEn: "Maintain", order: 4, colour: "#6D6D6D" },
  { id: "prospect", labelFr: "Conquérir", labelEn: "Prospect", order: 5, colour: "#EF6C00" },
];

/** Segments of the ABC method (the class is the segment). */
export const ABC_SEGMENTS: readonly Segment[] = [
  { id: "A", labelFr: "Classe A", labelEn: "Class A", order: 1, colour: "#2E7D32" },
  { id: "B", labelFr: "Classe B", labelEn: "Class B", order: 2, colour: "#1565C0" },
  { id: "C", labelFr: "Classe C", labelEn: "Class C", order: 3, colour: "#6D6D6D" },
];

/** The segments Cadence knows by name: the strategic ones, then the ABC classes. */
export const KNOWN_SEGMENTS: readonly Segment[] = [...STRATEGIC_SEGMENTS, ...ABC_SEGMENTS];

/** The languages of the workbook, the pane, the functions and the CLI. */
export type Lang = "fr" | "en";

/** Contacts per year per channel, per segment. */
export type NormTable = Readonly<Record<SegmentId, ChannelCounts>>;

/** The domain page's example defaults (domain.md, Norms and channels). */
export const DEFAULT_NORMS: NormTable = {
  retain: { visit: 10, call: 6 },
  develop: { visit: 12, call: 6 },
  atRisk: { visit: 8, call: 8 },
  maintain: { visit: 3, call: 4 },
  prospect: { visit: 2, call: 3 },
};

/** A tracked client's status (domain.md, Tracking): NoPlan when its weighted plan is 0. */
export type TrackingStatus = "Under" | "OnTrack" | "Over" | "NoPlan";
/** The statuses of a planned client. */
export type PlannedStatus = Exclude<TrackingStatus, "NoPlan">;

/** Lower case, accents stripped, every run of non-alphanumerics turned into one space, trimmed. */
export function normaliseText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const nameKey = (text: string): string => normaliseText(text).replace(/ /g, "");

/**
 * The segment a name stands for, among `segments`: its id or its French or English label, in any
 * case, with or without accents, spaces or punctuation ("fidéliser", "At-risk", "atrisk"); null
 * when none.
 */
export function segmentIdOf(name: string, segments: readonly Segment[] = KNOWN_SEGMENTS): SegmentId | null {
  const wanted = nameKey(name);
  if (wanted === "") return null;
  const found = segments.find((s) => [s.id, s.labelFr, s.labelEn].some((n) => nameKey(n) === wanted));
  return found === undefined ? null : found.id;
}
