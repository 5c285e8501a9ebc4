/**
 * Excel.Range over the in-memory workbook.
 * https://learn.microsoft.com/javascript/api/excel/excel.range
 */
import { ClientObject } from "./clientObject";
import type { ClientResult } from "./clientObject";
import type { RequestContext } from "./context";
import { invalidArgument, itemNotFound } from "./errors";
import {
  readFormula,
  readGrid,
  readNumberFormat,
  readText,
  readValue,
  readValueType,
  writeFormulas,
  writeValues,
} from "./grid";
import { derive, writable } from "./located";
import type { Located, Locator } from "./located";
import { RangeFormat } from "./rangeFormat";
import { DataValidation } from "./validation";
import { ConditionalFormatCollection } from "./conditionalFormats";
import { Worksheet } from "./worksheet";
import {
  MAX_COLUMNS,
  MAX_ROWS,
  columnCount,
  formatRect,
  intersect,
  quoteSheet,
  rowCount,
} from "../model/address";
import type { Rect } from "../model/address";
import { clearCells, usedRect } from "../model/cells";
import { forEachInput } from "./grid";
import { setFormat } from "../model/formats";
import { deleteRows, insertRows } from "../model/structure";

function asText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Clearing formats of whole columns / rows also drops the formats stored for them. */
function clearWholeFormats({ sheet, rect }: Located): void {
  if (rect.r0 === 0 && rect.r1 === MAX_ROWS - 1)
    for (let c = rect.c0; c <= rect.c1; c++) sheet.columnFormats.delete(c);
  if (rect.c0 === 0 && rect.c1 === MAX_COLUMNS - 1)
    for (let r = rect.r0; r <= rect.r1; r++) sheet.rowFormats.delete(r);
}

/** Range.columnHidden's reading: all hidden, none, or null for a mix. */
function hiddenState({ sheet, rect }: Located): boolean | null {
  let hidden = 0;
  for (let c = rect.c0; c <= rect.c1; c++) if (sheet.hiddenColumns.has(c)) hidden++;
  return hidden === 0 ? false : hidden === columnCount(rect) ? true : null;
}

const SCALARS = [
  "address",
  "addressLocal",
  "rowCount",
  "columnCount",
  "cellCount",
  "rowIndex",
  "columnIndex",
  "values",
  "formulas",
  "numberFormat",
  "text",
  "valueTypes",
  "columnHidden",
] as const;

export class Range extends ClientObject {
  protected readonly objectName = "Range";
  private formatProxy: RangeFormat | undefined;
  private validationProxy: DataValidation | undefined;
  private conditionalProxy: ConditionalFormatCollection | undefined;

  constructor(
    context: RequestContext,
    readonly locate: Locator,
    resolveAt?: string,
  ) {
    super(context);
    if (resolveAt) this.queueResolve(resolveAt);
  }

  isMissing(): boolean {
    return this.locate() === null;
  }

  /** The target at sync time; a null object here means a method ran on it. */
  at(location = "Range"): Located {
    const located = this.locate();
    if (!located) throw itemNotFound(location);
    return located;
  }

  protected scalarProperties(): readonly string[] {
    return SCALARS;
  }

  protected readProperty(name: string): unknown {
    const located = this.at(`Range.${name}`);
    const { sheet, rect } = located;
    switch (name) {
      case "address":
      case "addressLocal":
        return `${quoteSheet(sheet.name)}!${formatRect(rect)}`;
      case "rowCount":
        return rowCount(rect);
      case "columnCount":
        return columnCount(rect);
      case "cellCount":
        return rowCount(rect) * columnCount(rect);
      case "rowIndex":
        return rect.r0;
      case "columnIndex":
        return rect.c0;
      case "values":
        return readGrid(located, readValue, "Range.values");
      case "formulas":
        return readGrid(located, readFormula, "Range.formulas");
      case "numberFormat":
        return readGrid(located, readNumberFormat, "Range.numberFormat");
      case "text":
        return readGrid(located, readText, "Range.text");
      case "valueTypes":
        return readGrid(located, readValueType, "Range.valueTypes");
      case "columnHidden":
        return hiddenState(located);
      default:
        throw invalidArgument("Range.load", `Unknown property '${name}'.`);
    }
  }

  protected override navigate(segment: string): ClientObject | null {
    if (segment === "format") return this.format;
    if (segment === "worksheet") return this.worksheet;
    if (segment === "dataValidation") return this.dataValidation;
    return null;
  }

  get address(): string {
    return this.get("address") as string;
  }
  get addressLocal(): string {
    return this.get("addressLocal") as string;
  }
  get rowCount(): number {
    return this.get("rowCount") as number;
  }
  get columnCount(): number {
    return this.get("columnCount") as number;
  }
  get cellCount(): number {
    return this.get("cellCount") as number;
  }
  get rowIndex(): number {
    return this.get("rowIndex") as number;
  }
  get columnIndex(): number {
    return this.get("columnIndex") as number;
  }
  get text(): string[][] {
    return this.get("text") as string[][];
  }
  get valueTypes(): string[][] {
    return this.get("valueTypes") as string[][];
  }

  /**
   * True when every column of the range is hidden, false when none is, null when some are
   * (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-columnhidden).
   * Setting it hides or shows the range's entire columns, whatever its rows.
   */
  get columnHidden(): boolean {
    // Typed boolean as Office's declaration types it; null at run time for a mix.
    return this.get("columnHidden") as boolean;
  }
  set columnHidden(value: boolean) {
    this.queueSet("columnHidden", value, () => {
      if (typeof value !== "boolean") throw invalidArgument("Range.columnHidden", "Expected true or false.");
      const { sheet, rect } = writable(this.at("Range.columnHidden"), "Range.columnHidden");
      for (let c = rect.c0; c <= rect.c1; c++) {
        if (value) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
    });
  }

  get values(): unknown[][] {
    return this.get("values") as unknown[][];
  }
  set values(input: unknown[][]) {
    this.queueSet("values", input, () => {
      writeValues(writable(this.at("Range.values"), "Range.values"), input, "Range.values");
    });
  }

  get formulas(): unknown[][] {
    return this.get("formulas") as unknown[][];
  }
  set formulas(input: unknown[][]) {
    this.queueSet("formulas", input, () => {
      writeFormulas(writable(this.at("Range.formulas"), "Range.formulas"), input, "Range.formulas");
    });
  }

  get numberFormat(): unknown[][] {
    return this.get("numberFormat") as unknown[][];
  }
  set numberFormat(input: unknown[][]) {
    this.queueSet("numberFormat", input, () => {
      const located = writable(this.at("Range.numberFormat"), "Range.numberFormat");
      if (!Array.isArray(input)) {
        setFormat(located.sheet, located.rect, "numberFormat", asText(input));
        return;
      }
      forEachInput(located, input, "Range.numberFormat", (r, c, value) => {
        if (value !== null && value !== undefined) {
          setFormat(located.sheet, { r0: r, c0: c, r1: r, c1: c }, "numberFormat", asText(value));
        }
      });
    });
  }

  get format(): RangeFormat {
    this.formatProxy ??= new RangeFormat(this.context, this.locate);
    return this.formatProxy;
  }

  get dataValidation(): DataValidation {
    this.validationProxy ??= new DataValidation(this.context, this.locate);
    return this.validationProxy;
  }

  get conditionalFormats(): ConditionalFormatCollection {
    this.conditionalProxy ??= new ConditionalFormatCollection(this.context, this.locate);
    return this.conditionalProxy;
  }

  get worksheet(): Worksheet {
    const locate = this.locate;
    return Worksheet.bound(this.context, () => locate()?.sheet ?? null);
  }

  private derived(name: string, make: (located: Located) => Rect | null): Range {
    const location = `Range.${name}`;
    return new Range(this.context, derive(this.locate, make, location), location);
  }

  getCell(row: number, column: number): Range {
    return this.derived("getCell", ({ rect }) => ({
      r0: rect.r0 + row,
      c0: rect.c0 + column,
      r1: rect.r0 + row,
      c1: rect.c0 + column,
    }));
  }
  getRow(row: number): Range {
    return this.derived("getRow", ({ rect }) => ({ ...rect, r0: rect.r0 + row, r1: rect.r0 + row }));
  }
  getColumn(column: number): Range {
    return this.derived("getColumn", ({ rect }) => ({ ...rect, c0: rect.c0 + column, c1: rect.c0 + column }));
  }
  getRowsAbove(count = 1): Range {
    return this.derived("getRowsAbove", ({ rect }) => ({ ...rect, r0: rect.r0 - count, r1: rect.r0 - 1 }));
  }
  getRowsBelow(count = 1): Range {
    return this.derived("getRowsBelow", ({ rect }) => ({ ...rect, r0: rect.r1 + 1, r1: rect.r1 + count }));
  }
  getColumnsAfter(count = 1): Range {
    return this.derived("getColumnsAfter", ({ rect }) => ({ ...rect, c0: rect.c1 + 1, c1: rect.c1 + count }));
  }
  getColumnsBefore(count = 1): Range {
    return this.derived("getColumnsBefore", ({ rect }) => ({
      ...rect,
      c0: rect.c0 - count,
      c1: rect.c0 - 1,
    }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this.derived("getResizedRange", ({ rect }) => ({
      ...rect,
      r1: rect.r1 + deltaRows,
      c1: rect.c1 + deltaColumns,
    }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this.derived("getOffsetRange", ({ rect }) => ({
      r0: rect.r0 + rowOffset,
      r1: rect.r1 + rowOffset,
      c0: rect.c0 + columnOffset,
      c1: rect.c1 + columnOffset,
    }));
  }
  getEntireColumn(): Range {
    return this.derived("getEntireColumn", ({ rect }) => ({ ...rect, r0: 0, r1: MAX_ROWS - 1 }));
  }
  getEntireRow(): Range {
    return this.derived("getEntireRow", ({ rect }) => ({ ...rect, c0: 0, c1: MAX_COLUMNS - 1 }));
  }
  getLastRow(): Range {
    return this.derived("getLastRow", ({ rect }) => ({ ...rect, r0: rect.r1 }));
  }
  getLastColumn(): Range {
    return this.derived("getLastColumn", ({ rect }) => ({ ...rect, c0: rect.c1 }));
  }
  getLastCell(): Range {
    return this.derived("getLastCell", ({ rect }) => ({ ...rect, r0: rect.r1, c0: rect.c1 }));
  }
  getIntersection(other: Range): Range {
    return this.derived("getIntersection", ({ rect }) => {
      const cut = intersect(rect, other.at("Range.getIntersection").rect);
      if (!cut) throw invalidArgument("Range.getIntersection", "The ranges do not intersect.");
      return cut;
    });
  }
  getIntersectionOrNullObject(other: Range): Range {
    return this.derived("getIntersectionOrNullObject", ({ rect }) => intersect(rect, other.at().rect));
  }
  getUsedRange(valuesOnly = false): Range {
    return this.derived("getUsedRange", ({ sheet, rect }) => {
      const used = usedRect(sheet, valuesOnly);
      const cut = used ? intersect(used, rect) : null;
      return cut ?? { r0: rect.r0, c0: rect.c0, r1: rect.r0, c1: rect.c0 };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return this.derived("getUsedRangeOrNullObject", ({ sheet, rect }) => {
      const used = usedRect(sheet, valuesOnly);
      return used ? intersect(used, rect) : null;
    });
  }

  clear(applyTo: "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" = "All"): void {
    this.queueCall("clear", applyTo, () => {
      const located = writable(this.at("Range.clear"), "Range.clear");
      const what = applyTo === "Formats" || applyTo === "Contents" ? applyTo : "All";
      clearCells(located.sheet, located.rect, what);
      if (what !== "Contents") clearWholeFormats(located);
    });
  }

  /** Shifting down (or up for delete); shifting right/left is not simulated. */
  insert(shift: "Down" | "Right"): Range {
    if (shift !== "Down") throw invalidArgument("Range.insert", "The workbench only shifts cells down.");
    this.queueCall("insert", shift, () => {
      const { sheet, rect } = writable(this.at("Range.insert"), "Range.insert");
      insertRows(this.context.model, sheet, rect.r0, rowCount(rect), rect, { location: "Range.insert" });
    });
    return new Range(this.context, this.locate);
  }

  delete(shift: "Up" | "Left"): void {
    if (shift !== "Up") throw invalidArgument("Range.delete", "The workbench only shifts cells up.");
    this.queueCall("delete", shift, () => {
      const { sheet, rect } = writable(this.at("Range.delete"), "Range.delete");
      deleteRows(this.context.model, sheet, rect.r0, rowCount(rect), rect, { location: "Range.delete" });
    });
  }

  select(): void {
    this.queueCall("select", undefined, () => {
      const { sheet, rect } = this.at("Range.select");
      this.context.model.activeSheetId = sheet.id;
      this.context.model.selection = { sheetId: sheet.id, rect };
    });
  }

  getCount(): ClientResult<number> {
    return this.queueResult("getCount", () => {
      const { rect } = this.at();
      return rowCount(rect) * columnCount(rect);
    });
  }
}
