import { readNumber } from "../parse/cells";
import { headerText } from "../parse/columns";
import { matchChannel } from "../parse/headers";
import type { ParseIssue } from "../parse/issues";
import { makeIssue } from "../parse/issues";
import { excelError, isBlank } from "../parse/numbers";
import type { Channel, ChannelCounts, Grid, Segment, SegmentId } from "../types";
import { DEFAULT_CHANNELS, STRATEGIC_SEGMENTS, segmentIdOf } from "../types";
import type { NormTable } from "./norms";

export interface NormGridOptions {
  channels?: readonly Channel[];
  /** Segments a row may name by id or FR/EN label; other names are kept as user segment ids. */
  segments?: readonly Segment[];
  /** Sheet row of the grid's header row; default 1. */
  firstRow?: number;
}

/**
 * Reads a norm table laid out as the workbook's Norms table: a header row (a segment column, then
 * one column per channel named by id or label) and one row per segment (id or label, then contacts
 * per year). Blank counts are left out (they count as 0). Never throws: unknown channel columns,
 * rows without a segment, repeated segments, text, Excel errors and negative counts become issues
 * (FR/EN messages via issueMessage) and are ignored.
 */
export function normTableFromGrid(
  grid: Grid,
  options: NormGridOptions = {},
): { table: NormTable; issues: ParseIssue[] } {
  const channels = options.channels ?? DEFAULT_CHANNELS;
  const firstRow = options.firstRow ?? 1;
  const segments = options.segments ?? STRATEGIC_SEGMENTS;
  const issues: ParseIssue[] = [];
  const header = grid[0] ?? [];
  const segmentHeader = headerText(header[0]) || "Segment";
  const columns: { index: number; channel: string; header: string }[] = [];
  header.forEach((cell, index) => {
    const text = headerText(cell);
    if (index === 0 || text === "") return;
    const channel = matchChannel(text, channels);
    if (channel === null) issues.push(makeIssue(firstRow, text, "unknownValue", text, { what: "channel" }));
    else columns.push({ index, channel, header: text });
  });

  const table: Record<SegmentId, ChannelCounts> = {};
  const rowOf = new Map<SegmentId, number>();
  grid.slice(1).forEach((row, r) => {
    if (row.every(isBlank)) return;
    const sheetRow = firstRow + 1 + r;
    const name = headerText(row[0]);
    if (name === "" || excelError(name) !== null) {
      issues.push(makeIssue(sheetRow, segmentHeader, "missingId", name || undefined, { what: "segment" }));
      return;
    }
    const segment = segmentIdOf(name, segments) ?? name;
    const kept = rowOf.get(segment);
    if (kept !== undefined) {
      issues.push(makeIssue(sheetRow, segmentHeader, "duplicate", name, { what: "segment", kept }));
      return;
    }
    rowOf.set(segment, sheetRow);
    const counts: ChannelCounts = {};
    for (const c of columns) {
      const column = { field: `norm.${c.channel}` as const, index: c.index, header: c.header };
      const value = readNumber(row[c.index], column, sheetRow, {}, (_, issue) => issues.push(issue));
      if (value !== null) counts[c.channel] = value;
    }
    table[segment] = counts;
  });
  return { table, issues };
}
