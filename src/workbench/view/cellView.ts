/**
 * What one cell looks like on the workbench page: its text and its style, from the cell's own
 * formats, the table it sits in, and the conditional formats whose rule it meets (simple rules only).
 */
import { getCell, numberFormatOf, formatOf } from "../model/cells";
import type { ConditionalFormatModel, Scalar, SheetModel, TableModel } from "../model/types";
import { displayText } from "../model/text";

export interface CellLook {
  text: string;
  align: "left" | "right" | "center";
  background?: string;
  color?: string;
  bold: boolean;
  italic: boolean;
  /** A list validation applies (the page shows a drop-down marker). */
  hasList: boolean;
}

const TABLE_HEADER = "#1F4E79";
const TABLE_BAND = "#DDEBF7";

function constant(formula: unknown): Scalar | null {
  if (typeof formula === "number") return formula;
  if (typeof formula !== "string") return null;
  const body = formula.startsWith("=") ? formula.slice(1).trim() : formula.trim();
  if (body !== "" && Number.isFinite(Number(body))) return Number(body);
  if (/^"([^"]|"")*"$/.test(body)) return body.slice(1, -1).replace(/""/g, '"');
  return null;
}

function compare(value: Scalar, operator: string, a: Scalar | null, b: Scalar | null): boolean {
  if (a === null) return false;
  const v = typeof a === "number" && typeof value !== "number" ? Number.NaN : value;
  switch (operator) {
    case "EqualTo":
      return v === a;
    case "NotEqualTo":
      return v !== a;
    case "GreaterThan":
      return v > a;
    case "LessThan":
      return v < a;
    case "GreaterThanOrEqual":
      return v >= a;
    case "LessThanOrEqual":
      return v <= a;
    case "Between":
      return b !== null && v >= a && v <= b;
    case "NotBetween":
      return b !== null && (v < a || v > b);
    default:
      return false;
  }
}

type Settings = Record<string, Record<string, unknown> | undefined>;

/** The format of the first (highest-priority) simple conditional format whose rule the value meets. */
export function conditionalLook(
  formats: readonly ConditionalFormatModel[],
  value: Scalar,
): Record<string, unknown> | null {
  const sorted = [...formats].sort((x, y) => x.priority - y.priority);
  for (const cf of sorted) {
    const settings = cf.settings as Settings;
    if (cf.type === "CellValue") {
      const part = settings.cellValue;
      const rule = (part?.rule ?? {}) as Record<string, unknown>;
      if (compare(value, String(rule.operator), constant(rule.formula1), constant(rule.formula2))) {
        return (part?.format ?? {}) as Record<string, unknown>;
      }
    } else if (cf.type === "ContainsText") {
      const part = settings.textComparison;
      const rule = (part?.rule ?? {}) as Record<string, unknown>;
      const text = typeof rule.text === "string" ? rule.text.toLowerCase() : "";
      const cell = String(value).toLowerCase();
      const op = String(rule.operator);
      const hit =
        op === "BeginsWith"
          ? cell.startsWith(text)
          : op === "EndsWith"
            ? cell.endsWith(text)
            : op === "NotContains"
              ? !cell.includes(text)
              : cell.includes(text);
      if (text !== "" && hit) return (part?.format ?? {}) as Record<string, unknown>;
    }
  }
  return null;
}

const inRect = (r: number, c: number, rect: { r0: number; c0: number; r1: number; c1: number }): boolean =>
  r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1;

export function cellLook(sheet: SheetModel, tables: readonly TableModel[], r: number, c: number): CellLook {
  const cell = getCell(sheet, r, c);
  const value: Scalar = cell?.v ?? "";
  const own = formatOf(sheet, r, c);
  const look: CellLook = {
    text: displayText(value, numberFormatOf(sheet, r, c)),
    align:
      own.horizontalAlignment === "Center"
        ? "center"
        : typeof value === "number" || own.horizontalAlignment === "Right"
          ? "right"
          : "left",
    bold: own.bold === true,
    italic: own.italic === true,
    hasList: sheet.validations.some((v) => "list" in v.rule && inRect(r, c, v.rect)),
  };
  const table = tables.find((t) => inRect(r, c, t.rect));
  if (table) {
    if (table.showHeaders && r === table.rect.r0) {
      look.background = TABLE_HEADER;
      look.color = "#FFFFFF";
      look.bold = true;
    } else if ((r - table.rect.r0) % 2 === 0) {
      look.background = TABLE_BAND;
    }
  }
  if (own.fill !== undefined) look.background = own.fill;
  if (own.fontColor !== undefined) look.color = own.fontColor;
  const conditional = conditionalLook(
    sheet.conditionalFormats.filter((cf) => inRect(r, c, cf.rect)),
    value,
  );
  if (conditional) {
    const fill = conditional.fill as { color?: string } | undefined;
    const font = conditional.font as { color?: string; bold?: boolean } | undefined;
    if (fill?.color) look.background = fill.color;
    if (font?.color) look.color = font.color;
    if (font?.bold !== undefined) look.bold = font.bold;
  }
  return look;
}
