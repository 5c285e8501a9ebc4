/**
 * Where the re-forecast goes in a plan's grid: the "Reste à faire" / "Remaining" columns beside the
 * baseline (right after its last planned column), or over the ones a previous re-forecast wrote.
 * Every other cell, the baseline's first, is kept as it was.
 */
import * as parse from "../parse";
import { cellText } from "../tracking/text";
import type { CellValue, ChannelId, Grid, Lang } from "../types";
import { DEFAULT_CHANNELS } from "../types";
import * as schema from "../workbook/schema";
import type { ClientReforecast } from "./reforecast";

const headerKeys = (spec: schema.ColumnSpec): Set<string> =>
  new Set([parse.normaliseHeader(spec.fr), parse.normaliseHeader(spec.en)]);

/**
 * The grid with the re-forecast's columns; `rowIds` maps a grid row (0 is the header) to its
 * client. Rows without a client, or a client not re-forecast, get blanks in the new columns.
 */
export function withRemainingColumns(
  grid: Grid,
  rowIds: ReadonlyMap<number, string>,
  clients: readonly ClientReforecast[],
  channels: readonly ChannelId[],
  lang: Lang,
): CellValue[][] {
  const header = (grid[0] ?? []).map((h) => parse.normaliseHeader(cellText(h)));
  const width = Math.max(header.length, ...grid.map((r) => r.length));
  const specs = schema.remainingColumns(channels);
  const existing = specs.map((s) => {
    const keys = headerKeys(s);
    return header.findIndex((h) => keys.has(h));
  });
  // Every planned column of the grid is the baseline, whichever channels the re-forecast reports.
  const plannedAt = schema
    .planColumns([...new Set([...DEFAULT_CHANNELS.map((c) => c.id), ...channels])])
    .filter((c) => c.id.startsWith("planned."))
    .map((c) => {
      const keys = headerKeys(c);
      return header.findIndex((h) => keys.has(h));
    });
  const lastPlanned = Math.max(-1, ...plannedAt);
  // New columns go right after the last planned one (at the end when the grid has none).
  const insertAt = lastPlanned >= 0 ? lastPlanned + 1 : width;
  const added = specs.filter((_, k) => existing[k] === -1);
  const byId = new Map(clients.map((c) => [c.id, c]));
  const cellOf = (rowIndex: number, spec: schema.ColumnSpec): CellValue => {
    if (rowIndex === 0) return lang === "fr" ? spec.fr : spec.en;
    const id = rowIds.get(rowIndex);
    const c = id === undefined ? undefined : byId.get(id);
    return c === undefined ? "" : (c.remaining[spec.id.slice("remaining.".length)] ?? 0);
  };
  return grid.map((source, r) => {
    const row: CellValue[] = Array.from({ length: width }, (_, i) => source[i] ?? "");
    specs.forEach((spec, k) => {
      const at = existing[k] ?? -1;
      if (at >= 0) row[at] = cellOf(r, spec);
    });
    return [...row.slice(0, insertAt), ...added.map((spec) => cellOf(r, spec)), ...row.slice(insertAt)];
  });
}
