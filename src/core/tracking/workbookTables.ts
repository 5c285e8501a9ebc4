/**
 * The plan workbook's tables as tracking reads them, whatever face read the cells (the Excel
 * gateway, the pane, a file): the Clients table → plan rows, the Channels table → channels and
 * weights, the Contacts table → a log the contacts parser reads. Columns are found by the Cadence
 * ids the workbook records (its schema sheet) where given, else by their headers (FR/EN). Numbers
 * typed as text ("12", "1 234,5") read as numbers everywhere (parse.parseNumber).
 */
import * as parse from "../parse";
import type { Channel, ChannelCounts, Grid, RowIssue } from "../types";
import { DEFAULT_CHANNELS, segmentIdOf } from "../types";
import * as schema from "../workbook/schema";
import type { PlanRow } from "./track";
import { cellText } from "./text";

/** A table as read: header row first, then data rows (values as Range.values hands them over). */
export interface TableRead {
  grid: Grid;
  /** Cadence column id → 0-based column index, where the workbook records them; other columns go by header. */
  columns?: Readonly<Record<string, number>>;
  /** Sheet row of the header row, for row numbers in issues. Default 1. */
  headerRow?: number;
}

/** The plan rows of a Clients table, and where each came from. */
export interface ClientsPlan {
  plan: PlanRow[];
  /** Client id → name. */
  names: ReadonlyMap<string, string>;
  /** Per plan row, its index in the grid (0 is the header row): where its figures go back. */
  gridRows: readonly number[];
  /** The portfolio parse's issues and the planned cells that are not numbers (counted as 0). */
  issues: RowIssue[];
}

const own = (columns: Readonly<Record<string, number>> | undefined, id: string): number | undefined =>
  columns !== undefined && Object.hasOwn(columns, id) ? columns[id] : undefined;

const BASE_IDS = ["id", "name", "postalCode", "city", "salesN1", "salesN", "potential"] as const;

/** The index of a Cadence column: recorded, else the first header that is its FR or EN header. */
function columnOf(table: TableRead, spec: { id: string; fr: string; en: string }): number | undefined {
  const recorded = own(table.columns, spec.id);
  if (recorded !== undefined) return recorded;
  const wanted = new Set([parse.normaliseHeader(spec.fr), parse.normaliseHeader(spec.en)]);
  const at = (table.grid[0] ?? []).findIndex((h) => wanted.has(parse.normaliseHeader(cellText(h))));
  return at < 0 ? undefined : at;
}

/**
 * Plan rows from the Clients table: the base fields through the core's portfolio parsing, the
 * segment (a label in either language, or an id) and the planned contacts per channel.
 */
export function clientsPlan(table: TableRead, channels: readonly Channel[] = DEFAULT_CHANNELS): ClientsPlan {
  const mapping: parse.ColumnMapping = {};
  for (const id of BASE_IDS) {
    const at = own(table.columns, id);
    if (at !== undefined) mapping[id] = at;
  }
  const headerRow = table.headerRow ?? 1;
  const parsed = parse.parsePortfolio(table.grid, { firstRow: headerRow, channels, mapping });
  const issues: RowIssue[] = parsed.issues.filter((i) => i.code !== "unknownValue");
  const segmentAt = columnOf(table, { id: "segment", fr: "Segment", en: "Segment" });
  const plannedAt = schema
    .planColumns(channels.map((c) => c.id))
    .filter((c) => c.id.startsWith("planned."))
    .map((c) => ({ channel: c.id.slice("planned.".length), at: columnOf(table, c) }));
  const header = table.grid[0] ?? [];
  const plan: PlanRow[] = [];
  const names = new Map<string, string>();
  const gridRows: number[] = [];
  for (const client of parsed.clients) {
    const index = client.row - headerRow;
    const row = table.grid[index] ?? [];
    const segmentText = segmentAt === undefined ? "" : cellText(row[segmentAt]);
    const planned: ChannelCounts = {};
    for (const { channel, at } of plannedAt) {
      if (at === undefined) continue;
      const n = parse.parseNumber(row[at]);
      if (n.kind === "number") planned[channel] = n.value;
      else if (n.kind !== "blank")
        issues.push(
          parse.makeIssue(
            client.row,
            cellText(header[at]),
            n.kind === "excelError" ? "excelError" : "notANumber",
            row[at],
          ),
        );
    }
    plan.push({
      id: client.id,
      segment: segmentIdOf(segmentText) ?? segmentText,
      planned,
      salesN: client.salesN,
      salesN1: client.salesN1,
      potential: client.potential,
    });
    names.set(client.id, client.name);
    gridRows.push(index);
  }
  return { plan, names, gridRows, issues };
}

/**
 * Channels from the Channels table (id, label, weight): a built-in id keeps its labels, a weight
 * typed as text reads as a number, a missing weight is the built-in one (else 0). No row: the defaults.
 */
export function channelsOf(table: TableRead | null | undefined): Channel[] {
  if (table === null || table === undefined) return [...DEFAULT_CHANNELS];
  const idAt = own(table.columns, "id") ?? 0;
  const weightAt = own(table.columns, "weight") ?? 2;
  const out: Channel[] = [];
  for (const r of table.grid.slice(1)) {
    const id = cellText(r[idAt]);
    if (id === "") continue;
    const builtIn = DEFAULT_CHANNELS.find((c) => c.id === id);
    const weight = parse.parseNumber(r[weightAt]);
    out.push({
      id,
      labelFr: builtIn?.labelFr ?? id,
      labelEn: builtIn?.labelEn ?? id,
      weight: weight.kind === "number" ? weight.value : (builtIn?.weight ?? 0),
    });
  }
  return out.length > 0 ? out : [...DEFAULT_CHANNELS];
}

/**
 * The Contacts table's grid with its recorded columns under the schema's English headers, so the
 * contacts parser finds them whatever the rep renamed them to.
 */
export function contactsLog(table: TableRead): Grid {
  if (table.columns === undefined || table.grid.length === 0) return table.grid;
  const header = [...(table.grid[0] ?? [])];
  for (const c of schema.table("Contacts").columns) {
    const at = own(table.columns, c.id);
    if (at !== undefined && at < header.length) header[at] = c.en;
  }
  return [header, ...table.grid.slice(1)];
}
