/**
 * The undo record of the last Cadence write: what each overwritten rectangle held (as formulas, so
 * constants and formulas come back exactly) and what the write added (table columns, table rows).
 * Kept in memory and, as JSON split into cells, in a hidden sheet so it survives a pane reload.
 */
import { asTypedText } from "./typedText";

export interface UndoRecord {
  action:
    | "writePlan"
    | "refresh"
    | "importContacts"
    | "writeAction"
    | "writeTours"
    | "writeManagerSheet"
    | "reforecast";
  at: string;
  /** Rectangles to restore, with their previous content. */
  cells: { sheet: string; address: string; formulas: unknown[][] }[];
  /** Table columns this write added (deleted on undo). */
  addedColumns: { table: string; name: string }[];
  /** Rows appended to a table: body rows [index, index + count) are deleted on undo. */
  addedRows: { table: string; index: number; count: number }[];
  /** The schema sheet's rows before the write (restored on undo), or null when it did not change. */
  schemaBefore: string[][] | null;
}

/**
 * What to put back through Range.formulas for cells read as `formulas` and `values`: a formula as it
 * was; a constant as Excel must be told it, since Range.formulas reads a text constant as typed (the
 * text "=1+1" would come back a formula, a phone "+33 6 …" a bad formula refusing the whole undo).
 * A cell whose formula reads the same as its value holds a constant (a formula never shows itself).
 */
export function restorable(
  formulas: readonly (readonly unknown[])[],
  values: readonly (readonly unknown[])[],
): unknown[][] {
  return formulas.map((row, r) => row.map((f, c) => (f === values[r]?.[c] ? asTypedText(f) : f)));
}

/** Excel cells hold at most 32,767 characters; stay well under. */
export const UNDO_CELL_CHARS = 30_000;

export function toUndoCells(record: UndoRecord): string[][] {
  const json = JSON.stringify(record);
  const rows: string[][] = [];
  for (let i = 0; i < json.length; i += UNDO_CELL_CHARS) rows.push([json.slice(i, i + UNDO_CELL_CHARS)]);
  return rows;
}

function isRecord(value: unknown): value is UndoRecord {
  if (typeof value !== "object" || value === null) return false;
  const r = value as Partial<UndoRecord>;
  return Array.isArray(r.cells) && Array.isArray(r.addedColumns) && Array.isArray(r.addedRows);
}

/** Reads the record back from the hidden sheet's first column; null when there is none or it is damaged. */
export function fromUndoCells(values: readonly (readonly unknown[])[]): UndoRecord | null {
  const json = values.map((row) => (typeof row[0] === "string" ? row[0] : "")).join("");
  if (json === "") return null;
  try {
    const parsed: unknown = JSON.parse(json);
    return isRecord(parsed) ? parsed : null;
  } catch {
    return null;
  }
}
