import type { CellValue } from "../types";
import type { ColumnMatch } from "./columns";
import type { ClientField } from "./fields";
import type { ParseIssue } from "./issues";
import { makeIssue } from "./issues";
import type { NumberOptions } from "./numbers";
import { excelError, isBlank, parseNumber } from "./numbers";

/** Receives an issue found in the column at `index` (issues are later sorted by row, then column). */
export type IssueSink = (index: number, issue: ParseIssue) => void;

/** Negative sales, potential or margin are kept (credit notes happen); negative counts are dropped. */
const KEEP_NEGATIVE: readonly ClientField[] = [
  "salesN1",
  "salesN1SamePeriod",
  "salesN",
  "potential",
  "margin",
];

/** A text cell: trimmed, numbers and booleans as their text; blank or an Excel error (reported) → null. */
export function readText(
  cell: CellValue,
  column: ColumnMatch,
  sheetRow: number,
  sink: IssueSink,
): string | null {
  const err = excelError(cell);
  if (err !== null) {
    sink(column.index, makeIssue(sheetRow, column.header, "excelError", err));
    return null;
  }
  if (isBlank(cell)) return null;
  return typeof cell === "string" ? cell.trim() : String(cell);
}

/**
 * A number cell for `column.field`: blank → null; text or an Excel error → null with an issue;
 * margins over 1 (up to 100) written without "%" are percents; negatives reported, and dropped
 * unless they are sales, potential or margin.
 */
export function readNumber(
  cell: CellValue,
  column: ColumnMatch,
  sheetRow: number,
  options: NumberOptions,
  sink: IssueSink,
): number | null {
  const p = parseNumber(cell, options);
  if (p.kind === "blank") return null;
  if (p.kind === "excelError") {
    sink(column.index, makeIssue(sheetRow, column.header, "excelError", p.code));
    return null;
  }
  if (p.kind === "text") {
    sink(column.index, makeIssue(sheetRow, column.header, "notANumber", p.text));
    return null;
  }
  let value = p.value;
  if (column.field === "margin" && !p.percent && value > 1 && value <= 100) value /= 100;
  if (value < 0) {
    const keep = KEEP_NEGATIVE.includes(column.field);
    sink(
      column.index,
      makeIssue(sheetRow, column.header, "negative", p.value, keep ? undefined : { dropped: 1 }),
    );
    if (!keep) return null;
  }
  return value;
}

/** The decimal separator a column's unambiguous cells use most, or undefined when they prove none. */
export function inferDecimalSeparator(cells: Iterable<CellValue>): "," | "." | undefined {
  let comma = 0;
  let dot = 0;
  for (const cell of cells) {
    const p = parseNumber(cell);
    if (p.kind !== "number") continue;
    if (p.evidence === ",") comma++;
    else if (p.evidence === ".") dot++;
  }
  return comma > dot ? "," : dot > comma ? "." : undefined;
}
