/**
 * Lookups and structural edits of the in-memory workbook (sheets, names), shared by the API proxies.
 */
import type { Rect } from "./address";
import type { NameModel, SheetModel, TableModel, WorkbookModel } from "./types";

export function emptySheet(id: string, name: string): SheetModel {
  return {
    id,
    name,
    visibility: "Visible",
    protected: false,
    tabColor: "",
    rows: [],
    columnFormats: new Map(),
    rowFormats: new Map(),
    columnWidths: new Map(),
    hiddenColumns: new Set(),
    rowHeights: new Map(),
    frozenRows: 0,
    frozenColumns: 0,
    validations: [],
    conditionalFormats: [],
    charts: [],
  };
}

export function createModel(firstSheetName = "Sheet1"): WorkbookModel {
  const sheet = emptySheet("{S1}", firstSheetName);
  return {
    sheets: [sheet],
    tables: [],
    names: [],
    activeSheetId: sheet.id,
    selection: { sheetId: sheet.id, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } },
    calculationMode: "Automatic",
    nextId: 2,
  };
}

export function newId(model: WorkbookModel, prefix: string): string {
  const id = `{${prefix}${model.nextId}}`;
  model.nextId++;
  return id;
}

const same = (a: string, b: string): boolean => a.toLocaleUpperCase() === b.toLocaleUpperCase();

/** Sheets are found by name (case-insensitively, as Excel does) or by id. */
export function findSheet(model: WorkbookModel, key: string): SheetModel | undefined {
  return model.sheets.find((s) => s.id === key) ?? model.sheets.find((s) => same(s.name, key));
}

export function sheetById(model: WorkbookModel, id: string): SheetModel | undefined {
  return model.sheets.find((s) => s.id === id);
}

export function findTable(model: WorkbookModel, key: string): TableModel | undefined {
  return model.tables.find((t) => t.id === key) ?? model.tables.find((t) => same(t.name, key));
}

export function findName(model: WorkbookModel, key: string): NameModel | undefined {
  return model.names.find((n) => same(n.name, key));
}

/** Excel's sheet-name rules: 1–31 characters, none of : \ / ? * [ ], not starting or ending with '. */
export function isValidSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 31 &&
    !/[:\\/?*[\]]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'")
  );
}

/** Defined names and table names: start with a letter, _ or \, no spaces, and not a cell reference. */
export function isValidDefinedName(name: string): boolean {
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) || name.length > 255) return false;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]\d*$/.test(name) || /^R\d+C\d+$/i.test(name)) return false;
  return true;
}

/** True when a name is already used by a table or a defined name (they share one namespace). */
export function nameTaken(model: WorkbookModel, name: string, exceptTableId?: string): boolean {
  return (
    model.tables.some((t) => t.id !== exceptTableId && same(t.name, name)) ||
    model.names.some((n) => same(n.name, name))
  );
}

export function nextFreeName(model: WorkbookModel, stem: string, taken: (name: string) => boolean): string {
  for (let i = 1; ; i++) {
    const candidate = `${stem}${i}`;
    if (!taken(candidate)) return candidate;
  }
}

export function sheetNameTaken(model: WorkbookModel, name: string, exceptId?: string): boolean {
  return model.sheets.some((s) => s.id !== exceptId && same(s.name, name));
}

export function tablesOn(model: WorkbookModel, sheetId: string): TableModel[] {
  return model.tables.filter((t) => t.sheetId === sheetId);
}

/** Moves rectangles of one sheet after rows were inserted (n > 0) or deleted (n < 0) at row `at` in columns c0..c1. */
export function shiftRect(rect: Rect, at: number, n: number, c0: number, c1: number): Rect | null {
  if (rect.c0 < c0 || rect.c1 > c1 || rect.r1 < at) return rect;
  if (n > 0) {
    if (rect.r0 >= at) return { ...rect, r0: rect.r0 + n, r1: rect.r1 + n };
    return { ...rect, r1: rect.r1 + n };
  }
  const end = at - n - 1;
  if (rect.r0 > end) return { ...rect, r0: rect.r0 + n, r1: rect.r1 + n };
  const keptAbove = Math.max(0, at - rect.r0);
  const keptBelow = Math.max(0, rect.r1 - end);
  if (keptAbove + keptBelow === 0) return null;
  const r0 = Math.min(rect.r0, at);
  return { ...rect, r0, r1: r0 + keptAbove + keptBelow - 1 };
}
