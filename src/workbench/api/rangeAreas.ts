/**
 * Excel.RangeAreas: several rectangles on one sheet (a multi-area selection, worksheet.getRanges).
 * https://learn.microsoft.com/javascript/api/excel/excel.rangeareas
 */
import { ClientObject } from "./clientObject";
import type { RequestContext } from "./context";
import { invalidArgument, itemNotFound } from "./errors";
import { Worksheet } from "./worksheet";
import { formatRect, quoteSheet } from "../model/address";
import type { Rect } from "../model/address";
import type { SheetModel } from "../model/types";

export type AreasLocator = () => { sheet: SheetModel; rects: Rect[] } | null;

export class RangeAreas extends ClientObject {
  protected readonly objectName = "RangeAreas";
  private sheetProxy: Worksheet | undefined;

  constructor(
    context: RequestContext,
    private readonly locate: AreasLocator,
    resolveAt?: string,
  ) {
    super(context);
    if (resolveAt) this.queueResolve(resolveAt);
  }

  isMissing(): boolean {
    return this.locate() === null;
  }

  private at(location: string): { sheet: SheetModel; rects: Rect[] } {
    const found = this.locate();
    if (!found) throw itemNotFound(location);
    return found;
  }

  protected scalarProperties(): readonly string[] {
    return ["address", "addressLocal", "areaCount", "cellCount"];
  }

  protected readProperty(name: string): unknown {
    const { sheet, rects } = this.at(`RangeAreas.${name}`);
    switch (name) {
      case "address":
      case "addressLocal":
        return rects.map((r) => `${quoteSheet(sheet.name)}!${formatRect(r)}`).join(",");
      case "areaCount":
        return rects.length;
      case "cellCount":
        return rects.reduce((n, r) => n + (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1), 0);
      default:
        throw invalidArgument("RangeAreas.load", `Unknown property '${name}'.`);
    }
  }

  protected override navigate(segment: string): ClientObject | null {
    return segment === "worksheet" ? this.worksheet : null;
  }

  get address(): string {
    return this.get("address") as string;
  }
  get addressLocal(): string {
    return this.get("addressLocal") as string;
  }
  get areaCount(): number {
    return this.get("areaCount") as number;
  }
  get cellCount(): number {
    return this.get("cellCount") as number;
  }

  get worksheet(): Worksheet {
    this.sheetProxy ??= Worksheet.bound(this.context, () => this.locate()?.sheet ?? null);
    return this.sheetProxy;
  }

  select(): void {
    this.queueCall("select", undefined, () => {
      const { sheet, rects } = this.at("RangeAreas.select");
      const first = rects.at(0);
      if (first === undefined) throw invalidArgument("RangeAreas.select");
      this.context.model.activeSheetId = sheet.id;
      this.context.model.selection = { sheetId: sheet.id, rect: first, areas: rects };
    });
  }
}
