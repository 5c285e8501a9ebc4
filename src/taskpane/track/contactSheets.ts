/** Which of the workbook's sheets may hold a CRM export, and the one proposed first. Pure. */
import * as schema from "../../core/workbook/schema";

/** Cadence's own sheets (both languages) are not exports. */
const CADENCE_SHEETS = new Set(
  Object.values(schema.SHEET_NAMES).flatMap((names) => [names.fr, names.en].map((n) => n.toLowerCase())),
);

export function exportSheets(names: readonly string[]): string[] {
  return names.filter((n) => !CADENCE_SHEETS.has(n.toLowerCase()) && !n.startsWith("_cadence"));
}

/** The sheet last used when it is still there, else one named like an export ("Contacts export", "CRM…"), else none. */
export function proposedSheet(candidates: readonly string[], last: string): string {
  if (last !== "" && candidates.includes(last)) return last;
  return candidates.find((n) => /export|crm|extraction/i.test(n)) ?? "";
}
