/**
 * Conformance: ranges, formats, validation, conditional formats, names, charts, sheets.
 * Sources:
 * - Range.values / formulas / numberFormat / text, and "null leaves a cell unchanged" when setting:
 *   https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values
 * - Range.format reads return null when cells differ: https://learn.microsoft.com/javascript/api/excel/excel.rangefill
 * - Used range ("A1 when the worksheet is blank"): https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getusedrange-member(1)
 * - Data validation: https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-data-validation
 * - Conditional formats: https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-conditional-formatting
 * - Named items: https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection
 * - Range.columnHidden (true all hidden, false none, null a mix; ExcelApi 1.2):
 *   https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-columnhidden
 * - Worksheet visibility (at least one visible sheet): https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-visibility-member
 */
import { createWorkbench } from "../../src/workbench";
import { clientsWorkbench, rejectedCode } from "./helpers";

describe("values and formulas", () => {
  it("turns numeric text into numbers unless the cell is formatted as Text", async () => {
    const wb = createWorkbench();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("A1:C1").values = [["01000", "12.5", "TRUE"]];
      sheet.getRange("A2").numberFormat = [["@"]];
      sheet.getRange("A2").values = [["01000"]];
      const read = sheet.getRange("A1:C2").load("values,valueTypes");
      await context.sync();
      expect(read.values).toEqual([
        [1000, 12.5, true],
        ["01000", "", ""],
      ]);
      expect(read.valueTypes[0]).toEqual(["Double", "Double", "Boolean"]);
    });
  });

  it("turns ISO dates into date serials with a date format", async () => {
    const wb = createWorkbench();
    await wb.run(async (context) => {
      const cell = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
      cell.values = [["2026-03-02"]];
      cell.load("values,text,numberFormat");
      await context.sync();
      expect(cell.values).toEqual([[46083]]);
      expect(cell.text).toEqual([["2026-03-02"]]);
    });
  });

  it("stores formulas written through values or formulas, and leaves cells unchanged for null", async () => {
    const wb = createWorkbench();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("A1:C1").values = [[1, 2, "keep"]];
      sheet.getRange("A1:C1").formulas = [["=1+1", null, '="x"']];
      const read = sheet.getRange("A1:C1").load("formulas,values");
      await context.sync();
      expect(read.formulas).toEqual([["=1+1", 2, '="x"']]);
      expect(read.values[0]?.[2]).toBe("x");
    });
  });

  it("formats text with the cell's number format", async () => {
    const wb = createWorkbench();
    await wb.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1:D1");
      range.values = [[1234.5, 0.256, 1234567, 3]];
      range.numberFormat = [["0.00", "0%", "#,##0", "General"]];
      range.load("text");
      await context.sync();
      expect(range.text).toEqual([["1234.50", "26%", "1,234,567", "3"]]);
    });
  });

  it("navigates with getCell, getOffsetRange, getResizedRange, getRow, getColumn and getUsedRange", async () => {
    const wb = clientsWorkbench();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Clients");
      const used = sheet.getUsedRange();
      const parts = [
        used.load("address"),
        used.getCell(1, 1).load("address"),
        used.getOffsetRange(1, 0).load("address"),
        used.getResizedRange(2, -1).load("address"),
        used.getRow(2).load("address"),
        used.getColumn(2).load("values"),
        used.getLastRow().load("address"),
      ];
      await context.sync();
      expect(parts.slice(0, 5).map((p) => p.address)).toEqual([
        "Clients!A1:C3",
        "Clients!B2",
        "Clients!A2:C4",
        "Clients!A1:B5",
        "Clients!A3:C3",
      ]);
      expect(parts[5]?.values).toEqual([["CA N"], [1200], [0]]);
      expect(parts[6]?.address).toBe("Clients!A3:C3");
    });
  });

  it("reports A1 as the used range of an empty sheet, or a null object with getUsedRangeOrNullObject", async () => {
    const wb = createWorkbench();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const used = sheet.getUsedRange().load("address");
      const none = sheet.getUsedRangeOrNullObject(true);
      await context.sync();
      expect(used.address).toBe("Sheet1!A1");
      expect(none.isNullObject).toBe(true);
    });
  });

  it("clears contents, formats or both", async () => {
    const wb = clientsWorkbench();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Clients");
      sheet.getRange("A1:C1").format.font.bold = true;
      sheet.getRange("A1:C1").clear("Contents");
      const header = sheet.getRange("A1:C1");
      header.load("values");
      header.format.font.load("bold");
      await context.sync();
      expect(header.values).toEqual([["", "", ""]]);
      expect(header.format.font.bold).toBe(true);
    });
  });
});

describe("formats", () => {
  it("reads a shared format, and null when cells differ", async () => {
    const wb = clientsWorkbench();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Clients");
      sheet.getRange("A1:C1").format.fill.color = "#1565c0";
      sheet.getRange("A2").format.fill.color = "red";
      const header = sheet.getRange("A1:C1").format.fill.load("color");
      const column = sheet.getRange("A1:A2").format.fill.load("color");
      await context.sync();
      expect(header.color).toBe("#1565C0");
      expect(column.color).toBeNull();
    });
  });

  it("sets column widths, autofits and freezes header rows", async () => {
    const wb = clientsWorkbench();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Clients");
      sheet.getRange("A:A").format.columnWidth = 80;
      sheet.getRange("B:B").format.autofitColumns();
      sheet.freezePanes.freezeRows(1);
      const width = sheet.getRange("A1").format.load("columnWidth");
      await context.sync();
      expect(width.columnWidth).toBe(80);
    });
    const snapshot = wb.sheet("Clients");
    expect(snapshot.frozenRows).toBe(1);
    expect(snapshot.columnWidths.B).toBeGreaterThan(80);
  });

  it("hides and shows whole columns through Range.columnHidden: true, false, or null for a mix", async () => {
    const wb = clientsWorkbench();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Clients");
      // Any range hides its entire columns: a cell of C hides C.
      sheet.getRange("C2").columnHidden = true;
      const c = sheet.getRange("C:C").load("columnHidden");
      const bc = sheet.getRange("B1:C4").load("columnHidden");
      const b = sheet.getRange("B:B").load("columnHidden");
      await context.sync();
      expect(c.columnHidden).toBe(true);
      expect(bc.columnHidden).toBeNull();
      expect(b.columnHidden).toBe(false);
      // Loaded values are the sync's: reading before a load throws.
      expect(() => sheet.getRange("D:D").columnHidden).toThrow();
    });
    expect(wb.sheet("Clients").hiddenColumns).toEqual(["C"]);
    // The values of a hidden column are still there to read.
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Clients");
      sheet.getRange("B:C").columnHidden = true;
      await context.sync();
      sheet.getRange("C:C").columnHidden = false;
      const cells = sheet.getRange("C1").load("values");
      await context.sync();
      expect(cells.values[0]?.[0]).not.toBe("");
    });
    expect(wb.sheet("Clients").hiddenColumns).toEqual(["B"]);
  });

  it("refuses to hide columns of a protected sheet", async () => {
    const wb = createWorkbench({ sheets: [{ name: "Locked", values: [["a"]], protected: true }] });
    const code = await rejectedCode(
      wb.run(async (context) => {
        context.workbook.worksheets.getItem("Locked").getRange("A:A").columnHidden = true;
        await context.sync();
      }),
    );
    expect(code).toBe("AccessDenied");
    expect(wb.sheet("Locked").hiddenColumns).toEqual([]);
  });

  it("refuses a 2-D input whose shape differs from the range", async () => {
    const wb = createWorkbench();
    const code = await rejectedCode(
      wb.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange("A1:B2").numberFormat = [["@"]];
        await context.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
  });

  it("applies whole-column number formats to cells written later", async () => {
    const wb = createWorkbench();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      // A single value (not a 2-D array) applies to every cell of the range.
      sheet.getRange("B:B").numberFormat = "@" as unknown as string[][];
      sheet.getRange("B5").values = [["01000"]];
      const cell = sheet.getRange("B5").load("values,numberFormat");
      await context.sync();
      expect(cell.values).toEqual([["01000"]]);
      expect(cell.numberFormat).toEqual([["@"]]);
    });
  });
});

describe("data validation and conditional formats", () => {
  it("stores a list rule, reads it back, and clears it", async () => {
    const wb = clientsWorkbench();
    await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Clients").getRange("D2:D3");
      range.dataValidation.rule = {
        list: { inCellDropDown: true, source: "Fidéliser,Développer,Conquérir" },
      };
      const dv = range.dataValidation.load("type,rule");
      await context.sync();
      expect(dv.type).toBe("List");
      expect(dv.rule.list?.source).toBe("Fidéliser,Développer,Conquérir");
      range.dataValidation.clear();
      dv.load("type");
      await context.sync();
      expect(dv.type).toBe("None");
    });
  });

  it("records conditional formats with their rule and format", async () => {
    const wb = clientsWorkbench();
    await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Clients").getRange("C2:C3");
      const cf = range.conditionalFormats.add("CellValue");
      cf.cellValue.format.fill.color = "#C62828";
      cf.cellValue.rule = { formula1: "=0", operator: "EqualTo" };
      const custom = range.conditionalFormats.add("Custom");
      custom.custom.rule.formula = "=$C2>1000";
      custom.custom.format.font.bold = true;
      const count = range.conditionalFormats.getCount();
      await context.sync();
      expect(count.value).toBe(2);
    });
    const cfs = wb.sheet("Clients").conditionalFormats;
    expect(cfs.map((c) => [c.address, c.type, c.priority])).toEqual([
      ["C2:C3", "CellValue", 1],
      ["C2:C3", "Custom", 0],
    ]);
    expect(cfs[0]?.settings).toEqual({
      cellValue: { format: { fill: { color: "#C62828" } }, rule: { formula1: "=0", operator: "EqualTo" } },
    });
  });
});

describe("names, charts, sheets, application", () => {
  it("adds named ranges and constants, reads them and their ranges", async () => {
    const wb = createWorkbench({ sheets: [{ name: "Réglages", values: [["Jours", 210]] }] });
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Réglages");
      context.workbook.names.add("JoursTerrain", sheet.getRange("B1"));
      context.workbook.names.add("Annee", "=2026");
      const named = context.workbook.names.getItem("joursterrain").load("formula,type");
      const value = context.workbook.names.getItem("JoursTerrain").getRange().load("values");
      const missing = context.workbook.names.getItemOrNullObject("Nope");
      await context.sync();
      expect([named.formula, named.type]).toEqual(["='Réglages'!$B$1", "Range"]);
      expect(value.values).toEqual([[210]]);
      expect(missing.isNullObject).toBe(true);
    });
    const code = await rejectedCode(
      wb.run(async (context) => {
        context.workbook.names.add("A1", "=1");
        await context.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
  });

  it("records charts added to a sheet", async () => {
    const wb = clientsWorkbench();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Clients");
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("B1:C3"), "Columns");
      chart.title.text = "CA par client";
      chart.setPosition("E2", "L20");
      const charts = sheet.charts.load("items/name");
      await context.sync();
      expect(charts.items.map((c) => c.name)).toEqual(["Chart 1"]);
    });
    expect(wb.sheet("Clients").charts).toEqual([
      {
        name: "Chart 1",
        type: "ColumnClustered",
        source: "B1:C3",
        seriesBy: "Columns",
        title: "CA par client",
        topLeft: "E2",
        bottomRight: "L20",
      },
    ]);
  });

  it("hides sheets (Hidden, VeryHidden) but never the last visible one", async () => {
    const wb = clientsWorkbench();
    await wb.run(async (context) => {
      const schema = context.workbook.worksheets.add("_cadence");
      schema.visibility = "VeryHidden";
      await context.sync();
    });
    expect(wb.snapshot().sheets.map((s) => s.visibility)).toEqual(["Visible", "VeryHidden"]);
    const code = await rejectedCode(
      wb.run(async (context) => {
        context.workbook.worksheets.getItem("Clients").visibility = "Hidden";
        await context.sync();
      }),
    );
    expect(code).toBe("InvalidOperation");
  });

  it("adds, renames, moves, activates and deletes sheets", async () => {
    const wb = clientsWorkbench();
    await wb.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const added = sheets.add();
      added.name = "Tableau de bord";
      added.position = 0;
      added.activate();
      const active = sheets.getActiveWorksheet().load("name,position");
      await context.sync();
      expect([active.name, active.position]).toEqual(["Tableau de bord", 0]);
      sheets.getItem("Tableau de bord").delete();
      const count = sheets.getCount();
      await context.sync();
      expect(count.value).toBe(1);
    });
  });

  it("records calculation suspension and calculation mode", async () => {
    const wb = createWorkbench();
    await wb.run(async (context) => {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      context.workbook.application.calculationMode = "Manual";
      const app = context.workbook.application.load("calculationMode");
      await context.sync();
      expect(app.calculationMode).toBe("Manual");
    });
    expect(wb.suspendedCalculations).toBe(1);
  });

  it("sets the selection with select() and reads it with getSelectedRange()", async () => {
    const wb = clientsWorkbench();
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Clients").getRange("B2:C3").select();
      const selected = context.workbook.getSelectedRange().load("address");
      await context.sync();
      expect(selected.address).toBe("Clients!B2:C3");
    });
  });
});
