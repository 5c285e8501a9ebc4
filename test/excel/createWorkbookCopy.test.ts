import { createWorkbench } from "../../src/workbench";
import type { Workbench } from "../../src/workbench";
import { createGateway } from "../../src/excel/gateway";
import * as schema from "../../src/core/workbook/schema";
import { planFor, repCopy, repPortfolio } from "./fixtures";
import { gatewayErrorText } from "../../src/excel/errors";
import type { GatewayError } from "../../src/excel/gateway.types";

const WIDTH = schema.table("Clients").columns.length;

/** The rep's sheet "Portefeuille" (repPortfolio: Code, Raison sociale, CP, CA N-1, CA N, Potentiel, Mon commentaire). */
function repBench(n: number): Workbench {
  return createWorkbench({ sheets: [{ name: "Portefeuille", values: repPortfolio(n) }] });
}

describe("createPlanWorkbook with the rep's portfolio", () => {
  it("copies it into the Clients table (base columns, then the rep's own at the right) in 2 round trips", async () => {
    const wb = repBench(12);
    const own = wb.sheet("Portefeuille").values.map((r) => [...r]);
    const gateway = createGateway(wb.run);
    wb.stats.reset();
    await gateway.createPlanWorkbook({ lang: "en", portfolio: repCopy(12) });
    expect(wb.stats.syncs).toBe(2);
    expect(wb.suspendedCalculations).toBe(1);

    const clients = wb.snapshot().tables.find((t) => t.name === "Clients");
    expect(clients).toMatchObject({ sheet: "Clients", address: `A1:${schema.columnLetters(WIDTH)}13` });
    expect(clients?.columns[WIDTH]).toBe("Mon commentaire");
    const values = wb.sheet("Clients").values;
    expect(values[1]?.slice(0, 7)).toEqual(["C00001", "Client 1", "67000", "", 1001, 1000, 5001]);
    expect(values[12]?.slice(0, 7)).toEqual(["C00012", "Client 12", "67000", "", 1012, 1400, 5012]);
    expect(values[12]?.[WIDTH]).toBe("note 12");
    // Cadence's columns are left blank for the plan; the rep's own sheet is untouched.
    expect(values.slice(1).every((r) => r.slice(7, WIDTH).every((v) => v === ""))).toBe(true);
    expect(wb.sheet("Portefeuille").values).toEqual(own);

    // The copy is a plan workbook: read, plan written into its own columns, contacts imported, refreshed.
    const read = await gateway.readSource("clients");
    expect(read.grid).toHaveLength(13);
    expect(read.cadenceColumns.segment).toBe(7);
    const receipt = await gateway.writePlan({ location: read.location, idColumn: 0 }, planFor(read.grid));
    expect(receipt).toMatchObject({ rowsWritten: 12, columnsAdded: [] });
    const imported = await gateway.importContacts({ csv: "Date,Client,Channel\n2026-03-02,C00003,visit\n" });
    expect(imported).toMatchObject({ appended: 1, unmatched: 0 });
    expect((await gateway.refresh("2026-06-30")).clients).toBe(12);
    expect(wb.sheet("Clients").values[12]?.[WIDTH]).toBe("note 12");
  });

  it("splits a large portfolio under the request budget: 1 check + one round trip per batch", async () => {
    const wb = repBench(400);
    const gateway = createGateway(wb.run, { budgetBytes: 8_000 });
    wb.stats.reset();
    await gateway.createPlanWorkbook({ lang: "fr", portfolio: repCopy(400) });
    expect(wb.stats.syncs).toBeGreaterThan(3);
    const values = wb.sheet("Clients").values;
    expect(values).toHaveLength(401);
    expect(values.slice(1).map((r) => r[0])).toEqual(
      repPortfolio(400)
        .slice(1)
        .map((r) => r[0]),
    );
    expect(values[400]?.[WIDTH]).toBe("note 400");
    expect((await gateway.readSource("clients")).grid).toHaveLength(401);
  });

  it("gives a rep's column named like one of Cadence's a distinct header (table headers are unique)", async () => {
    const wb = repBench(2);
    await createGateway(wb.run).createPlanWorkbook({ lang: "fr", portfolio: repCopy(2, "Segment") });
    const clients = wb.snapshot().tables.find((t) => t.name === "Clients");
    expect(clients?.columns.filter((c) => c === "Segment")).toHaveLength(1);
    expect(clients?.columns[WIDTH]).toBe("Segment (2)");
  });

  it("refuses when a sheet already bears one of Cadence's sheet names, changing nothing", async () => {
    const wb = createWorkbench({ sheets: [{ name: "Clients", values: repPortfolio(3) }] });
    const before = JSON.stringify(wb.snapshot());
    const error = await createGateway(wb.run)
      .createPlanWorkbook({ lang: "fr", portfolio: repCopy(3) })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "alreadyExists" });
    expect(gatewayErrorText(error as GatewayError, "fr")).toContain("Clients");
    expect(JSON.stringify(wb.snapshot())).toBe(before);
  });
});
