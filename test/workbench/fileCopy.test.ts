/**
 * A copy of the workbook (as a file copied to another machine): the same sheets, cells, formats,
 * tables, names and hidden sheets; the copy and the original then live apart.
 */
import { createGateway } from "../../src/excel/gateway";
import * as schema from "../../src/core/workbook/schema";
import { createWorkbench } from "../../src/workbench";

describe("a copy of the workbook", () => {
  it("opens as the same workbook, hidden sheets, hidden columns and sparse rows included, then lives apart", async () => {
    const original = createWorkbench();
    await createGateway(original.run).createPlanWorkbook({ lang: "fr", year: 2026 });
    original.edit("Clients", "A3", "C2"); // row 2 left blank: a sparse row
    await original.run(async (context) => {
      context.workbook.worksheets.getItem("Clients").getRange("B:B").columnHidden = true;
      await context.sync();
    });
    const copy = createWorkbench();
    copy.open(original.copy());
    expect(copy.snapshot()).toEqual(original.snapshot());
    expect(copy.sheet(schema.SCHEMA_SHEET).visibility).toBe("Hidden");
    expect(copy.sheet("Clients").hiddenColumns).toContain("B");
    // The copy answers the Excel API as the original does.
    expect(await createGateway(copy.run).readPlanSettings()).toEqual(
      await createGateway(original.run).readPlanSettings(),
    );
    copy.edit("Clients", "A2", "C1");
    expect(copy.sheet("Clients").values[1]?.[0]).toBe("C1");
    expect(original.sheet("Clients").values[1]?.[0]).toBe("");
  });

  it("refuses text that is no workbook copy, leaving the workbook as it was", () => {
    const wb = createWorkbench();
    const before = wb.snapshot();
    expect(() => {
      wb.open('{"sheets":[]}');
    }).toThrow(/Not a workbench workbook copy/);
    expect(() => {
      wb.open("not json");
    }).toThrow();
    expect(wb.snapshot()).toEqual(before);
  });
});
