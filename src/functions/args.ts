/** Reading custom function arguments the way Excel passes them: 2-D arrays of numbers, text, booleans or blanks. */
import { FunctionInputError } from "./excelErrors";

export type Cell = number | string | boolean | null | undefined;
export type Matrix = Cell[][];

const isBlank = (v: Cell): boolean =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** A number from a cell, null for a blank; text or booleans are a #VALUE! naming the row and the field. */
export function numberCell(value: Cell, field: string, row: number): number | null {
  if (isBlank(value)) return null;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  const shown = typeof value === "string" ? `text '${value}'` : String(value);
  throw new FunctionInputError("value", `row ${row}: ${field} is ${shown}, not a number`);
}

/** Applies `fn` cell by cell over same-shaped ranges, so a formula works on one row or spills on a column. */
export function zipMatrices(
  matrices: readonly Matrix[],
  names: readonly string[],
  fn: (cells: readonly Cell[], row: number) => number | string,
): (number | string)[][] {
  const first = matrices.at(0);
  if (first === undefined) return [];
  matrices.forEach((m, i) => {
    if (m.length !== first.length || m.some((r) => r.length !== (first[0]?.length ?? 0))) {
      throw new FunctionInputError(
        "value",
        `${names[i] ?? "range"} has ${m.length} rows; ${names[0] ?? "the first range"} has ${first.length}: give ranges of the same size`,
      );
    }
  });
  return first.map((cells, r) =>
    cells.map((_, c) =>
      fn(
        matrices.map((m) => m[r]?.[c]),
        r + 1,
      ),
    ),
  );
}
