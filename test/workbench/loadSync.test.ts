/**
 * Conformance: load/sync and proxy semantics.
 * Source: https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model
 * ("load() queues a read; values are available after context.sync()"; "*OrNullObject methods").
 */
import { clientsWorkbench as seeded, rejectedCode, thrownCode } from "./helpers";

describe("load and sync", () => {
  it("throws PropertyNotLoaded when reading a property that was not loaded", async () => {
    const wb = seeded();
    await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Clients").getRange("A1:C3");
      expect(thrownCode(() => range.values)).toBe("PropertyNotLoaded");
      range.load("address");
      await context.sync();
      expect(range.address).toBe("Clients!A1:C3");
      expect(thrownCode(() => range.values)).toBe("PropertyNotLoaded");
    });
  });

  it("throws PropertyNotLoaded when reading a loaded property before sync", async () => {
    const wb = seeded();
    await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Clients").getRange("A2").load("values");
      expect(thrownCode(() => range.values)).toBe("PropertyNotLoaded");
      await context.sync();
      expect(range.values).toEqual([["C001"]]);
    });
  });

  it("applies property sets only at sync", async () => {
    const wb = seeded();
    await wb.run(async (context) => {
      const cell = context.workbook.worksheets.getItem("Clients").getRange("B2");
      cell.values = [["Boulangerie Martin & Fils"]];
      expect(wb.sheet("Clients").values[1]?.[1]).toBe("Boulangerie Martin");
      await context.sync();
      expect(wb.sheet("Clients").values[1]?.[1]).toBe("Boulangerie Martin & Fils");
    });
  });

  it("keeps loaded values until the next sync that reloads them", async () => {
    const wb = seeded();
    await wb.run(async (context) => {
      const cell = context.workbook.worksheets.getItem("Clients").getRange("C2").load("values");
      await context.sync();
      cell.values = [[5]];
      expect(cell.values).toEqual([[1200]]);
      await context.sync();
      expect(cell.values).toEqual([[1200]]);
      cell.load("values");
      await context.sync();
      expect(cell.values).toEqual([[5]]);
    });
  });

  it("runs queued operations in order within one sync", async () => {
    const wb = seeded();
    await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Clients").getRange("C3");
      range.values = [[7]];
      range.load("values");
      range.values = [[8]];
      await context.sync();
      expect(range.values).toEqual([[7]]);
      expect(wb.sheet("Clients").values[2]?.[2]).toBe(8);
    });
  });

  it("accepts every load form: string list, array, {select}, and object notation", async () => {
    const wb = seeded();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Clients");
      const a = sheet.getRange("A1:B1").load("values, address");
      const b = sheet.getRange("A1:B1").load(["rowCount", "columnCount"]);
      const c = sheet.getRange("A1:B1").load({ select: "rowIndex" });
      const d = sheet.getRange("A1:B1").load({ columnIndex: true, format: { fill: { color: true } } });
      await context.sync();
      expect([a.address, b.rowCount, b.columnCount, c.rowIndex, d.columnIndex]).toEqual([
        "Clients!A1:B1",
        1,
        2,
        0,
        0,
      ]);
      expect(d.format.fill.color).toBeNull();
    });
  });

  it("loads collection items with items/name or with name", async () => {
    const wb = seeded();
    await wb.run(async (context) => {
      context.workbook.worksheets.add("Contacts export");
      const sheets = context.workbook.worksheets.load("items/name");
      const again = context.workbook.worksheets.load("name,visibility");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Clients", "Contacts export"]);
      expect(again.items.map((s) => s.visibility)).toEqual(["Visible", "Visible"]);
    });
  });

  it("counts round trips: one per sync with work, plus Excel.run's closing sync only when work is pending", async () => {
    const wb = seeded();
    wb.stats.reset();
    await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Clients").getRange("A1:C3").load("values");
      await context.sync();
      const values = range.values;
      range.values = values;
    });
    expect(wb.stats.syncs).toBe(2);
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Clients").load("name");
      await context.sync();
    });
    expect(wb.stats.syncs).toBe(3);
    expect(wb.stats.requests).toBeGreaterThan(0);
  });

  it("refuses proxies used after Excel.run returned", async () => {
    const wb = seeded();
    const range = await wb.run(async (context) =>
      Promise.resolve(context.workbook.worksheets.getItem("Clients").getRange("A1")),
    );
    expect(thrownCode(() => range.load("values"))).toBe("InvalidObjectPath");
  });

  it("getItem of a missing sheet fails the sync with ItemNotFound", async () => {
    const wb = seeded();
    const run = wb.run(async (context) => {
      context.workbook.worksheets.getItem("Nope");
      await context.sync();
    });
    expect(await rejectedCode(run)).toBe("ItemNotFound");
    const error = (await run.catch((e: unknown) => e)) as { debugInfo: { code: string }; message: string };
    expect(error.debugInfo.code).toBe("ItemNotFound");
    expect(error.message).toMatch(/doesn't exist/);
  });

  it("getItemOrNullObject returns an object whose isNullObject is true after sync", async () => {
    const wb = seeded();
    await wb.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("clients");
      expect(thrownCode(() => missing.isNullObject)).toBe("PropertyNotLoaded");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  it("operations on a null object are ignored", async () => {
    const wb = seeded();
    await wb.run(async (context) => {
      const missing = context.workbook.tables.getItemOrNullObject("Clients");
      missing.getRange().values = [["x"]];
      missing.name = "Other";
      await context.sync();
      expect(missing.isNullObject).toBe(true);
    });
    expect(wb.snapshot().tables).toEqual([]);
  });
});
