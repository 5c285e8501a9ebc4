import fc from "fast-check";
import { createWorkbench } from "../../../src/workbench";
import { cellLook, conditionalLook } from "../../../src/workbench/view/cellView";
import { ROW_HEIGHT, escapeHtml, visibleRows } from "../../../src/workbench/view/gridView";
import type { ConditionalFormatModel } from "../../../src/workbench/model/types";

const cf = (type: string, priority: number, settings: Record<string, unknown>): ConditionalFormatModel => ({
  id: `cf${priority}`,
  type,
  priority,
  stopIfTrue: false,
  rect: { r0: 0, c0: 0, r1: 9, c1: 0 },
  settings,
});

describe("cell looks", () => {
  it("applies the highest-priority conditional format whose simple rule matches", () => {
    const formats = [
      cf("CellValue", 1, {
        cellValue: {
          rule: { formula1: "=0", operator: "GreaterThan" },
          format: { fill: { color: "#00FF00" } },
        },
      }),
      cf("CellValue", 0, {
        cellValue: {
          rule: { formula1: "=100", operator: "GreaterThan" },
          format: { fill: { color: "#FF0000" } },
        },
      }),
      cf("ContainsText", 2, {
        textComparison: {
          rule: { operator: "Contains", text: "retard" },
          format: { font: { color: "#C62828" } },
        },
      }),
    ];
    expect(conditionalLook(formats, 150)).toEqual({ fill: { color: "#FF0000" } });
    expect(conditionalLook(formats, 50)).toEqual({ fill: { color: "#00FF00" } });
    expect(conditionalLook(formats, "En retard")).toEqual({ font: { color: "#C62828" } });
    expect(conditionalLook(formats, -1)).toBeNull();
  });

  it("draws table headers, number alignment, fills and list markers", async () => {
    const wb = createWorkbench({
      sheets: [
        {
          name: "S",
          values: [
            ["Code", "CA"],
            ["C1", 1200],
          ],
          tables: [{ address: "A1:B2" }],
        },
      ],
    });
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      sheet.getRange("B2").numberFormat = [["#,##0 €"]];
      sheet.getRange("A2").format.fill.color = "#FFEB3B";
      sheet.getRange("A2").dataValidation.rule = { list: { inCellDropDown: true, source: "a,b" } };
      await context.sync();
    });
    const sheet = wb.model.sheets[0];
    const header = cellLook(sheet, wb.model.tables, 0, 0);
    const amount = cellLook(sheet, wb.model.tables, 1, 1);
    const code = cellLook(sheet, wb.model.tables, 1, 0);
    expect([header.bold, header.color]).toEqual([true, "#FFFFFF"]);
    expect([amount.text, amount.align]).toEqual(["1,200 €", "right"]);
    expect([code.background, code.hasList]).toEqual(["#FFEB3B", true]);
  });
});

describe("grid window", () => {
  it("draws the rows in view plus a buffer, never outside the sheet", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300_000 }),
        fc.integer({ min: 100, max: 2000 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 10, max: 12_000 }),
        (scroll, height, frozen, total) => {
          const w = visibleRows(scroll, height, frozen, total);
          const firstInView = frozen + Math.floor(scroll / ROW_HEIGHT);
          const drawn = w.last - w.first + 1;
          const covers =
            firstInView >= total || (w.first <= firstInView && w.last >= Math.min(total - 1, firstInView));
          return (
            w.first >= frozen && w.last <= total - 1 && drawn <= Math.ceil(height / ROW_HEIGHT) + 22 && covers
          );
        },
      ),
    );
  });

  it("escapes cell text", () => {
    expect(escapeHtml(`<b>"Dupont" & fils</b>`)).toBe("&#60;b&#62;&#34;Dupont&#34; &#38; fils&#60;/b&#62;");
  });
});
