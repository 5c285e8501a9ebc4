import * as schema from "../../src/core/workbook/schema";
import { toCsv } from "../../src/excel/csv";
import { lorenzDeciles } from "../../src/core/tracking";
import { planWorkbook } from "./fixtures";

const col = (id: string): number => schema.table("Clients").columns.findIndex((c) => c.id === id);

describe("refresh", () => {
  it("fills actual, pace, status and last contact from Contacts, and the dashboard sources", async () => {
    const { wb, gateway } = await planWorkbook(10);
    await gateway.importContacts({
      csv: toCsv([
        ["Date", "Client", "Canal", "Note"],
        ["2026-02-02", "C00001", "visit", "a"],
        ["2026-03-02", "C00001", "visit", "b"],
        ["2026-04-02", "C00001", "call", "c"],
        ["2026-05-04", "C00002", "visit", "d"],
        ...Array.from({ length: 12 }, (_, i) => [
          `2026-0${(i % 5) + 1}-1${i % 9}`,
          "C00003",
          "visit",
          `e${i}`,
        ]),
      ]),
    });
    wb.stats.reset();
    const result = await gateway.refresh("2026-06-30");
    expect(wb.stats.syncs).toBe(2);
    expect(result.clients).toBe(10);
    expect(result.contacts).toBe(16);
    expect(result.under + result.onTrack + result.over).toBe(10);
    const values = wb.sheet("Clients").values;
    const c1 = values[1];
    expect(c1[col("actual.visit")]).toBe(2);
    expect(c1[col("actual.call")]).toBe(1);
    expect(c1[col("lastContact")]).toBe(46114); // 2026-04-02 as an Excel serial
    expect(c1[col("status")]).toBe("En retard");
    expect(values[3][col("status")]).toBe("En avance");
    expect(values[10][col("pace")]).toBe(0);
    const dashboard = wb.sheet("Tableau de bord").values;
    expect(dashboard[1][0]).toBe("Fidéliser");
    expect(dashboard[1][2]).toBeGreaterThan(0);
    expect(dashboard[11][5]).toBe(1);

    // Undo puts the tracking columns back as they were (blank).
    expect(await gateway.undoLastWrite()).toBe(true);
    expect(wb.sheet("Clients").values[1][col("actual.visit")]).toBe("");
  });

  it.each([10, 10_000])("costs 2 round trips for %d clients", async (n) => {
    const { wb, gateway } = await planWorkbook(n);
    wb.stats.reset();
    const result = await gateway.refresh("2026-06-30");
    expect(result.clients).toBe(n);
    expect(wb.stats.syncs).toBe(2);
  });

  it("samples the Lorenz curve at 11 points", () => {
    expect(lorenzDeciles(null)[5]).toEqual([0.5, 0.5]);
    const d = lorenzDeciles([
      { x: 0, y: 0 },
      { x: 0.5, y: 0.1 },
      { x: 1, y: 1 },
    ]);
    expect(d[5]).toEqual([0.5, 0.1]);
    expect(d[10]).toEqual([1, 1]);
    expect(d[2][1]).toBeCloseTo(0.04, 3);
  });
});

describe("actions and selection", () => {
  it("writes actions into the Actions table and reads them back", async () => {
    const { wb, gateway } = await planWorkbook(3, "en");
    expect(await gateway.readActions()).toEqual([]);
    await gateway.writeAction({
      clientId: "C00001",
      action: "Call back",
      owner: "Rep",
      due: "2026-07-01",
      status: "open",
    });
    await gateway.writeAction({ clientId: "C00002", action: "Visit", owner: "Rep", due: "", status: "done" });
    expect(await gateway.readActions()).toEqual([
      { clientId: "C00001", action: "Call back", owner: "Rep", due: "2026-07-01", status: "open" },
      { clientId: "C00002", action: "Visit", owner: "Rep", due: "", status: "done" },
    ]);
    expect(wb.sheet("Actions").values[2][4]).toBe("Done");
    wb.stats.reset();
    await gateway.readActions();
    expect(wb.stats.syncs).toBe(1);
  });

  it("selects a cell a row issue points to", async () => {
    const { wb, gateway } = await planWorkbook(3);
    await gateway.selectCell("Clients", "C3");
    expect(wb.snapshot().selection).toBe("Clients!C3");
    await expect(gateway.selectCell("Nope", "A1")).rejects.toMatchObject({ code: "tableMissing" });
  });
});
