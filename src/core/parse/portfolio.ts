import type { Channel, ChannelCounts, Client, Grid, Segment } from "../types";
import { DEFAULT_CHANNELS, STRATEGIC_SEGMENTS, segmentIdOf } from "../types";
import { inferDecimalSeparator, readNumber, readText } from "./cells";
import type { ColumnMapping, ColumnMatch, ExtraColumn } from "./columns";
import { detectColumns } from "./columns";
import type { ClientField } from "./fields";
import { isNumericField, normChannel } from "./fields";
import type { ParseIssue } from "./issues";
import { makeIssue } from "./issues";
import type { NumberOptions } from "./numbers";
import { isBlank } from "./numbers";

export interface PortfolioOptions {
  /** Overrides header detection: field → 0-based column index (null: do not use that field). */
  mapping?: ColumnMapping;
  /** Channels for norm override columns ("Norme visites"); default DEFAULT_CHANNELS. */
  channels?: readonly Channel[];
  /** Segments a "segment forcé" value may name (by id or FR/EN label); default STRATEGIC_SEGMENTS. */
  segments?: readonly Segment[];
  /** Decimal separator for ambiguous numbers ("1,234"); default: inferred per column, else English. */
  decimalSeparator?: "," | ".";
  /** Sheet row of the grid's first (header) row; default 1. */
  firstRow?: number;
  /**
   * 0-based index in the grid of the header row (default 0). Rows above it (a title, notes) are
   * not read; see findHeaderRow to locate it.
   */
  headerRow?: number;
  /** Left-pads numeric postal codes with zeros to this many digits (e.g. 5 for France: 1000 → "01000"). */
  postalCodeDigits?: number;
}

export interface PortfolioParse {
  clients: Client[];
  /** Every problem found, sorted by row; messages in English (issueMessage / formatIssue for French). */
  issues: ParseIssue[];
  /** What was understood, for a UI to show and let the user correct through options.mapping. */
  columns: ColumnMatch[];
  extraColumns: ExtraColumn[];
}

/**
 * Reads a portfolio from a grid as Excel's Range.values gives it (header row first). Never throws
 * and never drops a non-blank row: every non-blank data row yields a client, and every problem is
 * an issue with its sheet row and column header.
 * - No id: the row gets the id "ROW-<row>" (issue missingId). Without an id column the name is the id.
 * - Duplicate id: the first row (once) and every later copy get a duplicateId issue; copies are
 *   renamed "<id>#2", "#3"…
 * - Numbers: see parseNumber. A margin written "35" or "35 %" reads as 0.35 (values over 1 are percents).
 * - Text or an Excel error in a number column: value null, issue notANumber / excelError.
 * - Negative: sales, potential and margin kept with an issue; min, max and norms dropped with an issue.
 * - Missing required columns (id or name; salesN): a missingColumn issue on the header row.
 */
export function parsePortfolio(grid: Grid, options: PortfolioOptions = {}): PortfolioParse {
  const channels = options.channels ?? DEFAULT_CHANNELS;
  const segments = options.segments ?? STRATEGIC_SEGMENTS;
  const headerIndex = Math.max(0, Math.trunc(options.headerRow ?? 0));
  const firstRow = (options.firstRow ?? 1) + headerIndex;
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  const header = grid[headerIndex] ?? [];
  const detected = detectColumns(header, width, channels, options.mapping, firstRow);
  const issues: ParseIssue[] = [...detected.issues];
  // Issues are listed by row, then by column, whatever the order they were found in.
  const columnOf = new Map<ParseIssue, number>();
  const add = (index: number, issue: ParseIssue): void => {
    columnOf.set(issue, index);
    issues.push(issue);
  };
  const col = new Map<ClientField, ColumnMatch>(detected.columns.map((c) => [c.field, c]));
  const idCol = col.get("id") ?? col.get("name");
  if (!col.has("id") && !col.has("name")) {
    issues.push(
      makeIssue(firstRow, "id", "missingColumn", undefined, { expected: "id / name, code client / nom" }),
    );
  }
  if (!col.has("salesN")) {
    issues.push(
      makeIssue(firstRow, "salesN", "missingColumn", undefined, { expected: "salesN, CA N / sales" }),
    );
  }
  const dataRows = grid.slice(headerIndex + 1);
  const numberOptions = new Map<number, NumberOptions>();
  for (const c of detected.columns) {
    if (!isNumericField(c.field)) continue;
    const decimalSeparator =
      options.decimalSeparator ?? inferDecimalSeparator(dataRows.map((row) => row[c.index]));
    numberOptions.set(c.index, decimalSeparator ? { decimalSeparator } : {});
  }

  const clients: Client[] = [];
  const firstRowOfId = new Map<string, number>();
  const nextSuffix = new Map<string, number>();
  dataRows.forEach((row, r) => {
    if (row.every(isBlank)) return;
    const sheetRow = firstRow + 1 + r;
    const textOf = (field: ClientField): string | null => {
      const c = col.get(field);
      return c ? readText(row[c.index], c, sheetRow, add) : null;
    };
    const numberOf = (field: ClientField): number | null => {
      const c = col.get(field);
      return c ? readNumber(row[c.index], c, sheetRow, numberOptions.get(c.index) ?? {}, add) : null;
    };

    const idText = idCol ? textOf(idCol.field) : null;
    let id = idText ?? "";
    if (id === "") {
      id = unique(`ROW-${sheetRow}`, firstRowOfId, nextSuffix);
      add(
        idCol?.index ?? -1,
        makeIssue(sheetRow, idCol?.header ?? "id", "missingId", undefined, { generated: id }),
      );
    } else {
      const first = firstRowOfId.get(id);
      if (first !== undefined) {
        // The first row is reported once, at its first copy; every copy is reported.
        if (!nextSuffix.has(id)) {
          add(
            idCol?.index ?? -1,
            makeIssue(first, idCol?.header ?? "id", "duplicateId", id, { otherRow: sheetRow }),
          );
        }
        const renamed = unique(id, firstRowOfId, nextSuffix);
        add(
          idCol?.index ?? -1,
          makeIssue(sheetRow, idCol?.header ?? "id", "duplicateId", id, { firstRow: first, renamed }),
        );
        id = renamed;
      }
    }
    firstRowOfId.set(id, sheetRow);
    const name = col.has("id") ? textOf("name") : idText;

    let postalCode = textOf("postalCode");
    const pc = col.get("postalCode");
    const pcCell = pc ? row[pc.index] : undefined;
    if (postalCode !== null && typeof pcCell === "number" && options.postalCodeDigits !== undefined) {
      postalCode = postalCode.padStart(options.postalCodeDigits, "0");
    }

    let segmentOverride = textOf("segmentOverride");
    if (segmentOverride !== null) {
      const known = segmentIdOf(segmentOverride, segments);
      if (known !== null) segmentOverride = known;
      else
        add(
          col.get("segmentOverride")?.index ?? -1,
          makeIssue(sheetRow, col.get("segmentOverride")?.header ?? "", "unknownValue", segmentOverride),
        );
    }

    let normOverride: ChannelCounts | null = null;
    for (const c of detected.columns) {
      const channel = normChannel(c.field);
      if (channel === null) continue;
      const v = numberOf(c.field);
      if (v !== null) normOverride = { ...(normOverride ?? {}), [channel]: v };
    }

    clients.push({
      id,
      name: name ?? id,
      postalCode,
      city: textOf("city"),
      salesN1: numberOf("salesN1"),
      salesN1SamePeriod: numberOf("salesN1SamePeriod"),
      salesN: numberOf("salesN"),
      potential: numberOf("potential"),
      margin: numberOf("margin"),
      segmentOverride,
      normOverride,
      min: numberOf("min"),
      max: numberOf("max"),
      row: sheetRow,
    });
  });
  issues.sort((x, y) => x.row - y.row || (columnOf.get(x) ?? -1) - (columnOf.get(y) ?? -1));
  return { clients, issues, columns: detected.columns, extraColumns: detected.extraColumns };
}

/**
 * `base` if unused, else base#2, base#3… `next` remembers the next suffix per base so a sheet
 * with thousands of copies of one id stays linear.
 */
function unique(base: string, used: ReadonlyMap<string, number>, next: Map<string, number>): string {
  if (!used.has(base)) return base;
  let n = next.get(base) ?? 2;
  while (used.has(`${base}#${n}`)) n++;
  next.set(base, n + 1);
  return `${base}#${n}`;
}
