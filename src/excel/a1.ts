/** A1 addresses: Excel hands them over as "Sheet1!A1:C10" (quoted names: "'My sheet'!A1"). */
import { columnLetters, parseCell } from "../core/workbook/schema";

/** 0-based, inclusive rectangle. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function rectAddress(rect: Rect): string {
  const a = `${columnLetters(rect.c0)}${rect.r0 + 1}`;
  const b = `${columnLetters(rect.c1)}${rect.r1 + 1}`;
  return a === b ? a : `${a}:${b}`;
}

/** "Sheet1!B2:D9" or "B2:D9" → the rectangle (sheet part dropped). */
export function parseAddress(address: string): Rect {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [from = "", to = from] = local.split(":");
  const a = parseCell(from);
  const b = parseCell(to);
  return { r0: a.row - 1, c0: a.col, r1: b.row - 1, c1: b.col };
}

/** The sheet name of a full address ("'My sheet'!A1" → "My sheet"). */
export function sheetOf(address: string): string {
  const i = address.lastIndexOf("!");
  if (i < 0) return "";
  const raw = address.slice(0, i);
  return raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
}
