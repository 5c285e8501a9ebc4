/**
 * Excel.Workbook and Excel.Application.
 * https://learn.microsoft.com/javascript/api/excel/excel.workbook
 */
import { ClientObject } from "./clientObject";
import type { RequestContext } from "./context";
import { ErrorCodes, WorkbenchApiError, invalidArgument, itemNotFound } from "./errors";
import { RangeAreas } from "./rangeAreas";
import { NamedItemCollection } from "./names";
import { Range } from "./range";
import { TableCollection } from "./table";
import { WorksheetCollection } from "./worksheets";
import { recalculate } from "../model/calc";
import { sheetById } from "../model/workbook";

export class Application extends ClientObject {
  protected readonly objectName = "Application";

  isMissing(): boolean {
    return false;
  }

  protected scalarProperties(): readonly string[] {
    return ["calculationMode"];
  }

  protected readProperty(name: string): unknown {
    if (name === "calculationMode") return this.context.model.calculationMode;
    throw invalidArgument("Application.load", `Unknown property '${name}'.`);
  }

  get calculationMode(): string {
    return this.get("calculationMode") as string;
  }
  set calculationMode(value: string) {
    this.queueSet("calculationMode", value, () => {
      if (!["Automatic", "AutomaticExceptTables", "Manual"].includes(value))
        throw invalidArgument("Application.calculationMode");
      this.context.model.calculationMode = value;
      if (value !== "Manual") recalculate(this.context.model, true);
    });
  }

  /** Recorded so tests can check large writes asked for it; formulas are not recalculated anyway. */
  suspendApiCalculationUntilNextSync(): void {
    this.queueCall("suspendApiCalculationUntilNextSync", undefined, () => {
      this.context.host.suspendedCalculations++;
    });
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.queueCall("suspendScreenUpdatingUntilNextSync", undefined, () => undefined);
  }

  calculate(_calculationType?: string): void {
    this.queueCall("calculate", undefined, () => {
      recalculate(this.context.model, true);
    });
  }
}

export class WorkbookProxy extends ClientObject {
  protected readonly objectName = "Workbook";
  readonly worksheets: WorksheetCollection;
  readonly tables: TableCollection;
  readonly names: NamedItemCollection;
  readonly application: Application;

  constructor(context: RequestContext) {
    super(context);
    this.worksheets = new WorksheetCollection(context);
    this.tables = new TableCollection(context, null);
    this.names = new NamedItemCollection(context);
    this.application = new Application(context);
  }

  isMissing(): boolean {
    return false;
  }

  protected scalarProperties(): readonly string[] {
    return ["name"];
  }

  protected readProperty(name: string): unknown {
    if (name === "name") return "Cadence workbench.xlsx";
    throw invalidArgument("Workbook.load", `Unknown property '${name}'.`);
  }

  get name(): string {
    return this.get("name") as string;
  }

  /** One selected range; several selected areas fail the batch, as Excel's does. */
  getSelectedRange(): Range {
    return new Range(
      this.context,
      () => {
        const { sheetId, rect, areas } = this.context.model.selection;
        const sheet = sheetById(this.context.model, sheetId);
        if (!sheet) throw itemNotFound("Workbook.getSelectedRange");
        if (areas !== undefined && areas.length > 1) {
          throw new WorkbenchApiError(
            ErrorCodes.invalidSelection,
            "The current selection is invalid for this operation.",
            "Workbook.getSelectedRange",
          );
        }
        return { sheet, rect };
      },
      "Workbook.getSelectedRange",
    );
  }

  /** Every selected area (one or several). */
  getSelectedRanges(): RangeAreas {
    return new RangeAreas(
      this.context,
      () => {
        const { sheetId, rect, areas } = this.context.model.selection;
        const sheet = sheetById(this.context.model, sheetId);
        if (!sheet) throw itemNotFound("Workbook.getSelectedRanges");
        return { sheet, rects: areas ?? [rect] };
      },
      "Workbook.getSelectedRanges",
    );
  }

  getActiveCell(): Range {
    return new Range(
      this.context,
      () => {
        const { sheetId, rect } = this.context.model.selection;
        const sheet = sheetById(this.context.model, sheetId);
        if (!sheet) throw itemNotFound("Workbook.getActiveCell");
        return { sheet, rect: { r0: rect.r0, c0: rect.c0, r1: rect.r0, c1: rect.c0 } };
      },
      "Workbook.getActiveCell",
    );
  }
}
