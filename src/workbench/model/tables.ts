/**
 * Excel tables in the in-memory workbook: creation (headers made unique, no overlap), rows and columns.
 * https://learn.microsoft.com/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-add-member(1)
 */
import { ErrorCodes, WorkbenchApiError, accessDenied, invalidArgument } from "../api/errors";
import { overlaps, rowCount } from "./address";
import type { Rect } from "./address";
import { getCell, shiftRows, writeValue } from "./cells";
import { extendAnchorsBelow, insertRows } from "./structure";
import type { SheetModel, TableModel, WorkbookModel } from "./types";
import { nameTaken, newId, nextFreeName, sheetById, tablesOn } from "./workbook";

export function headerRow(table: TableModel): number | null {
  return table.showHeaders ? table.rect.r0 : null;
}

/** The data rows (without header and total rows); null when the table has no data row. */
export function bodyRect(table: TableModel): Rect | null {
  const r0 = table.rect.r0 + (table.showHeaders ? 1 : 0);
  const r1 = table.rect.r1 - (table.showTotals ? 1 : 0);
  return r1 < r0 ? null : { r0, r1, c0: table.rect.c0, c1: table.rect.c1 };
}

export function columnNames(sheet: SheetModel, table: TableModel): string[] {
  const names: string[] = [];
  for (let c = table.rect.c0; c <= table.rect.c1; c++) {
    const v = getCell(sheet, table.rect.r0, c)?.v ?? "";
    names.push(String(v));
  }
  return names;
}

export function tableSheet(model: WorkbookModel, table: TableModel): SheetModel {
  const sheet = sheetById(model, table.sheetId);
  if (!sheet) throw new WorkbenchApiError(ErrorCodes.itemNotFound, "The table's worksheet no longer exists.");
  return sheet;
}

/** Excel makes headers text, fills blanks with "ColumnN" and suffixes duplicates with 2, 3… */
function normalizeHeaders(sheet: SheetModel, row: number, c0: number, c1: number): void {
  const seen = new Set<string>();
  for (let c = c0; c <= c1; c++) {
    const raw = getCell(sheet, row, c)?.v ?? "";
    let name = String(raw).trim() === "" ? `Column${c - c0 + 1}` : String(raw);
    const stem = name;
    for (let k = 2; seen.has(name.toLocaleUpperCase()); k++) name = `${stem}${k}`;
    seen.add(name.toLocaleUpperCase());
    if (name !== raw) writeValue(sheet, row, c, name);
  }
}

export function createTable(
  model: WorkbookModel,
  sheet: SheetModel,
  rect: Rect,
  hasHeaders: boolean,
  location: string,
): TableModel {
  if (sheet.protected) throw accessDenied(location);
  let area = { ...rect };
  if (!hasHeaders) {
    // Excel inserts a header row above the data, shifting those columns down.
    shiftRows(sheet, area.r0, 1, area.c0, area.c1);
    area = { ...area, r1: area.r1 + 1 };
    for (let c = area.c0; c <= area.c1; c++) writeValue(sheet, area.r0, c, `Column${c - area.c0 + 1}`);
  }
  // A header-only table gets one blank data row, as in Excel.
  if (rowCount(area) === 1) area = { ...area, r1: area.r1 + 1 };
  for (const other of tablesOn(model, sheet.id)) {
    if (overlaps(other.rect, area)) {
      throw invalidArgument(location, `A table can't overlap another table (${other.name}).`);
    }
  }
  normalizeHeaders(sheet, area.r0, area.c0, area.c1);
  const width = area.c1 - area.c0 + 1;
  const table: TableModel = {
    id: newId(model, "T"),
    name: nextFreeName(model, "Table", (n) => nameTaken(model, n)),
    sheetId: sheet.id,
    rect: area,
    showHeaders: true,
    showTotals: false,
    style: "TableStyleMedium2",
    columnIds: Array.from({ length: width }, (_, i) => i + 1),
    nextColumnId: width + 1,
  };
  model.tables.push(table);
  return table;
}

function isBlankRow(sheet: SheetModel, r: number, c0: number, c1: number): boolean {
  for (let c = c0; c <= c1; c++) {
    const cell = getCell(sheet, r, c);
    if (cell && (cell.v !== "" || cell.f !== undefined)) return false;
  }
  return true;
}

/**
 * Adds rows to a table at body index `index` (null: at the end). A lone blank data row (the one a new
 * table starts with) is filled first rather than kept above the new rows.
 */
export function addTableRows(
  model: WorkbookModel,
  table: TableModel,
  index: number | null,
  values: readonly (readonly unknown[])[],
  location: string,
): number {
  const sheet = tableSheet(model, table);
  if (sheet.protected) throw accessDenied(location);
  const width = table.rect.c1 - table.rect.c0 + 1;
  if (values.length === 0 || values.some((row) => row.length !== width)) {
    throw invalidArgument(location, `Each row must have ${width} values.`);
  }
  const body = bodyRect(table);
  const bodyRows = body ? rowCount(body) : 0;
  if (index !== null && (index < 0 || index > bodyRows))
    throw invalidArgument(location, "Row index out of range.");
  let rows = values;
  let at =
    index === null ? (body ? body.r1 + 1 : table.rect.r0 + 1) : (body?.r0 ?? table.rect.r0 + 1) + index;
  if (body && bodyRows === 1 && isBlankRow(sheet, body.r0, body.c0, body.c1)) {
    writeRow(sheet, body.r0, table.rect.c0, rows[0] ?? []);
    rows = rows.slice(1);
    at = body.r0 + 1;
  }
  if (rows.length > 0) {
    const lastBodyRow = body ? body.r1 : table.rect.r0;
    insertRows(
      model,
      sheet,
      at,
      rows.length,
      { c0: table.rect.c0, c1: table.rect.c1 },
      {
        exceptTable: table.id,
        location,
        inheritFrom: body ? at - 1 : undefined,
      },
    );
    if (body && at === lastBodyRow + 1) extendAnchorsBelow(sheet, lastBodyRow, rows.length, body);
    table.rect = { ...table.rect, r1: table.rect.r1 + rows.length };
    rows.forEach((row, i) => {
      writeRow(sheet, at + i, table.rect.c0, row);
    });
  }
  return index ?? bodyRows;
}

function writeRow(sheet: SheetModel, r: number, c0: number, row: readonly unknown[]): void {
  row.forEach((value, i) => {
    writeValue(sheet, r, c0 + i, value ?? "");
  });
}

/** Inserts a column into a table at column index `index` (null: at the right), shifting cells right within the table's rows. */
export function addTableColumn(
  model: WorkbookModel,
  table: TableModel,
  index: number | null,
  values: readonly (readonly unknown[])[] | null,
  name: string | null,
  location: string,
): number {
  const sheet = tableSheet(model, table);
  if (sheet.protected) throw accessDenied(location);
  const width = table.rect.c1 - table.rect.c0 + 1;
  const height = table.rect.r1 - table.rect.r0 + 1;
  if (index !== null && (index < 0 || index > width))
    throw invalidArgument(location, "Column index out of range.");
  if (values && (values.length !== height || values.some((row) => row.length !== 1))) {
    throw invalidArgument(location, `The values must be ${height} rows of one value (header included).`);
  }
  const at = table.rect.c0 + (index ?? width);
  for (const other of tablesOn(model, sheet.id)) {
    if (other.id === table.id || other.rect.c1 < at) continue;
    const rowsInside = other.rect.r0 >= table.rect.r0 && other.rect.r1 <= table.rect.r1;
    const rowsApart = other.rect.r1 < table.rect.r0 || other.rect.r0 > table.rect.r1;
    if (!rowsInside && !rowsApart) {
      throw new WorkbenchApiError(
        ErrorCodes.insertDeleteConflict,
        "The insert operation would shift cells in another table.",
        location,
      );
    }
    if (rowsInside) other.rect = { ...other.rect, c0: other.rect.c0 + 1, c1: other.rect.c1 + 1 };
  }
  for (let r = table.rect.r0; r <= table.rect.r1; r++) {
    const row = sheet.rows[r];
    if (row && row.length > at) row.splice(at, 0, undefined);
  }
  table.rect = { ...table.rect, c1: table.rect.c1 + 1 };
  const position = at - table.rect.c0;
  table.columnIds.splice(position, 0, table.nextColumnId);
  table.nextColumnId++;
  values?.forEach((row, i) => {
    writeValue(sheet, table.rect.r0 + i, at, row[0] ?? "");
  });
  if (name !== null) writeValue(sheet, table.rect.r0, at, name);
  normalizeHeaders(sheet, table.rect.r0, table.rect.c0, table.rect.c1);
  return position;
}

/** Deletes data rows [index, index + count) of a table, shifting the cells below up within its columns. */
export function deleteTableRows(
  model: WorkbookModel,
  table: TableModel,
  index: number,
  count: number,
  location: string,
): void {
  const sheet = tableSheet(model, table);
  if (sheet.protected) throw accessDenied(location);
  const body = bodyRect(table);
  if (!body || index < 0 || count < 1 || body.r0 + index + count - 1 > body.r1)
    throw invalidArgument(location, "Row index out of range.");
  const at = body.r0 + index;
  shiftRows(sheet, at, -count, table.rect.c0, table.rect.c1);
  table.rect = { ...table.rect, r1: table.rect.r1 - count };
  // A table always keeps one (blank) data row.
  if (!bodyRect(table)) {
    shiftRows(sheet, table.rect.r1 + 1, 1, table.rect.c0, table.rect.c1);
    table.rect = { ...table.rect, r1: table.rect.r1 + 1 };
  }
}

export function resizeTable(model: WorkbookModel, table: TableModel, rect: Rect, location: string): void {
  const sheet = tableSheet(model, table);
  if (sheet.protected) throw accessDenied(location);
  if (rect.r0 !== table.rect.r0 || !overlaps(rect, table.rect) || rect.r1 <= rect.r0) {
    throw invalidArgument(location, "The new range must keep the header row and overlap the table.");
  }
  for (const other of tablesOn(model, sheet.id)) {
    if (other.id !== table.id && overlaps(other.rect, rect))
      throw invalidArgument(location, `A table can't overlap another table (${other.name}).`);
  }
  const oldC0 = table.rect.c0;
  const ids: number[] = [];
  for (let c = rect.c0; c <= rect.c1; c++) {
    const old = c >= oldC0 ? table.columnIds.at(c - oldC0) : undefined;
    if (c >= oldC0 && c <= table.rect.c1 && old !== undefined) ids.push(old);
    else ids.push(table.nextColumnId++);
  }
  table.columnIds = ids;
  table.rect = { ...rect };
  normalizeHeaders(sheet, rect.r0, rect.c0, rect.c1);
}

export function deleteTableColumn(
  model: WorkbookModel,
  table: TableModel,
  position: number,
  location: string,
): void {
  const sheet = tableSheet(model, table);
  if (sheet.protected) throw accessDenied(location);
  if (table.columnIds.length === 1) throw invalidArgument(location, "A table must keep at least one column.");
  const at = table.rect.c0 + position;
  for (let r = table.rect.r0; r <= table.rect.r1; r++) {
    const row = sheet.rows[r];
    if (row && row.length > at) row.splice(at, 1);
  }
  table.columnIds.splice(position, 1);
  table.rect = { ...table.rect, c1: table.rect.c1 - 1 };
}
