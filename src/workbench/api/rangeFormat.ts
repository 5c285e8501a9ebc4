/**
 * Excel.RangeFormat, RangeFill and RangeFont: reads give the shared value or null when cells differ.
 * https://learn.microsoft.com/javascript/api/excel/excel.rangeformat
 */
import { ClientObject } from "./clientObject";
import type { RequestContext } from "./context";
import { invalidArgument, itemNotFound } from "./errors";
import { writable } from "./located";
import type { Located, Locator } from "./located";
import { MAX_COLUMNS, MAX_ROWS } from "../model/address";
import { getCell, numberFormatOf } from "../model/cells";
import { setFormat, uniformFormat } from "../model/formats";
import type { FormatKey } from "../model/formats";
import { displayText } from "../model/text";

export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

abstract class FormatPart extends ClientObject {
  constructor(
    context: RequestContext,
    protected readonly locate: Locator,
  ) {
    super(context);
  }

  isMissing(): boolean {
    return this.locate() === null;
  }

  protected at(location: string): Located {
    const located = this.locate();
    if (!located) throw itemNotFound(location);
    return located;
  }

  protected uniform(key: FormatKey, fallback: unknown): unknown {
    const { sheet, rect } = this.at(`${this.objectName}.${key}`);
    return uniformFormat(sheet, rect, key, fallback);
  }

  protected setKey(property: string, key: FormatKey, value: unknown): void {
    this.queueSet(property, value, () => {
      const location = `${this.objectName}.${property}`;
      const { sheet, rect } = writable(this.at(location), location);
      setFormat(sheet, rect, key, value as never);
    });
  }
}

export class RangeFill extends FormatPart {
  protected readonly objectName = "RangeFill";
  protected scalarProperties(): readonly string[] {
    return ["color"];
  }
  protected readProperty(name: string): unknown {
    if (name !== "color") throw invalidArgument("RangeFill.load", `Unknown property '${name}'.`);
    return this.uniform("fill", null);
  }
  get color(): string | null {
    return this.get("color") as string | null;
  }
  set color(value: string | null) {
    this.setKey("color", "fill", value === "" || value === null ? undefined : normalizeColor(value));
  }
  clear(): void {
    this.queueCall("clear", undefined, () => {
      const { sheet, rect } = writable(this.at("RangeFill.clear"), "RangeFill.clear");
      setFormat(sheet, rect, "fill", undefined);
    });
  }
}

/** Excel reports colours as "#RRGGBB" in upper case. */
function normalizeColor(value: string): string {
  const named: Record<string, string> = {
    red: "#FF0000",
    green: "#008000",
    blue: "#0000FF",
    white: "#FFFFFF",
    black: "#000000",
    yellow: "#FFFF00",
    orange: "#FFA500",
  };
  const hex = named[value.toLowerCase()] ?? value;
  return hex.startsWith("#") ? hex.toUpperCase() : `#${hex.toUpperCase()}`;
}

export class RangeFont extends FormatPart {
  protected readonly objectName = "RangeFont";
  protected scalarProperties(): readonly string[] {
    return ["bold", "italic", "color"];
  }
  protected readProperty(name: string): unknown {
    if (name === "bold") return this.uniform("bold", false);
    if (name === "italic") return this.uniform("italic", false);
    if (name === "color") return this.uniform("fontColor", "#000000");
    throw invalidArgument("RangeFont.load", `Unknown property '${name}'.`);
  }
  get bold(): boolean | null {
    return this.get("bold") as boolean | null;
  }
  set bold(value: boolean | null) {
    this.setKey("bold", "bold", value);
  }
  get italic(): boolean | null {
    return this.get("italic") as boolean | null;
  }
  set italic(value: boolean | null) {
    this.setKey("italic", "italic", value);
  }
  get color(): string | null {
    return this.get("color") as string | null;
  }
  set color(value: string | null) {
    this.setKey("color", "fontColor", value === null ? undefined : normalizeColor(value));
  }
}

export class RangeFormat extends FormatPart {
  protected readonly objectName = "RangeFormat";
  private fillProxy: RangeFill | undefined;
  private fontProxy: RangeFont | undefined;

  protected scalarProperties(): readonly string[] {
    return ["columnWidth", "rowHeight", "horizontalAlignment", "wrapText"];
  }

  protected readProperty(name: string): unknown {
    const { sheet, rect } = this.at(`RangeFormat.${name}`);
    if (name === "columnWidth") {
      const widths = new Set<number>();
      for (let c = rect.c0; c <= Math.min(rect.c1, rect.c0 + 1000); c++)
        widths.add(sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
      return widths.size === 1 ? [...widths][0] : null;
    }
    if (name === "rowHeight") {
      const heights = new Set<number>();
      for (let r = rect.r0; r <= Math.min(rect.r1, rect.r0 + 1000); r++)
        heights.add(sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT);
      return heights.size === 1 ? [...heights][0] : null;
    }
    if (name === "horizontalAlignment") return this.uniform("horizontalAlignment", "General");
    if (name === "wrapText") return this.uniform("wrapText", false);
    throw invalidArgument("RangeFormat.load", `Unknown property '${name}'.`);
  }

  protected override navigate(segment: string): ClientObject | null {
    if (segment === "fill") return this.fill;
    if (segment === "font") return this.font;
    return null;
  }

  get fill(): RangeFill {
    this.fillProxy ??= new RangeFill(this.context, this.locate);
    return this.fillProxy;
  }
  get font(): RangeFont {
    this.fontProxy ??= new RangeFont(this.context, this.locate);
    return this.fontProxy;
  }

  get columnWidth(): number | null {
    return this.get("columnWidth") as number | null;
  }
  set columnWidth(value: number | null) {
    this.queueSet("columnWidth", value, () => {
      const { sheet, rect } = writable(this.at("RangeFormat.columnWidth"), "RangeFormat.columnWidth");
      for (let c = rect.c0; c <= rect.c1; c++)
        if (value === null) sheet.columnWidths.delete(c);
        else sheet.columnWidths.set(c, value);
    });
  }
  get rowHeight(): number | null {
    return this.get("rowHeight") as number | null;
  }
  set rowHeight(value: number | null) {
    this.queueSet("rowHeight", value, () => {
      const { sheet, rect } = writable(this.at("RangeFormat.rowHeight"), "RangeFormat.rowHeight");
      for (let r = rect.r0; r <= Math.min(rect.r1, MAX_ROWS - 1); r++)
        if (value === null) sheet.rowHeights.delete(r);
        else sheet.rowHeights.set(r, value);
    });
  }
  get horizontalAlignment(): string | null {
    return this.get("horizontalAlignment") as string | null;
  }
  set horizontalAlignment(value: string | null) {
    this.setKey("horizontalAlignment", "horizontalAlignment", value);
  }
  get wrapText(): boolean | null {
    return this.get("wrapText") as boolean | null;
  }
  set wrapText(value: boolean | null) {
    this.setKey("wrapText", "wrapText", value);
  }

  /** Widths from the longest displayed text of each column (about 7 points a character). */
  autofitColumns(): void {
    this.queueCall("autofitColumns", undefined, () => {
      const { sheet, rect } = writable(this.at("RangeFormat.autofitColumns"), "RangeFormat.autofitColumns");
      const lastRow = Math.min(rect.r1, sheet.rows.length - 1);
      for (let c = rect.c0; c <= Math.min(rect.c1, MAX_COLUMNS - 1, rect.c0 + 500); c++) {
        let longest = 0;
        for (let r = rect.r0; r <= lastRow; r++) {
          const cell = getCell(sheet, r, c);
          if (cell) longest = Math.max(longest, displayText(cell.v, numberFormatOf(sheet, r, c)).length);
        }
        if (longest > 0) sheet.columnWidths.set(c, Math.max(12, Math.round(longest * 7 + 8)));
      }
    });
  }

  autofitRows(): void {
    this.queueCall("autofitRows", undefined, () => {
      writable(this.at("RangeFormat.autofitRows"), "RangeFormat.autofitRows");
    });
  }
}
