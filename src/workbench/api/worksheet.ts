/**
 * Excel.Worksheet, its protection and frozen panes.
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheet
 */
import { ClientObject } from "./clientObject";
import type { RequestContext } from "./context";
import { invalidArgument, invalidOperation, itemNotFound, alreadyExists } from "./errors";
import { Range } from "./range";
import { RangeAreas } from "./rangeAreas";
import { TableCollection } from "./table";
import { ChartCollection } from "./charts";
import { MAX_COLUMNS, MAX_ROWS, parseRect } from "../model/address";
import { usedRect } from "../model/cells";
import type { SheetModel } from "../model/types";
import { isValidSheetName, sheetNameTaken } from "../model/workbook";

export type SheetLocator = () => SheetModel | null;

const SCALARS = ["id", "name", "position", "visibility", "tabColor"] as const;

export class Worksheet extends ClientObject {
  protected readonly objectName = "Worksheet";
  private tablesProxy: TableCollection | undefined;
  private chartsProxy: ChartCollection | undefined;
  private protectionProxy: WorksheetProtection | undefined;
  private freezeProxy: WorksheetFreezePanes | undefined;

  private constructor(
    context: RequestContext,
    readonly locate: SheetLocator,
  ) {
    super(context);
  }

  /** A worksheet proxy resolved at sync time (null: a null object); resolved once, then kept by id. */
  static bound(context: RequestContext, find: SheetLocator, resolveAt?: string): Worksheet {
    let id: string | null = null;
    const locate: SheetLocator = () => {
      if (id !== null) return context.model.sheets.find((s) => s.id === id) ?? null;
      const sheet = find();
      if (sheet) id = sheet.id;
      return sheet;
    };
    const sheet = new Worksheet(context, locate);
    if (resolveAt) sheet.queueResolve(resolveAt);
    return sheet;
  }

  isMissing(): boolean {
    return this.locate() === null;
  }

  sheet(location = "Worksheet"): SheetModel {
    const sheet = this.locate();
    if (!sheet) throw itemNotFound(location);
    return sheet;
  }

  protected scalarProperties(): readonly string[] {
    return SCALARS;
  }

  protected readProperty(name: string): unknown {
    const sheet = this.sheet(`Worksheet.${name}`);
    switch (name) {
      case "id":
        return sheet.id;
      case "name":
        return sheet.name;
      case "position":
        return this.context.model.sheets.indexOf(sheet);
      case "visibility":
        return sheet.visibility;
      case "tabColor":
        return sheet.tabColor;
      default:
        throw invalidArgument("Worksheet.load", `Unknown property '${name}'.`);
    }
  }

  protected override navigate(segment: string): ClientObject | null {
    if (segment === "protection") return this.protection;
    if (segment === "tables") return this.tables;
    if (segment === "charts") return this.charts;
    return null;
  }

  get id(): string {
    return this.get("id") as string;
  }
  get name(): string {
    return this.get("name") as string;
  }
  set name(value: string) {
    this.queueSet("name", value, () => {
      const sheet = this.sheet("Worksheet.name");
      if (!isValidSheetName(value)) throw invalidArgument("Worksheet.name", `Invalid sheet name "${value}".`);
      if (sheetNameTaken(this.context.model, value, sheet.id)) throw alreadyExists("Worksheet.name");
      sheet.name = value;
    });
  }
  get position(): number {
    return this.get("position") as number;
  }
  set position(value: number) {
    this.queueSet("position", value, () => {
      const sheets = this.context.model.sheets;
      const sheet = this.sheet("Worksheet.position");
      if (value < 0 || value >= sheets.length) throw invalidArgument("Worksheet.position");
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(value, 0, sheet);
    });
  }
  get visibility(): "Visible" | "Hidden" | "VeryHidden" {
    return this.get("visibility") as "Visible" | "Hidden" | "VeryHidden";
  }
  set visibility(value: "Visible" | "Hidden" | "VeryHidden") {
    this.queueSet("visibility", value, () => {
      const sheet = this.sheet("Worksheet.visibility");
      if (!["Visible", "Hidden", "VeryHidden"].includes(value)) throw invalidArgument("Worksheet.visibility");
      const model = this.context.model;
      if (value !== "Visible" && !model.sheets.some((s) => s !== sheet && s.visibility === "Visible")) {
        throw invalidOperation(
          "Worksheet.visibility",
          "A workbook must contain at least one visible worksheet.",
        );
      }
      sheet.visibility = value;
      if (value !== "Visible" && model.activeSheetId === sheet.id) {
        const next = model.sheets.find((s) => s.visibility === "Visible");
        if (next) model.activeSheetId = next.id;
      }
    });
  }
  get tabColor(): string {
    return this.get("tabColor") as string;
  }
  set tabColor(value: string) {
    this.queueSet("tabColor", value, () => {
      this.sheet("Worksheet.tabColor").tabColor = value;
    });
  }

  get tables(): TableCollection {
    this.tablesProxy ??= new TableCollection(this.context, this);
    return this.tablesProxy;
  }
  get charts(): ChartCollection {
    this.chartsProxy ??= new ChartCollection(this.context, this);
    return this.chartsProxy;
  }
  get protection(): WorksheetProtection {
    this.protectionProxy ??= new WorksheetProtection(this.context, this.locate);
    return this.protectionProxy;
  }
  get freezePanes(): WorksheetFreezePanes {
    this.freezeProxy ??= new WorksheetFreezePanes(this.context, this.locate);
    return this.freezeProxy;
  }

  getRange(address?: string): Range {
    const locate = this.locate;
    return new Range(
      this.context,
      () => {
        const sheet = locate();
        if (!sheet) return null;
        const rect =
          address === undefined || address === ""
            ? { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 }
            : parseRect(address);
        return { sheet, rect };
      },
      "Worksheet.getRange",
    );
  }

  /** Several areas ("A1:B2, D4:E5" or "A1:B2,D4"), as a RangeAreas. */
  getRanges(address: string): RangeAreas {
    const locate = this.locate;
    return new RangeAreas(
      this.context,
      () => {
        const sheet = locate();
        if (!sheet) return null;
        return { sheet, rects: address.split(",").map((part) => parseRect(part.trim())) };
      },
      "Worksheet.getRanges",
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    const locate = this.locate;
    return new Range(
      this.context,
      () => {
        const sheet = locate();
        if (!sheet) return null;
        if (rowCount < 1 || columnCount < 1) throw invalidArgument("Worksheet.getRangeByIndexes");
        return {
          sheet,
          rect: {
            r0: startRow,
            c0: startColumn,
            r1: startRow + rowCount - 1,
            c1: startColumn + columnCount - 1,
          },
        };
      },
      "Worksheet.getRangeByIndexes",
    );
  }

  getCell(row: number, column: number): Range {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /** Excel returns A1 for an empty sheet; the OrNullObject variant returns a null object. */
  getUsedRange(valuesOnly = false): Range {
    const locate = this.locate;
    return new Range(
      this.context,
      () => {
        const sheet = locate();
        if (!sheet) return null;
        return { sheet, rect: usedRect(sheet, valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
      },
      "Worksheet.getUsedRange",
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): Range {
    const locate = this.locate;
    return new Range(
      this.context,
      () => {
        const sheet = locate();
        const rect = sheet ? usedRect(sheet, valuesOnly) : null;
        return sheet && rect ? { sheet, rect } : null;
      },
      "Worksheet.getUsedRangeOrNullObject",
    );
  }

  activate(): void {
    this.queueCall("activate", undefined, () => {
      const sheet = this.sheet("Worksheet.activate");
      if (sheet.visibility !== "Visible")
        throw invalidOperation("Worksheet.activate", "A hidden sheet cannot be activated.");
      this.context.model.activeSheetId = sheet.id;
    });
  }

  delete(): void {
    this.queueCall("delete", undefined, () => {
      const model = this.context.model;
      const sheet = this.sheet("Worksheet.delete");
      if (!model.sheets.some((s) => s !== sheet && s.visibility === "Visible")) {
        throw invalidOperation("Worksheet.delete", "A workbook must contain at least one visible worksheet.");
      }
      model.sheets = model.sheets.filter((s) => s !== sheet);
      model.tables = model.tables.filter((t) => t.sheetId !== sheet.id);
      for (const name of model.names) {
        if ("sheetId" in name.ref && name.ref.sheetId === sheet.id) name.ref = { formula: "=#REF!" };
      }
      if (model.activeSheetId === sheet.id) {
        model.activeSheetId = model.sheets.find((s) => s.visibility === "Visible")?.id ?? "";
        model.selection = { sheetId: model.activeSheetId, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
      }
    });
  }
}

export class WorksheetProtection extends ClientObject {
  protected readonly objectName = "WorksheetProtection";

  constructor(
    context: RequestContext,
    private readonly locate: SheetLocator,
  ) {
    super(context);
  }

  isMissing(): boolean {
    return this.locate() === null;
  }

  protected scalarProperties(): readonly string[] {
    return ["protected"];
  }

  protected readProperty(name: string): unknown {
    const sheet = this.locate();
    if (!sheet) throw itemNotFound("WorksheetProtection");
    if (name === "protected") return sheet.protected;
    if (name === "options") return {};
    throw invalidArgument("WorksheetProtection.load", `Unknown property '${name}'.`);
  }

  get protected(): boolean {
    return this.get("protected") as boolean;
  }

  protect(options?: unknown, password?: string): void {
    this.queueCall("protect", [options, password], () => {
      const sheet = this.locate();
      if (!sheet) throw itemNotFound("WorksheetProtection.protect");
      if (sheet.protected)
        throw invalidOperation("WorksheetProtection.protect", "The worksheet is already protected.");
      sheet.protected = true;
      if (password !== undefined) sheet.password = password;
      else delete sheet.password;
    });
  }

  unprotect(password?: string): void {
    this.queueCall("unprotect", password, () => {
      const sheet = this.locate();
      if (!sheet) throw itemNotFound("WorksheetProtection.unprotect");
      if (sheet.password !== undefined && sheet.password !== password) {
        throw invalidArgument("WorksheetProtection.unprotect", "The password is incorrect.");
      }
      sheet.protected = false;
    });
  }
}

export class WorksheetFreezePanes extends ClientObject {
  protected readonly objectName = "WorksheetFreezePanes";

  constructor(
    context: RequestContext,
    private readonly locate: SheetLocator,
  ) {
    super(context);
  }

  isMissing(): boolean {
    return this.locate() === null;
  }

  protected scalarProperties(): readonly string[] {
    return [];
  }

  protected readProperty(name: string): unknown {
    throw invalidArgument("WorksheetFreezePanes.load", `Unknown property '${name}'.`);
  }

  private update(name: string, rows: number | null, columns: number | null): void {
    this.queueCall(name, [rows, columns], () => {
      const sheet = this.locate();
      if (!sheet) throw itemNotFound(`WorksheetFreezePanes.${name}`);
      if (rows !== null) sheet.frozenRows = rows;
      if (columns !== null) sheet.frozenColumns = columns;
    });
  }

  freezeRows(count = 1): void {
    this.update("freezeRows", count, 0);
  }
  freezeColumns(count = 1): void {
    this.update("freezeColumns", 0, count);
  }
  freezeAt(range: Range | string): void {
    this.queueCall("freezeAt", typeof range === "string" ? range : null, () => {
      const sheet = this.locate();
      if (!sheet) throw itemNotFound("WorksheetFreezePanes.freezeAt");
      const rect =
        typeof range === "string" ? parseRect(range) : range.at("WorksheetFreezePanes.freezeAt").rect;
      sheet.frozenRows = rect.r1 + 1;
      sheet.frozenColumns = rect.c1 + 1;
    });
  }
  unfreeze(): void {
    this.update("unfreeze", 0, 0);
  }
  getLocationOrNullObject(): Range {
    const locate = this.locate;
    return new Range(this.context, () => {
      const sheet = locate();
      if (!sheet || (sheet.frozenRows === 0 && sheet.frozenColumns === 0)) return null;
      return {
        sheet,
        rect: {
          r0: 0,
          c0: 0,
          r1: Math.max(sheet.frozenRows, 1) - 1,
          c1: Math.max(sheet.frozenColumns, 1) - 1,
        },
      };
    });
  }
}
