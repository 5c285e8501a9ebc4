import { buildPlanWorkbook } from "../../src/cli/xlsx/template";
import { createGateway } from "../../src/excel/gateway";
import { createWorkbench } from "../../src/workbench";

describe("the file template and the add-in build the same workbook", () => {
  it.each(["fr", "en"] as const)("same sheets, tables, table places and headers (%s)", async (lang) => {
    const wb = createWorkbench();
    await createGateway(wb.run).createPlanWorkbook({ lang });
    const snap = wb.snapshot();
    const file = buildPlanWorkbook(lang);

    const addInSheets = snap.sheets.map((s) => s.name).filter((n) => n !== "Sheet1" && n !== "_cadence_undo");
    expect(file.worksheets.map((w) => w.name).sort()).toEqual(addInSheets.sort());

    const fileTables = file.worksheets.flatMap((ws) =>
      Object.values(
        (
          ws as unknown as {
            tables: Record<
              string,
              { table: { name: string; tableRef: string; columns: { name: string }[] } }
            >;
          }
        ).tables,
      ).map((t) => ({
        name: t.table.name,
        sheet: ws.name,
        columns: t.table.columns.map((c) => c.name),
        start: t.table.tableRef.split(":")[0],
      })),
    );
    const addInTables = snap.tables.map((t) => ({
      name: t.name,
      sheet: t.sheet,
      columns: t.columns,
      start: t.address.split(":")[0],
    }));
    const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name);
    expect(fileTables.sort(byName)).toEqual(addInTables.sort(byName));
    expect(file.getWorksheet("_cadence_schema")!.getRow(2).values).toEqual([
      undefined,
      ...wb.sheet("_cadence_schema").values[1].filter((v) => v !== ""),
    ]);
  });
});
