/** The workbook's visible sheets, in tab order: one round trip. */
import type { ExcelRun } from "./office";

export async function listSheets(run: ExcelRun): Promise<string[]> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name,items/visibility");
    await context.sync();
    return sheets.items.filter((s) => s.visibility === "Visible").map((s) => s.name);
  });
}
