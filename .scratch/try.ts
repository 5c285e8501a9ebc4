import ExcelJS from "exceljs";
import { writePlanTemplate } from "../src/cli/xlsx/template";
import { readPlanWorkbook } from "../src/cli/xlsx/readPlan";
(async () => {
  await writePlanTemplate("/tmp/t1.xlsx", "fr", 2026);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile("/tmp/t1.xlsx");
  const ws = wb.getWorksheet("Clients")!;
  const t = ws.getTable("Clients") as any;
  console.log(Object.keys(t), t.table?.ref, t.model?.ref);
  for (let r = 2; r <= 4; r++) { ws.getCell(r, 1).value = "C" + r; ws.getCell(r, 2).value = "N" + r; }
  t.table.ref = "A1:X4"; 
  await wb.xlsx.writeFile("/tmp/t2.xlsx");
  const back = await readPlanWorkbook("/tmp/t2.xlsx");
  console.log(back.tables.Clients.grid.length, back.tables.Clients.columnIds.slice(-3));
  const wb2 = new ExcelJS.Workbook(); await wb2.xlsx.readFile("/tmp/t2.xlsx");
  console.log((wb2.getWorksheet("Clients")!.getTable("Clients") as any).table.ref);
})();
