/**
 * Excel.TableRowCollection / TableRow (positional, as in Excel) and TableColumnCollection / TableColumn
 * (followed by their stable id).
 * https://learn.microsoft.com/javascript/api/excel/excel.tablerowcollection
 */
import { ClientObject } from "./clientObject";
import type { ClientResult } from "./clientObject";
import { ClientCollection } from "./collection";
import type { RequestContext } from "./context";
import { alreadyExists, invalidArgument, itemNotFound } from "./errors";
import { readGrid, readValue, writeValues } from "./grid";
import { writable } from "./located";
import type { Located } from "./located";
import { Range } from "./range";
import type { TableLocator } from "./table";
import { rowCount } from "../model/address";
import { writeValue } from "../model/cells";
import {
  addTableColumn,
  addTableRows,
  bodyRect,
  columnNames,
  deleteTableColumn,
  deleteTableRows,
  tableSheet,
} from "../model/tables";
import type { TableModel } from "../model/types";

export class TableRow extends ClientObject {
  protected readonly objectName = "TableRow";
  constructor(
    context: RequestContext,
    private readonly locateTable: TableLocator,
    private position: number | null,
  ) {
    super(context);
  }

  /** Binds a row created by rows.add() to its position, at sync time. */
  bind(index: number): void {
    this.position = index;
  }

  private located(location: string): Located | null {
    const table = this.locateTable();
    if (!table || this.position === null) return null;
    const body = bodyRect(table);
    if (!body || this.position >= rowCount(body)) throw itemNotFound(location);
    const r = body.r0 + this.position;
    return { sheet: tableSheet(this.context.model, table), rect: { ...body, r0: r, r1: r } };
  }

  isMissing(): boolean {
    return this.located("TableRow") === null;
  }

  protected scalarProperties(): readonly string[] {
    return ["index", "values"];
  }

  protected readProperty(name: string): unknown {
    const located = this.located(`TableRow.${name}`);
    if (!located) throw itemNotFound(`TableRow.${name}`);
    if (name === "index") return this.position;
    if (name === "values") return readGrid(located, readValue, "TableRow.values");
    throw invalidArgument("TableRow.load", `Unknown property '${name}'.`);
  }

  get index(): number {
    return this.get("index") as number;
  }
  get values(): unknown[][] {
    return this.get("values") as unknown[][];
  }
  set values(input: unknown[][]) {
    this.queueSet("values", input, () => {
      const located = this.located("TableRow.values");
      if (located) writeValues(writable(located, "TableRow.values"), input, "TableRow.values");
    });
  }

  getRange(): Range {
    return new Range(this.context, () => this.located("TableRow.getRange"));
  }

  delete(): void {
    this.queueCall("delete", undefined, () => {
      const table = this.locateTable();
      if (!table || this.position === null) throw itemNotFound("TableRow.delete");
      deleteTableRows(this.context.model, table, this.position, 1, "TableRow.delete");
    });
  }
}

export class TableRowCollection extends ClientCollection<TableRow> {
  protected readonly objectName = "TableRowCollection";

  constructor(
    context: RequestContext,
    private readonly locateTable: TableLocator,
  ) {
    super(context);
  }

  isMissing(): boolean {
    return this.locateTable() === null;
  }

  private table(location: string): TableModel {
    const table = this.locateTable();
    if (!table) throw itemNotFound(location);
    return table;
  }

  private rowTotal(): number {
    const body = bodyRect(this.table("TableRowCollection"));
    return body ? rowCount(body) : 0;
  }

  protected itemProxies(): TableRow[] {
    return Array.from({ length: this.rowTotal() }, (_, i) => new TableRow(this.context, this.locateTable, i));
  }

  add(index?: number | null, values?: unknown[][], _alwaysInsert?: boolean): TableRow {
    const row = new TableRow(this.context, this.locateTable, null);
    this.context.enqueue(
      "TableRowCollection.add",
      () => {
        const table = this.table("TableRowCollection.add");
        const width = table.rect.c1 - table.rect.c0 + 1;
        const rows = values ?? [Array.from({ length: width }, () => "")];
        row.bind(addTableRows(this.context.model, table, index ?? null, rows, "TableRowCollection.add"));
      },
      [index ?? null, values ?? null],
    );
    return row;
  }

  getItemAt(index: number): TableRow {
    const row = new TableRow(this.context, this.locateTable, index);
    this.context.enqueue("TableRowCollection.getItemAt", () => {
      if (index < 0 || index >= this.rowTotal()) throw itemNotFound("TableRowCollection.getItemAt");
    });
    return row;
  }

  deleteRowsAt(index: number, count = 1): void {
    this.queueCall("deleteRowsAt", [index, count], () => {
      deleteTableRows(
        this.context.model,
        this.table("TableRowCollection.deleteRowsAt"),
        index,
        count,
        "TableRowCollection.deleteRowsAt",
      );
    });
  }

  getCount(): ClientResult<number> {
    return this.queueResult("getCount", () => this.rowTotal());
  }
}

export class TableColumn extends ClientObject {
  protected readonly objectName = "TableColumn";

  constructor(
    context: RequestContext,
    private readonly locateTable: TableLocator,
    private columnId: number | null,
  ) {
    super(context);
  }

  bind(id: number): void {
    this.columnId = id;
  }

  private position(): { table: TableModel; index: number } | null {
    const table = this.locateTable();
    if (!table || this.columnId === null) return null;
    const index = table.columnIds.indexOf(this.columnId);
    return index < 0 ? null : { table, index };
  }

  isMissing(): boolean {
    return this.position() === null;
  }

  private located(location: string, part: "all" | "header" | "body"): Located {
    const found = this.position();
    if (!found) throw itemNotFound(location);
    const { table, index } = found;
    const c = table.rect.c0 + index;
    const body = bodyRect(table);
    let rect = { r0: table.rect.r0, r1: table.rect.r1, c0: c, c1: c };
    if (part === "header") rect = { ...rect, r1: rect.r0 };
    if (part === "body") {
      if (!body) throw invalidArgument(location, "The table has no data row.");
      rect = { ...rect, r0: body.r0, r1: body.r1 };
    }
    return { sheet: tableSheet(this.context.model, table), rect };
  }

  protected scalarProperties(): readonly string[] {
    return ["id", "index", "name", "values"];
  }

  protected readProperty(name: string): unknown {
    const found = this.position();
    if (!found) throw itemNotFound(`TableColumn.${name}`);
    if (name === "id") return String(this.columnId);
    if (name === "index") return found.index;
    if (name === "name")
      return columnNames(tableSheet(this.context.model, found.table), found.table)[found.index];
    if (name === "values")
      return readGrid(this.located("TableColumn.values", "all"), readValue, "TableColumn.values");
    throw invalidArgument("TableColumn.load", `Unknown property '${name}'.`);
  }

  get id(): string {
    return this.get("id") as string;
  }
  get index(): number {
    return this.get("index") as number;
  }
  get name(): string {
    return this.get("name") as string;
  }
  set name(value: string) {
    this.queueSet("name", value, () => {
      const found = this.position();
      if (!found) throw itemNotFound("TableColumn.name");
      const sheet = tableSheet(this.context.model, found.table);
      const names = columnNames(sheet, found.table).map((n) => n.toLocaleUpperCase());
      if (names.some((n, i) => i !== found.index && n === value.toLocaleUpperCase()))
        throw alreadyExists("TableColumn.name");
      const located = writable(this.located("TableColumn.name", "header"), "TableColumn.name");
      writeValue(located.sheet, located.rect.r0, located.rect.c0, value);
    });
  }
  get values(): unknown[][] {
    return this.get("values") as unknown[][];
  }
  set values(input: unknown[][]) {
    this.queueSet("values", input, () => {
      writeValues(
        writable(this.located("TableColumn.values", "all"), "TableColumn.values"),
        input,
        "TableColumn.values",
      );
    });
  }

  getRange(): Range {
    return new Range(this.context, () =>
      this.isMissing() ? null : this.located("TableColumn.getRange", "all"),
    );
  }
  getHeaderRowRange(): Range {
    return new Range(this.context, () =>
      this.isMissing() ? null : this.located("TableColumn.getHeaderRowRange", "header"),
    );
  }
  getDataBodyRange(): Range {
    return new Range(this.context, () =>
      this.isMissing() ? null : this.located("TableColumn.getDataBodyRange", "body"),
    );
  }

  delete(): void {
    this.queueCall("delete", undefined, () => {
      const found = this.position();
      if (!found) throw itemNotFound("TableColumn.delete");
      deleteTableColumn(this.context.model, found.table, found.index, "TableColumn.delete");
    });
  }
}

export class TableColumnCollection extends ClientCollection<TableColumn> {
  protected readonly objectName = "TableColumnCollection";

  constructor(
    context: RequestContext,
    private readonly locateTable: TableLocator,
  ) {
    super(context);
  }

  isMissing(): boolean {
    return this.locateTable() === null;
  }

  private table(location: string): TableModel {
    const table = this.locateTable();
    if (!table) throw itemNotFound(location);
    return table;
  }

  protected itemProxies(): TableColumn[] {
    return this.table("TableColumnCollection").columnIds.map(
      (id) => new TableColumn(this.context, this.locateTable, id),
    );
  }

  /** Finds a column by name (case-insensitive) or by id. */
  private find(key: string | number): number | null {
    const table = this.table("TableColumnCollection.getItem");
    const byId = table.columnIds.find((id) => String(id) === String(key));
    if (byId !== undefined) return byId;
    const names = columnNames(tableSheet(this.context.model, table), table);
    const index = names.findIndex((n) => n.toLocaleUpperCase() === String(key).toLocaleUpperCase());
    return index < 0 ? null : (table.columnIds[index] ?? null);
  }

  private lookup(location: string, pick: () => number | null, orNull: boolean): TableColumn {
    const column = new TableColumn(this.context, this.locateTable, null);
    this.context.enqueue(location, () => {
      if (this.isMissing()) return;
      const id = pick();
      if (id === null && !orNull) throw itemNotFound(location);
      if (id !== null) column.bind(id);
      this.context.stage(() => undefined);
    });
    return column;
  }

  getItem(key: string | number): TableColumn {
    return this.lookup("TableColumnCollection.getItem", () => this.find(key), false);
  }
  getItemOrNullObject(key: string | number): TableColumn {
    const column = this.lookup("TableColumnCollection.getItemOrNullObject", () => this.find(key), true);
    column.load([]);
    return column;
  }
  getItemAt(index: number): TableColumn {
    return this.lookup(
      "TableColumnCollection.getItemAt",
      () => this.table("TableColumnCollection.getItemAt").columnIds[index] ?? null,
      false,
    );
  }

  add(index?: number | null, values?: unknown[][], name?: string): TableColumn {
    const column = new TableColumn(this.context, this.locateTable, null);
    this.context.enqueue(
      "TableColumnCollection.add",
      () => {
        const table = this.table("TableColumnCollection.add");
        const position = addTableColumn(
          this.context.model,
          table,
          index ?? null,
          values ?? null,
          name ?? null,
          "TableColumnCollection.add",
        );
        const id = table.columnIds.at(position);
        if (id !== undefined) column.bind(id);
      },
      [index ?? null, values ?? null, name ?? null],
    );
    return column;
  }

  getCount(): ClientResult<number> {
    return this.queueResult("getCount", () => this.table("TableColumnCollection.getCount").columnIds.length);
  }
}
