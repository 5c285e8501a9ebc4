/** Where the contacts log's header is, and the issues reported on its rows (EN / FR messages). */
import type { Grid, RowIssue } from "../types";
import type { ContactColumns, ContactField } from "./contactsColumns";
import { findContactColumns, REQUIRED_FIELDS } from "./contactsColumns";

const FIELD_LABELS: Readonly<Record<ContactField, readonly [string, string]>> = {
  date: ["date", "date"],
  client: ["client", "client"],
  channel: ["channel", "canal"],
  note: ["note", "note"],
  source: ["source", "source"],
};

export interface RowContext {
  row: number;
  issues: RowIssue[];
  headers: readonly string[];
}

/** Title rows may sit above the headers (CRM exports): the header is the first of the first 10 rows naming every required column. */
const HEADER_SEARCH_ROWS = 10;

export function findHeaderIndex(grid: Grid): number {
  const last = Math.min(grid.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < last; i++) {
    const columns = findContactColumns(grid[i] ?? []);
    if (REQUIRED_FIELDS.every((f) => columns[f].length > 0)) return i;
  }
  return 0;
}

const EXCEL_ERROR =
  /^#(?:N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

export function issue(
  ctx: RowContext,
  column: number | undefined,
  code: RowIssue["code"],
  en: string,
  fr: string,
  value?: unknown,
): void {
  const name = column === undefined ? "" : (ctx.headers[column] ?? "");
  if (typeof value === "string" && EXCEL_ERROR.test(value.trim())) {
    code = "excelError";
    en = `${en.replace(/\.$/, "")} (the cell holds the Excel error ${value.trim()}).`;
    fr = `${fr.replace(/\.$/, "")} (la cellule contient l'erreur Excel ${value.trim()}).`;
  }
  ctx.issues.push({
    row: ctx.row,
    column: name,
    code,
    message: `Row ${ctx.row}: ${en} / Ligne ${ctx.row} : ${fr}`,
    value,
  });
}

export function missingColumns(columns: ContactColumns): RowIssue[] {
  return REQUIRED_FIELDS.filter((f) => columns[f].length === 0).map((f) => {
    const [en, fr] = FIELD_LABELS[f];
    return {
      row: 1,
      column: en,
      code: "missingColumn",
      message: `No ${en} column found in the header row. / Aucune colonne ${fr} trouvée dans la ligne d'en-tête.`,
    };
  });
}
