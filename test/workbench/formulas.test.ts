/**
 * Conformance: formulas are recalculated before reads (automatic calculation) and not in manual mode.
 * Source: https://learn.microsoft.com/javascript/api/excel/excel.application#excel-excel-application-calculationmode-member
 */
import { createWorkbench } from "../../src/workbench";
import { parseFormula } from "../../src/workbench/model/formula";

describe("formulas", () => {
  it("computes arithmetic, references, ranges and common functions", async () => {
    const wb = createWorkbench({
      sheets: [
        {
          name: "Data",
          values: [
            [10, 20, "x"],
            [5, "", "y"],
          ],
        },
        { name: "Calc" },
      ],
    });
    await wb.run(async (context) => {
      const calc = context.workbook.worksheets.getItem("Calc");
      calc.getRange("A1:A9").formulas = [
        ["=Data!A1+Data!B1*2"],
        ["=SUM(Data!A1:B2)"],
        ["=AVERAGE(Data!A1:A2)"],
        ['=IF(Data!A1>5,"haut","bas")'],
        ["=COUNTA(Data!A1:C2)"],
        ['=COUNTIF(Data!A1:B2,">=10")'],
        ["=1/0"],
        ["=FOO(1)"],
        ['="N° "&Data!C1&" – "&ROUND(2/3,2)'],
      ];
      const read = calc.getRange("A1:A9").load("values,formulas");
      await context.sync();
      expect(read.values.map((r): unknown => r[0])).toEqual([
        50,
        35,
        7.5,
        "haut",
        5,
        2,
        "#DIV/0!",
        "#NAME?",
        "N° x – 0.67",
      ]);
      expect(read.formulas[0]).toEqual(["=Data!A1+Data!B1*2"]);
    });
  });

  it("recalculates dependents when a referenced cell changes, but not in manual mode", async () => {
    const wb = createWorkbench();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("A1:A3").formulas = [[2], ["=A1*10"], ["=A2+1"]];
      sheet.getRange("A1").values = [[3]];
      const after = sheet.getRange("A3").load("values");
      await context.sync();
      expect(after.values).toEqual([[31]]);
      context.workbook.application.calculationMode = "Manual";
      sheet.getRange("A1").values = [[4]];
      after.load("values");
      await context.sync();
      expect(after.values).toEqual([[31]]);
      context.workbook.application.calculate("Full");
      after.load("values");
      await context.sync();
      expect(after.values).toEqual([[41]]);
    });
  });

  it("reads 0 for circular references", async () => {
    const wb = createWorkbench();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("A1:A2").formulas = [["=A2+1"], ["=A1+1"]];
      const read = sheet.getRange("A1:A2").load("values");
      await context.sync();
      expect(read.values.flat().every((v) => typeof v === "number")).toBe(true);
    });
  });

  it("parses operator precedence as Excel does", () => {
    expect(parseFormula("=1+2*3^2")).toEqual({
      kind: "binary",
      op: "+",
      left: { kind: "value", value: 1 },
      right: {
        kind: "binary",
        op: "*",
        left: { kind: "value", value: 2 },
        right: {
          kind: "binary",
          op: "^",
          left: { kind: "value", value: 3 },
          right: { kind: "value", value: 2 },
        },
      },
    });
  });
});
