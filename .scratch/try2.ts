import ExcelJS from "exceljs";
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile("/tmp/t1.xlsx");
  const t = wb.getWorksheet("Clients")!.getTable("Clients") as any;
  console.log(Object.keys(t.table), t.table.tableRef, t.table.autoFilterRef, t.table.rows?.length);
  const wb2 = new ExcelJS.Workbook(); await wb2.xlsx.readFile("/tmp/t2.xlsx");
  const t2 = wb2.getWorksheet("Clients")!.getTable("Clients") as any;
  console.log(t2.table.tableRef, t2.table.autoFilterRef);
})();
