/** Where Cadence's plan columns go in a source, and what each cell receives. Pure. */
import { DEFAULT_CHANNELS, STRATEGIC_SEGMENTS } from "../core/types";
import type { ChannelId } from "../core/types";
import * as schema from "../core/workbook/schema";
import type { Lang } from "../core/workbook/schema";
import type { PlanWriteRow } from "./gateway.types";

export interface ColumnSlot {
  id: string;
  header: string;
  /** 0-based column within the source. */
  index: number;
  existing: boolean;
}

/** Existing Cadence columns are reused where the schema sheet recorded them; the others are added at the right. */
export function planSlots(
  headers: readonly string[],
  cadenceColumns: Readonly<Record<string, number>>,
  lang: Lang,
  channels: readonly ChannelId[] = DEFAULT_CHANNELS.map((c) => c.id),
): ColumnSlot[] {
  const taken = new Set(headers);
  let next = headers.length;
  return schema.planColumns(channels).map((spec) => {
    const at = cadenceColumns[spec.id] as number | undefined;
    if (at !== undefined)
      return { id: spec.id, header: headers[at] ?? schema.header(spec, lang), index: at, existing: true };
    let header = schema.header(spec, lang);
    // Never reuse a header the rep already has: their own "Segment" column stays theirs.
    while (taken.has(header)) header = `${header} (Cadence)`;
    taken.add(header);
    return { id: spec.id, header, index: next++, existing: false };
  });
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

export function segmentLabel(id: string | null, lang: Lang): string {
  if (id === null) return "";
  const s = STRATEGIC_SEGMENTS.find((x) => x.id === id);
  return s === undefined ? id : lang === "fr" ? s.labelFr : s.labelEn;
}

/** The value a plan row puts in a Cadence column. */
export function planCell(row: PlanWriteRow, id: string, lang: Lang): string | number {
  switch (id) {
    case "segment":
      return segmentLabel(row.segment, lang);
    case "norm":
      return row.norm === null ? "" : round2(row.norm);
    case "weightedPlanned":
      return round2(row.weightedPlanned);
    case "explanation":
      return row.explanation;
    default:
      return id.startsWith("planned.") ? (row.planned[id.slice("planned.".length)] ?? 0) : "";
  }
}

/** Client ids as Excel hands them over (numbers, padded text) → the id string the core uses. */
export function idText(v: unknown): string {
  if (typeof v === "string") return v.trim();
  return typeof v === "number" || typeof v === "boolean" ? String(v) : "";
}

/** One column's new content: the plan where the row's id has one, the previous content elsewhere. */
export function columnValues(
  ids: readonly unknown[],
  plan: ReadonlyMap<string, PlanWriteRow>,
  id: string,
  lang: Lang,
  previous: readonly (readonly unknown[])[] | null,
): unknown[][] {
  return ids.map((raw, r) => {
    const row = plan.get(idText(raw));
    return [row === undefined ? (previous?.[r]?.[0] ?? "") : planCell(row, id, lang)];
  });
}
