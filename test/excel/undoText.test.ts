/**
 * Undo puts back text that Excel would read as a formula as the text it was: an overwritten cell
 * holding "=1+1" or "+33 6 12 34 56 78" as text comes back as that text, not as a formula (nor as a
 * refused bad formula that fails the whole undo); real formulas and numbers come back as they were.
 */
import * as consolidation from "../../src/core/consolidation";
import type { CellValue } from "../../src/core/types";
import * as sheets from "../../src/core/workbook/teamSheets";
import { createGateway } from "../../src/excel/gateway";
import { createWorkbench } from "../../src/workbench";

const report = consolidation.teamReport(consolidation.consolidateTeam([]), 2026, "2026-06-30", "M");
const emptyView: sheets.TeamSheetView = {
  year: 2026,
  asOf: "2026-06-30",
  reps: [],
  team: report.team,
  managers: [],
};

it("undo restores text beginning with = + - @ ' as text, formulas as formulas", async () => {
  const wb = createWorkbench();
  const gateway = createGateway(wb.run);
  await wb.run(async (context) => {
    const ws = context.workbook.worksheets.add("Team");
    ws.getRange("A1:F1").values = [
      ["'=1+1", "'+33 6 12 34 56 78", "'-not a number", "'@home", "''quoted", 7],
    ];
    ws.getRange("G1").formulas = [["=2*3"]];
    await context.sync();
  });
  await gateway.writeManagerSheet(sheets.teamSheet(emptyView, "en"));
  expect(await gateway.undoLastWrite()).toBe(true);
  const [values, formulas] = await wb.run(async (context) => {
    const range = context.workbook.worksheets.getItem("Team").getRange("A1:G1").load("values,formulas");
    await context.sync();
    return [range.values as CellValue[][], range.formulas as unknown[][]];
  });
  expect(values[0]).toEqual(["=1+1", "+33 6 12 34 56 78", "-not a number", "@home", "'quoted", 7, 6]);
  expect(formulas[0]?.[6]).toBe("=2*3");
});
