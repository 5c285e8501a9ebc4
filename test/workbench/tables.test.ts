/**
 * Conformance: tables.
 * Sources:
 * - TableCollection.add(address, hasHeaders), getItem / getItemOrNullObject:
 *   https://learn.microsoft.com/javascript/api/excel/excel.tablecollection
 * - "Tables can't overlap" and table rows / columns:
 *   https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-tables
 */
import { createWorkbench } from "../../src/workbench";
import { clientsWorkbench, rejectedCode } from "./helpers";

describe("tables", () => {
  it("creates a table over existing data and reads its parts", async () => {
    const wb = clientsWorkbench();
    await wb.run(async (context) => {
      const table = context.workbook.worksheets.getItem("Clients").tables.add("A1:C3", true);
      table.name = "Portefeuille";
      const header = table.getHeaderRowRange().load("values");
      const body = table.getDataBodyRange().load("values,address");
      const whole = table.getRange().load("address");
      await context.sync();
      expect(header.values).toEqual([["Code client", "Raison sociale", "CA N"]]);
      expect(body.address).toBe("Clients!A2:C3");
      expect(body.values[1]).toEqual(["C002", "Garage Dupont", 0]);
      expect(whole.address).toBe("Clients!A1:C3");
    });
    expect(wb.snapshot().tables).toEqual([
      {
        name: "Portefeuille",
        sheet: "Clients",
        address: "A1:C3",
        columns: ["Code client", "Raison sociale", "CA N"],
        showTotals: false,
        style: "TableStyleMedium2",
      },
    ]);
  });

  it("refuses overlapping tables with InvalidArgument", async () => {
    const wb = clientsWorkbench();
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Clients").tables.add("A1:C3", true);
      await context.sync();
    });
    const code = await rejectedCode(
      wb.run(async (context) => {
        context.workbook.tables.add("Clients!C3:D5", true);
        await context.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
    expect(wb.snapshot().tables).toHaveLength(1);
  });

  it("makes headers unique and fills blank headers, as Excel does", async () => {
    const wb = createWorkbench({
      sheets: [
        {
          name: "S",
          values: [
            ["Nom", "", "Nom"],
            [1, 2, 3],
          ],
        },
      ],
    });
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("S").tables.add("A1:C2", true);
      await context.sync();
    });
    expect(wb.snapshot().tables[0]?.columns).toEqual(["Nom", "Column2", "Nom2"]);
  });

  it("inserts a header row above data when hasHeaders is false", async () => {
    const wb = createWorkbench({
      sheets: [
        {
          name: "S",
          values: [
            [1, 2],
            [3, 4],
          ],
        },
      ],
    });
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("S").tables.add("A1:B2", false);
      await context.sync();
    });
    expect(wb.sheet("S").values).toEqual([
      ["Column1", "Column2"],
      [1, 2],
      [3, 4],
    ]);
  });

  it("fills the blank row of a header-only table before appending rows", async () => {
    const wb = createWorkbench({ sheets: [{ name: "S" }] });
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      sheet.getRange("A1:B1").values = [["Date", "Client"]];
      const table = sheet.tables.add("A1:B1", true);
      table.rows.add(undefined, [
        ["2026-01-05", "C001"],
        ["2026-01-06", "C002"],
      ]);
      const count = table.rows.getCount();
      await context.sync();
      expect(count.value).toBe(2);
    });
    expect(wb.snapshot().tables[0]?.address).toBe("A1:B3");
  });

  it("appends rows, shifting cells below the table within its columns", async () => {
    const wb = clientsWorkbench();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Clients");
      sheet.getRange("A6:D6").values = [["under A", "under B", "under C", "beside"]];
      const table = sheet.tables.add("A1:C3", true);
      table.rows.add(undefined, [
        ["C003", "Fleurs", 10],
        ["C004", "Pharmacie", 20],
      ]);
      await context.sync();
    });
    const values = wb.sheet("Clients").values;
    expect(values[3]).toEqual(["C003", "Fleurs", 10, ""]);
    expect(values[5]?.[3]).toBe("beside");
    expect(values[7]?.slice(0, 3)).toEqual(["under A", "under B", "under C"]);
  });

  it("refuses rows whose width does not match the table", async () => {
    const wb = clientsWorkbench();
    const code = await rejectedCode(
      wb.run(async (context) => {
        const table = context.workbook.worksheets.getItem("Clients").tables.add("A1:C3", true);
        table.rows.add(undefined, [["too", "short"]]);
        await context.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
  });

  it("finds tables and columns by name, case-insensitively; misses are ItemNotFound or null objects", async () => {
    const wb = createWorkbench({
      sheets: [
        {
          name: "S",
          values: [
            ["Code", "CA N"],
            ["C1", 5],
          ],
          tables: [{ name: "Clients", address: "A1:B2" }],
        },
      ],
    });
    await wb.run(async (context) => {
      const table = context.workbook.tables.getItem("clients");
      const column = table.columns.getItem("ca n").load("name,index,values");
      const missingColumn = table.columns.getItemOrNullObject("Potentiel");
      const missingTable = context.workbook.tables.getItemOrNullObject("Contacts");
      await context.sync();
      expect([column.name, column.index]).toEqual(["CA N", 1]);
      expect(column.values).toEqual([["CA N"], [5]]);
      expect(missingColumn.isNullObject).toBe(true);
      expect(missingTable.isNullObject).toBe(true);
    });
    const code = await rejectedCode(
      wb.run(async (context) => {
        context.workbook.tables.getItem("Contacts");
        await context.sync();
      }),
    );
    expect(code).toBe("ItemNotFound");
  });

  it("adds a column at the right with its header and values", async () => {
    const wb = createWorkbench({
      sheets: [{ name: "S", values: [["Code"], ["C1"], ["C2"]], tables: [{ name: "T", address: "A1:A3" }] }],
    });
    await wb.run(async (context) => {
      const table = context.workbook.tables.getItem("T");
      table.columns.add(undefined, [["Segment"], ["retain"], ["develop"]]);
      const names = table.columns.load("items/name");
      await context.sync();
      expect(names.items.map((c) => c.name)).toEqual(["Code", "Segment"]);
    });
    expect(wb.sheet("S").values).toEqual([
      ["Code", "Segment"],
      ["C1", "retain"],
      ["C2", "develop"],
    ]);
  });

  it("keeps column ids stable when columns are renamed or inserted", async () => {
    const wb = createWorkbench({
      sheets: [
        {
          name: "S",
          values: [
            ["A", "B"],
            [1, 2],
          ],
          tables: [{ name: "T", address: "A1:B2" }],
        },
      ],
    });
    await wb.run(async (context) => {
      const table = context.workbook.tables.getItem("T");
      const b = table.columns.getItem("B").load("id");
      await context.sync();
      const id = b.id;
      table.columns.add(0, [["New"], [0]]);
      b.name = "Bee";
      const again = table.columns.getItem(id).load("name,index");
      await context.sync();
      expect([again.name, again.index]).toEqual(["Bee", 2]);
    });
  });

  it("deletes rows and keeps one blank data row when the last one goes", async () => {
    const wb = clientsWorkbench();
    await wb.run(async (context) => {
      const table = context.workbook.worksheets.getItem("Clients").tables.add("A1:C3", true);
      table.rows.getItemAt(0).delete();
      await context.sync();
      table.rows.getItemAt(0).delete();
      const body = table.getDataBodyRange().load("values");
      await context.sync();
      expect(body.values).toEqual([["", "", ""]]);
    });
  });

  it("rejects a table name already used by another table", async () => {
    const wb = createWorkbench({
      sheets: [
        {
          name: "S",
          values: [["a"], [1], [], ["b"], [2]],
          tables: [
            { name: "One", address: "A1:A2" },
            { name: "Two", address: "A4:A5" },
          ],
        },
      ],
    });
    const code = await rejectedCode(
      wb.run(async (context) => {
        context.workbook.tables.getItem("Two").name = "one";
        await context.sync();
      }),
    );
    expect(code).toBe("ItemAlreadyExists");
  });

  it("resizes a table keeping its header row", async () => {
    const wb = clientsWorkbench();
    await wb.run(async (context) => {
      const table = context.workbook.worksheets.getItem("Clients").tables.add("A1:B3", true);
      table.resize("A1:C5");
      await context.sync();
    });
    expect(wb.snapshot().tables[0]?.address).toBe("A1:C5");
    expect(wb.snapshot().tables[0]?.columns).toEqual(["Code client", "Raison sociale", "CA N"]);
  });
});
