/**
 * Conformance: requirement sets. Each emulated member's set is the one Microsoft's declarations give
 * (@types/office-js "[Api set: …]"), and a member of a set the platform lacks fails its batch with
 * ApiNotFound, on Microsoft 365 for Windows by default.
 * Sources:
 * - https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets
 * - TableRowCollection.deleteRowsAt [ExcelApiOnline 1.1]:
 *   https://learn.microsoft.com/javascript/api/excel/excel.tablerowcollection
 */
import { createWorkbench, isSetSupported } from "../../src/workbench";
import type { Platform } from "../../src/workbench";
import { EMULATED_CLASSES } from "../../src/workbench/api/emulated";
import { API_SETS } from "../../src/workbench/api/requirementSets";
import { officeApiSets } from "../support/officeApiSets";
import { rejectedCode } from "./helpers";

/** Every member a workbench proxy class defines (its own prototypes, up to ClientObject). */
function definedMembers(proto: object): string[] {
  const out = new Set<string>();
  for (let p: object | null = proto; p !== null; p = Object.getPrototypeOf(p) as object | null) {
    if (p.constructor.name === "ClientObject") break;
    for (const name of Object.getOwnPropertyNames(p)) if (name !== "constructor") out.add(name);
  }
  return [...out];
}

function tableWorkbench(platform?: Platform) {
  return createWorkbench({
    ...(platform === undefined ? {} : { platform }),
    sheets: [
      {
        name: "Contacts",
        values: [
          ["Date", "Client"],
          [1, "a"],
          [2, "b"],
          [3, "c"],
          [4, "d"],
        ],
        tables: [{ name: "Contacts", address: "A1:B5" }],
      },
    ],
  });
}

describe("requirement sets", () => {
  it("records, for every emulated member Excel declares, the set Microsoft's declarations give", () => {
    const office = officeApiSets();
    const expected: Record<string, string> = {};
    for (const [name, cls] of Object.entries(EMULATED_CLASSES)) {
      for (const member of definedMembers(cls.prototype)) {
        const set = office.get(`${name}.${member}`);
        if (set !== undefined) expected[`${name}.${member}`] = set;
      }
    }
    expect(Object.keys(expected).length).toBeGreaterThan(150);
    expect(API_SETS).toEqual(expected);
    expect(API_SETS["TableRowCollection.deleteRowsAt"]).toBe("ExcelApiOnline 1.1");
    expect(API_SETS["Range.getResizedRange"]).toBe("ExcelApi 1.2");
  });

  it("knows which platform has which set (versions compare as numbers: 1.10 is after 1.9)", () => {
    expect(isSetSupported("windows", "ExcelApi 1.20")).toBe(true);
    expect(isSetSupported("windows", "ExcelApi 1.21")).toBe(false);
    expect(isSetSupported("windows", "ExcelApiOnline 1.1")).toBe(false);
    expect(isSetSupported("mac", "ExcelApiOnline 1.1")).toBe(false);
    expect(isSetSupported("web", "ExcelApiOnline 1.1")).toBe(true);
    expect(isSetSupported("office2021", "ExcelApi 1.14")).toBe(true);
    expect(isSetSupported("office2021", "ExcelApi 1.15")).toBe(false);
    expect(isSetSupported("office2021", "ExcelApi 1.9")).toBe(true);
    expect(isSetSupported("office2016", "ExcelApi 1.1")).toBe(true);
    expect(isSetSupported("office2016", "ExcelApi 1.2")).toBe(false);
  });

  it("refuses TableRowCollection.deleteRowsAt on Windows (the default) and Mac, applying nothing after it", async () => {
    for (const platform of [undefined, "mac"] as const) {
      const wb = tableWorkbench(platform);
      const code = await rejectedCode(
        wb.run(async (context) => {
          const sheet = context.workbook.worksheets.getItem("Contacts");
          sheet.getRange("D1").values = [["before"]];
          context.workbook.tables.getItem("Contacts").rows.deleteRowsAt(1, 2);
          sheet.getRange("D2").values = [["after"]];
          await context.sync();
        }),
      );
      expect(code).toBe("ApiNotFound");
      const cells = wb.sheet("Contacts").values;
      expect(cells.length).toBe(5);
      expect(cells[0]?.[3]).toBe("before");
      expect(cells[1]?.[3] ?? "").toBe("");
    }
  });

  it("runs TableRowCollection.deleteRowsAt on the web, and the rows' range delete everywhere", async () => {
    const web = tableWorkbench("web");
    await web.run(async (context) => {
      context.workbook.tables.getItem("Contacts").rows.deleteRowsAt(1, 2);
      await context.sync();
    });
    expect(web.sheet("Contacts").values).toEqual([
      ["Date", "Client"],
      [1, "a"],
      [4, "d"],
    ]);
    for (const platform of ["windows", "mac", "web", "office2021"] as const) {
      const wb = tableWorkbench(platform);
      await wb.run(async (context) => {
        const table = context.workbook.tables.getItem("Contacts");
        table.getDataBodyRange().getRow(1).getResizedRange(1, 0).delete("Up");
        await context.sync();
      });
      expect(wb.snapshot().tables[0]?.address).toBe("A1:B3");
      expect(wb.sheet("Contacts").values).toEqual([
        ["Date", "Client"],
        [1, "a"],
        [4, "d"],
      ]);
    }
  });

  it("refuses a navigation method, a property set and a property load the platform lacks", async () => {
    const wb = tableWorkbench("office2016");
    const resized = await rejectedCode(
      wb.run(async (context) => {
        context.workbook.worksheets.getItem("Contacts").getRange("A1").getResizedRange(1, 1).load("address");
        await context.sync();
      }),
    );
    expect(resized).toBe("ApiNotFound");
    const tab = await rejectedCode(
      wb.run(async (context) => {
        context.workbook.worksheets.getItem("Contacts").tabColor = "#FF0000";
        await context.sync();
      }),
    );
    expect(tab).toBe("ApiNotFound");
    const loaded = await rejectedCode(
      wb.run(async (context) => {
        context.workbook.worksheets.getItem("Contacts").load("name,protection/protected");
        await context.sync();
      }),
    );
    expect(loaded).toBe("ApiNotFound");
    // What Excel 2016 has still works there, an empty load() included.
    const name = await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Contacts").load();
      await context.sync();
      return sheet.name;
    });
    expect(name).toBe("Contacts");
  });
});
