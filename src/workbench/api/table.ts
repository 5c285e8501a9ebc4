/**
 * Excel.TableCollection and Excel.Table.
 * https://learn.microsoft.com/javascript/api/excel/excel.table
 */
import { ClientObject } from "./clientObject";
import type { ClientResult } from "./clientObject";
import type { RequestContext } from "./context";
import { accessDenied, alreadyExists, invalidArgument, itemNotFound } from "./errors";
import { Range } from "./range";
import type { Located } from "./located";
import { ClientCollection } from "./collection";
import { TableColumnCollection, TableRowCollection } from "./tableParts";
import type { Worksheet } from "./worksheet";
import { Worksheet as WorksheetProxy } from "./worksheet";
import { parseRect, splitSheet } from "../model/address";
import type { Rect } from "../model/address";
import { clearCells } from "../model/cells";
import { bodyRect, createTable, resizeTable, tableSheet } from "../model/tables";
import type { TableModel } from "../model/types";
import { findSheet, findTable, isValidDefinedName, nameTaken, sheetById } from "../model/workbook";

export type TableLocator = () => TableModel | null;

export class Table extends ClientObject {
  protected readonly objectName = "Table";
  private rowsProxy: TableRowCollection | undefined;
  private columnsProxy: TableColumnCollection | undefined;

  private constructor(
    context: RequestContext,
    readonly locate: TableLocator,
  ) {
    super(context);
  }

  /** Resolved once at sync time, then followed by id (renames and moves keep the proxy valid). */
  static bound(context: RequestContext, find: TableLocator, resolveAt?: string): Table {
    let id: string | null = null;
    const locate: TableLocator = () => {
      if (id !== null) return context.model.tables.find((t) => t.id === id) ?? null;
      const table = find();
      if (table) id = table.id;
      return table;
    };
    const table = new Table(context, locate);
    if (resolveAt) table.queueResolve(resolveAt);
    return table;
  }

  isMissing(): boolean {
    return this.locate() === null;
  }

  table(location = "Table"): TableModel {
    const table = this.locate();
    if (!table) throw itemNotFound(location);
    return table;
  }

  protected scalarProperties(): readonly string[] {
    return ["id", "name", "showHeaders", "showTotals", "style"];
  }

  protected readProperty(name: string): unknown {
    const table = this.table(`Table.${name}`);
    if (
      name === "id" ||
      name === "name" ||
      name === "showHeaders" ||
      name === "showTotals" ||
      name === "style"
    )
      return table[name];
    throw invalidArgument("Table.load", `Unknown property '${name}'.`);
  }

  protected override navigate(segment: string): ClientObject | null {
    if (segment === "worksheet") return this.worksheet;
    if (segment === "rows") return this.rows;
    if (segment === "columns") return this.columns;
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
      const table = this.table("Table.name");
      if (!isValidDefinedName(value)) throw invalidArgument("Table.name", `Invalid table name "${value}".`);
      if (nameTaken(this.context.model, value, table.id)) throw alreadyExists("Table.name");
      table.name = value;
    });
  }
  get showHeaders(): boolean {
    return this.get("showHeaders") as boolean;
  }
  get showTotals(): boolean {
    return this.get("showTotals") as boolean;
  }
  set showTotals(value: boolean) {
    this.queueSet("showTotals", value, () => {
      const table = this.table("Table.showTotals");
      if (table.showTotals === value) return;
      table.showTotals = value;
      table.rect = { ...table.rect, r1: table.rect.r1 + (value ? 1 : -1) };
    });
  }
  get style(): string {
    return this.get("style") as string;
  }
  set style(value: string) {
    this.queueSet("style", value, () => {
      this.table("Table.style").style = value;
    });
  }

  get rows(): TableRowCollection {
    this.rowsProxy ??= new TableRowCollection(this.context, this.locate);
    return this.rowsProxy;
  }
  get columns(): TableColumnCollection {
    this.columnsProxy ??= new TableColumnCollection(this.context, this.locate);
    return this.columnsProxy;
  }
  get worksheet(): Worksheet {
    return WorksheetProxy.bound(this.context, () => {
      const table = this.locate();
      return table ? (sheetById(this.context.model, table.sheetId) ?? null) : null;
    });
  }

  private part(name: string, pick: (table: TableModel) => Rect | null): Range {
    return new Range(
      this.context,
      (): Located | null => {
        const table = this.locate();
        if (!table) return null;
        const rect = pick(table);
        if (!rect) throw invalidArgument(`Table.${name}`, "The table has no such row.");
        return { sheet: tableSheet(this.context.model, table), rect };
      },
      `Table.${name}`,
    );
  }

  getRange(): Range {
    return this.part("getRange", (t) => t.rect);
  }
  getHeaderRowRange(): Range {
    return this.part("getHeaderRowRange", (t) => (t.showHeaders ? { ...t.rect, r1: t.rect.r0 } : null));
  }
  getDataBodyRange(): Range {
    return this.part("getDataBodyRange", bodyRect);
  }
  getTotalRowRange(): Range {
    return this.part("getTotalRowRange", (t) => (t.showTotals ? { ...t.rect, r0: t.rect.r1 } : null));
  }

  resize(newRange: Range | string): void {
    this.queueCall("resize", typeof newRange === "string" ? newRange : null, () => {
      const table = this.table("Table.resize");
      const rect =
        typeof newRange === "string"
          ? parseRect(splitSheet(newRange).local)
          : newRange.at("Table.resize").rect;
      resizeTable(this.context.model, table, rect, "Table.resize");
    });
  }

  clearFilters(): void {
    this.queueCall("clearFilters", undefined, () => {
      this.table("Table.clearFilters");
    });
  }

  /** Deleting a table removes its cells' contents and formats too. */
  delete(): void {
    this.queueCall("delete", undefined, () => {
      const table = this.table("Table.delete");
      const sheet = tableSheet(this.context.model, table);
      if (sheet.protected) throw accessDenied("Table.delete");
      clearCells(sheet, table.rect, "All");
      this.context.model.tables = this.context.model.tables.filter((t) => t !== table);
    });
  }

  convertToRange(): Range {
    const range = this.getRange();
    this.queueCall("convertToRange", undefined, () => {
      const table = this.table("Table.convertToRange");
      this.context.model.tables = this.context.model.tables.filter((t) => t !== table);
    });
    return range;
  }
}

export class TableCollection extends ClientCollection<Table> {
  protected readonly objectName = "TableCollection";

  /** `scope` is the worksheet for worksheet.tables, null for workbook.tables. */
  constructor(
    context: RequestContext,
    private readonly scope: Worksheet | null,
  ) {
    super(context);
  }

  isMissing(): boolean {
    return this.scope ? this.scope.isMissing() : false;
  }

  private list(): TableModel[] {
    const all = this.context.model.tables;
    if (!this.scope) return all;
    const sheet = this.scope.sheet("TableCollection");
    return all.filter((t) => t.sheetId === sheet.id);
  }

  protected itemProxies(): Table[] {
    return this.list().map((model) => Table.bound(this.context, () => model));
  }

  add(address: Range | string, hasHeaders: boolean): Table {
    let created: TableModel | null = null;
    const table = Table.bound(this.context, () => created);
    this.context.enqueue(
      "TableCollection.add",
      () => {
        const located = this.target(address);
        created = createTable(
          this.context.model,
          located.sheet,
          located.rect,
          hasHeaders,
          "TableCollection.add",
        );
      },
      [typeof address === "string" ? address : null, hasHeaders],
    );
    return table;
  }

  private target(address: Range | string): Located {
    if (typeof address !== "string") return address.at("TableCollection.add");
    const { sheet: sheetName, local } = splitSheet(address);
    const rect = parseRect(local);
    if (this.scope) {
      const sheet = this.scope.sheet("TableCollection.add");
      if (sheetName !== null && findSheet(this.context.model, sheetName) !== sheet)
        throw invalidArgument("TableCollection.add");
      return { sheet, rect };
    }
    const model = this.context.model;
    const sheet = sheetName === null ? sheetById(model, model.activeSheetId) : findSheet(model, sheetName);
    if (!sheet) throw itemNotFound("TableCollection.add");
    return { sheet, rect };
  }

  getItem(key: string): Table {
    return Table.bound(
      this.context,
      () => {
        const found = this.find(key);
        if (!found) throw itemNotFound("TableCollection.getItem");
        return found;
      },
      "TableCollection.getItem",
    );
  }

  getItemOrNullObject(key: string): Table {
    return Table.bound(this.context, () => this.find(key) ?? null, "TableCollection.getItemOrNullObject");
  }

  getItemAt(index: number): Table {
    return Table.bound(
      this.context,
      () => {
        const found = this.list().at(index);
        if (!found) throw itemNotFound("TableCollection.getItemAt");
        return found;
      },
      "TableCollection.getItemAt",
    );
  }

  private find(key: string): TableModel | undefined {
    const found = findTable(this.context.model, key);
    return found && this.list().includes(found) ? found : undefined;
  }

  getCount(): ClientResult<number> {
    return this.queueResult("getCount", () => this.list().length);
  }
}
