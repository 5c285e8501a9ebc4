/**
 * A workbench workbook written to an .xlsx file as Excel would save it: every sheet's values at
 * their cells (hidden sheets hidden), and the workbook's names; so the CLI reads the same workbook
 * the add-in wrote.
 */
import ExcelJS from "exceljs";
import { parseAddress } from "../../src/excel/a1";
import type { Workbench } from "../../src/workbench";

export async function saveWorkbench(wb: Workbench, file: string): Promise<void> {
  const snapshot = wb.snapshot();
  const out = new ExcelJS.Workbook();
  for (const sheet of snapshot.sheets) {
    const ws = out.addWorksheet(sheet.name, { state: sheet.visibility === "Visible" ? "visible" : "hidden" });
    sheet.values.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value !== "") ws.getCell(r + 1, c + 1).value = value;
      });
    });
  }
  for (const n of snapshot.names) out.definedNames.add(n.formula.replace(/^=/, ""), n.name);
  await out.xlsx.writeFile(file);
}

/** The value of a workbook name that refers to one cell ("=Paramètres!$B$2"), as the workbench holds it. */
export function nameValue(wb: Workbench, name: string): unknown {
  const formula = wb.snapshot().names.find((n) => n.name === name)?.formula;
  if (formula === undefined) return undefined;
  const at = formula.lastIndexOf("!");
  const sheet = formula.slice(0, at).replace(/^=/, "").replace(/^'|'$/g, "");
  const cell = parseAddress(formula.slice(at + 1).replace(/\$/g, ""));
  return wb.sheet(sheet).values[cell.r0]?.[cell.c0];
}
