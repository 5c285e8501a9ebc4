/**
 * What "create a plan workbook" finds before it adds anything (its first round trip): the names it
 * would clash with, the hidden sheets already there, the schema rows to merge with, the active sheet.
 * The same facts tell a failed or cancelled creation what to take away again (createRollback.ts).
 */
import * as schema from "../core/workbook/schema";
import type { Lang } from "../core/workbook/schema";
import { schemaState } from "./readSource";

export interface CreateCheckRead {
  tables: Excel.Table[];
  names: Excel.NamedItem[];
  sheets: Excel.Worksheet[];
  schemaSheet: Excel.Worksheet;
  schemaUsed: Excel.Range;
  undoSheet: Excel.Worksheet;
  active: Excel.Worksheet;
}

/** What the workbook held before the creation, as plain data. */
export interface BeforeCreate {
  /** The visible sheets the creation adds, in the workbook's language. */
  sheets: string[];
  /** The schema sheet's rows (null: the creation adds the sheet). */
  schemaRows: string[][] | null;
  /** The undo sheet was there already (a rep who adopted their own table first). */
  undoSheet: boolean;
  /** The sheet the rep had open. */
  activeSheet: string;
}

export const sheetNamesOf = (lang: Lang): string[] =>
  (Object.keys(schema.SHEET_NAMES) as schema.SheetId[]).map((id) => schema.SHEET_NAMES[id][lang]);

/** Queues the check's reads: every name the build would add, the hidden sheets, the active sheet. */
export function queueCreateCheck(context: Excel.RequestContext, lang: Lang): CreateCheckRead {
  const workbook = context.workbook;
  const schemaSheet = workbook.worksheets.getItemOrNullObject(schema.SCHEMA_SHEET).load("name");
  return {
    tables: schema.TABLES.map((t) => workbook.tables.getItemOrNullObject(t.name).load("name")),
    names: schema.SETTINGS.map((s) => workbook.names.getItemOrNullObject(s.name).load("name")),
    sheets: sheetNamesOf(lang).map((n) => workbook.worksheets.getItemOrNullObject(n).load("name")),
    schemaSheet,
    schemaUsed: schemaSheet.getUsedRangeOrNullObject(true).load("values"),
    undoSheet: workbook.worksheets.getItemOrNullObject(schema.UNDO_SHEET).load("name"),
    active: workbook.worksheets.getActiveWorksheet().load("name"),
  };
}

/** The first table, defined name or sheet the build would add that the workbook already has. */
export function clashOf(read: CreateCheckRead): string | null {
  const found = [...read.tables, ...read.names, ...read.sheets].find((item) => !item.isNullObject);
  return found?.name ?? null;
}

export function beforeCreate(read: CreateCheckRead, lang: Lang): BeforeCreate {
  const exists = !read.schemaSheet.isNullObject;
  const values = exists && !read.schemaUsed.isNullObject ? (read.schemaUsed.values as unknown[][]) : null;
  return {
    sheets: sheetNamesOf(lang),
    schemaRows: exists ? schemaState(values).rows : null,
    undoSheet: !read.undoSheet.isNullObject,
    activeSheet: read.active.name,
  };
}
