/** Cells ↔ wire values: blanks are null both ways; numbers, texts, dates (ISO on the wire, serials in cells). */
import type { JsonValue } from "../../contract";
import { isoToExcelSerial, parseDateCell } from "../../core/tracking";
import type { CellValue } from "../../core/types";

export function textOf(cell: CellValue): string | null {
  if (cell === null || cell === undefined) return null;
  const text = typeof cell === "string" ? cell.trim() : String(cell);
  return text === "" ? null : text;
}

export function numberOf(cell: CellValue): number | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  const text = textOf(cell);
  if (text === null) return null;
  const n = Number(text.replace(/\s/g, "").replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

export const dateOf = (cell: CellValue): string | null => parseDateCell(cell);

export function cellOf(value: JsonValue | undefined, kind: "text" | "number" | "date" = "text"): CellValue {
  if (value === null || value === undefined) return "";
  if (kind === "date" && typeof value === "string") {
    try {
      return isoToExcelSerial(value);
    } catch {
      return value;
    }
  }
  if (typeof value === "object") return JSON.stringify(value);
  return value;
}

/** Whether a cell already shows a wire value (so nothing is written when nothing changed). */
export function cellShows(cell: CellValue, value: CellValue): boolean {
  const a = cell ?? "";
  const b = value ?? "";
  if (a === b) return true;
  if (typeof a === "number" && typeof b === "string") return String(a) === b;
  if (typeof b === "number" && typeof a === "string") return a.trim() === String(b);
  return false;
}
