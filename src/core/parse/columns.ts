import type { CellValue, Channel, Grid } from "../types";
import { DEFAULT_CHANNELS } from "../types";
import type { ClientField } from "./fields";
import { BASE_FIELDS, normChannel } from "./fields";
import { classifyHeader } from "./headers";
import type { ParseIssue } from "./issues";
import { makeIssue } from "./issues";

/** A column Cadence understood: which field it feeds. */
export interface ColumnMatch {
  field: ClientField;
  /** 0-based column index in the grid. */
  index: number;
  header: string;
}

/** A column Cadence does not use (the rep's own), kept so writers can preserve it. */
export interface ExtraColumn {
  index: number;
  header: string;
}

/** User choices that override detection: a column index per field, or null for "do not use". */
export type ColumnMapping = Partial<Record<ClientField, number | null>>;

/** "A", "B", …, "Z", "AA" … for a 0-based index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function headerText(cell: CellValue): string {
  return cell === null || cell === undefined ? "" : String(cell).trim();
}

/**
 * Which column feeds which field. The first column matching a field wins (later ones are reported
 * as "duplicate" and kept as extra). Year-labelled sales columns: the latest year feeds salesN and
 * the one before salesN1, unless explicit "CA N" / "CA N-1" columns already did. `mapping` wins
 * over detection.
 */
export function detectColumns(
  headerRow: readonly CellValue[],
  width: number,
  channels: readonly Channel[],
  mapping: ColumnMapping = {},
  headerSheetRow = 1,
): { columns: ColumnMatch[]; extraColumns: ExtraColumn[]; issues: ParseIssue[] } {
  const headers = Array.from({ length: width }, (_, i) => headerText(headerRow[i]));
  const label = (i: number): string => headers[i] || columnLetter(i);
  const byField = new Map<ClientField, number>();
  const issues: ParseIssue[] = [];
  const years: { index: number; year: number }[] = [];
  headers.forEach((h, index) => {
    const m = classifyHeader(h, channels);
    if (!m) return;
    if (m.year !== undefined) {
      years.push({ index, year: m.year });
      return;
    }
    const kept = byField.get(m.field);
    if (kept === undefined) byField.set(m.field, index);
    else
      issues.push(
        makeIssue(headerSheetRow, label(index), "duplicate", h, { field: m.field, kept: label(kept) }),
      );
  });
  years.sort((x, y) => y.year - x.year || x.index - y.index);
  for (const slot of ["salesN", "salesN1"] as const) {
    if (byField.has(slot)) continue;
    const next = years.shift();
    if (next) byField.set(slot, next.index);
  }
  for (const [field, index] of Object.entries(mapping) as [ClientField, number | null | undefined][]) {
    if (index === undefined) continue;
    if (index === null) {
      byField.delete(field);
      continue;
    }
    const channel = normChannel(field);
    if (
      channel === null
        ? !(BASE_FIELDS as readonly string[]).includes(field)
        : !channels.some((c) => c.id === channel)
    ) {
      issues.push(makeIssue(headerSheetRow, field, "unknownValue", index, { field }));
      continue;
    }
    if (!Number.isInteger(index) || index < 0 || index >= width) {
      issues.push(makeIssue(headerSheetRow, field, "unknownValue", index, { index }));
      continue;
    }
    for (const [f, i] of byField) if (i === index) byField.delete(f);
    byField.set(field, index);
  }
  const columns = [...byField]
    .map(([field, index]) => ({ field, index, header: label(index) }))
    .sort((x, y) => x.index - y.index);
  const used = new Set(columns.map((c) => c.index));
  const extraColumns = headers.flatMap((header, index) => (used.has(index) ? [] : [{ index, header }]));
  return { columns, extraColumns, issues };
}

/**
 * The 0-based index of the likely header row among the first `maxScan` rows: the first row that
 * names the most known fields (at least two), else 0. For sheets with a title above the table.
 */
export function findHeaderRow(
  grid: Grid,
  channels: readonly Channel[] = DEFAULT_CHANNELS,
  maxScan = 10,
): number {
  let best = 0;
  let bestCount = 1;
  grid.slice(0, maxScan).forEach((row, index) => {
    const fields = new Set(row.map((cell) => classifyHeader(headerText(cell), channels)?.field ?? null));
    fields.delete(null);
    if (fields.size > bestCount) {
      best = index;
      bestCount = fields.size;
    }
  });
  return best;
}
