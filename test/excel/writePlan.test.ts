import { createWorkbench } from "../../src/workbench";
import type { Workbench } from "../../src/workbench";
import { createGateway } from "../../src/excel/gateway";
import * as schema from "../../src/core/workbook/schema";
import { planFor, repPortfolio } from "./fixtures";
import { gatewayErrorText } from "../../src/excel/errors";
import type { GatewayError } from "../../src/excel/gateway.types";

function repTableBench(n: number, extra: Partial<Parameters<typeof createWorkbench>[0]> = {}): Workbench {
  return createWorkbench({
    sheets: [
      {
        name: "Portefeuille",
        values: repPortfolio(n),
        tables: [{ name: "MesClients", address: `A1:G${n + 1}` }],
      },
    ],
    ...extra,
  });
}

const syncsOf = async (wb: Workbench, action: () => Promise<unknown>): Promise<number> => {
  wb.stats.reset();
  await action();
  return wb.stats.syncs;
};

describe("adopting a rep's own table", () => {
  it("reads the table and writes Cadence's columns at the right, leaving the rep's columns alone", async () => {
    const wb = repTableBench(20);
    const gateway = createGateway(wb.run);
    const read = await gateway.readSource({ table: "MesClients" });
    expect(read.headers[0]).toBe("Code");
    expect(read.grid).toHaveLength(21);
    expect(read.location).toMatchObject({
      sheet: "Portefeuille",
      table: "MesClients",
      headerRow: 1,
      firstColumn: 0,
    });
    const before = wb.sheet("Portefeuille").values.map((r) => r.slice(0, 7));
    const plan = planFor(read.grid).slice(0, 15);
    const receipt = await gateway.writePlan({ location: read.location, idColumn: 0 }, [
      ...plan,
      { ...plan[0], clientId: "NOPE" },
    ]);
    expect(receipt.rowsWritten).toBe(15);
    expect(receipt.unmatchedClientIds).toEqual(["NOPE"]);
    expect(receipt.columnsAdded).toContain("segment");
    const after = wb.sheet("Portefeuille").values;
    expect(after.map((r) => r.slice(0, 7))).toEqual(before);
    const table = wb.snapshot().tables.find((t) => t.name === "MesClients")!;
    expect(table.columns.slice(7, 9)).toEqual(["Segment", "Norme (éq. visites)"]);
    expect(after[1][7]).toBe("Fidéliser");
    expect(after[1][9]).toBe(10);
    expect(after[16][7]).toBe(""); // not in the plan: left blank
    // A second read knows where Cadence's columns are, whatever their header text says.
    const again = await gateway.readSource({ table: "MesClients" });
    expect(again.cadenceColumns.segment).toBe(7);
    expect(again.cadenceColumns.explanation).toBe(14);
  });

  it("rewrites into the same columns the second time, and undo restores the first write exactly", async () => {
    const wb = repTableBench(10);
    const gateway = createGateway(wb.run);
    const read = await gateway.readSource({ table: "MesClients" });
    await gateway.writePlan({ location: read.location, idColumn: 0 }, planFor(read.grid));
    wb.edit("Portefeuille", "O2", "my own note in a Cadence column");
    const visible = (): string =>
      JSON.stringify(wb.snapshot().sheets.filter((s) => s.name !== schema.UNDO_SHEET));
    const afterFirst = visible();
    const second = planFor(read.grid).map((p) => ({ ...p, segment: "prospect", weightedPlanned: 99 }));
    const receipt = await gateway.writePlan({ location: read.location, idColumn: 0 }, second);
    expect(receipt.columnsAdded).toEqual([]);
    expect(wb.snapshot().tables.find((t) => t.name === "MesClients")!.columns).toHaveLength(15);
    expect(wb.sheet("Portefeuille").values[1][7]).toBe("Conquérir");
    expect(gateway.canUndo()).toBe(true);
    expect(await gateway.undoLastWrite()).toBe(true);
    expect(visible()).toBe(afterFirst);
    expect(wb.sheet("Portefeuille").values[1][14]).toBe("my own note in a Cadence column");
  });

  it("undo of a first write removes the added columns; the record survives a pane reload", async () => {
    const wb = repTableBench(10);
    const original = JSON.stringify(wb.sheet("Portefeuille").values);
    const first = createGateway(wb.run);
    const read = await first.readSource({ table: "MesClients" });
    await first.writePlan({ location: read.location, idColumn: 0 }, planFor(read.grid));
    const reloaded = createGateway(wb.run);
    expect(reloaded.canUndo()).toBe(false);
    await reloaded.readSource({ table: "MesClients" });
    expect(reloaded.canUndo()).toBe(true);
    expect(await reloaded.undoLastWrite()).toBe(true);
    expect(JSON.stringify(wb.sheet("Portefeuille").values)).toBe(original);
    expect(wb.snapshot().tables.find((t) => t.name === "MesClients")!.columns).toHaveLength(7);
    expect(await reloaded.undoLastWrite()).toBe(false);
  });

  it("writes into a plain selected range, and refuses to write over the rep's cells at its right", async () => {
    const wb = createWorkbench({ sheets: [{ name: "Feuil1", values: repPortfolio(5) }] });
    const gateway = createGateway(wb.run, { lang: "en" });
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Feuil1").getRange("A1:G6").select();
      await context.sync();
    });
    const read = await gateway.readSource("selection");
    expect(read.location).toMatchObject({ table: null, address: "A1:G6" });
    await gateway.writePlan({ location: read.location, idColumn: 0 }, planFor(read.grid));
    expect(wb.sheet("Feuil1").values[0][7]).toBe("Segment");
    expect(wb.sheet("Feuil1").values[2][7]).toBe("Develop");
    expect(await gateway.undoLastWrite()).toBe(true);
    expect(wb.sheet("Feuil1").values[0]).toHaveLength(7);

    wb.edit("Feuil1", "J3", "keep me");
    const before = JSON.stringify(wb.snapshot());
    await expect(
      gateway.writePlan({ location: read.location, idColumn: 0 }, planFor(read.grid)),
    ).rejects.toMatchObject({
      code: "targetNotEmpty",
    });
    expect(JSON.stringify(wb.snapshot())).toBe(before);
  });
});

describe("the workbook's language", () => {
  it("a first write from an English pane records English, so a rewrite keeps English labels", async () => {
    const wb = repTableBench(5);
    const gateway = createGateway(wb.run, { lang: "en" });
    const read = await gateway.readSource({ table: "MesClients" });
    await gateway.writePlan({ location: read.location, idColumn: 0 }, planFor(read.grid));
    const recorded = schema.parseSchemaRows(wb.sheet(schema.SCHEMA_SHEET).values);
    expect(recorded.lang).toBe("en");
    // A pane reloaded in French still writes the workbook's language.
    const reloaded = createGateway(wb.run, { lang: "fr" });
    const again = await reloaded.readSource({ table: "MesClients" });
    await reloaded.writePlan({ location: again.location, idColumn: 0 }, planFor(again.grid));
    expect(wb.sheet("Portefeuille").values[2][7]).toBe("Develop");
  });
});

describe("round trips are constant in the row count", () => {
  it.each([10, 10_000])(
    "%d rows: read 1, first write 1 + chunks, rewrite 2 + chunks, undo 1 + chunks",
    async (n) => {
      const wb = repTableBench(n);
      const gateway = createGateway(wb.run);
      let read = await gateway.readSource({ table: "MesClients" });
      expect(await syncsOf(wb, () => gateway.readSource({ table: "MesClients" }))).toBe(1);
      const plan = planFor(read.grid);
      let chunks = 0;
      expect(
        await syncsOf(wb, async () => {
          chunks = (await gateway.writePlan({ location: read.location, idColumn: 0 }, plan)).chunks;
        }),
      ).toBe(1 + chunks);
      expect(chunks).toBe(1);
      read = await gateway.readSource({ table: "MesClients" });
      expect(await syncsOf(wb, () => gateway.writePlan({ location: read.location, idColumn: 0 }, plan))).toBe(
        3,
      );
      expect(await syncsOf(wb, () => gateway.undoLastWrite())).toBe(2);
      expect(wb.suspendedCalculations).toBeGreaterThanOrEqual(3);
    },
  );

  it("splits a large write under the request budget: ceil(bytes / budget) batches", async () => {
    const n = 2000;
    const wb = repTableBench(n, { requestLimitBytes: 80_000 });
    const gateway = createGateway(wb.run, { budgetBytes: 50_000 });
    const read = await gateway.readSource({ table: "MesClients" });
    wb.stats.reset();
    const receipt = await gateway.writePlan({ location: read.location, idColumn: 0 }, planFor(read.grid));
    expect(receipt.chunks).toBeGreaterThan(1);
    expect(wb.stats.syncs).toBe(1 + receipt.chunks);
    expect(wb.sheet("Portefeuille").values[n][7]).toBe("Conquérir");
    expect(wb.stats.requestBytes / receipt.chunks).toBeLessThan(80_000);
  });
});

describe("errors leave the workbook as it was", () => {
  it("a protected sheet", async () => {
    const wb = createWorkbench({
      sheets: [
        {
          name: "Portefeuille",
          values: repPortfolio(3),
          tables: [{ name: "MesClients", address: "A1:G4" }],
          protected: true,
        },
      ],
    });
    const gateway = createGateway(wb.run);
    const read = await gateway.readSource({ table: "MesClients" });
    const before = JSON.stringify(wb.snapshot());
    const error = await gateway
      .writePlan({ location: read.location, idColumn: 0 }, planFor(read.grid))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "sheetProtected" });
    expect(gatewayErrorText(error as GatewayError, "fr")).toContain("Portefeuille");
    expect(JSON.stringify(wb.snapshot())).toBe(before);
  });

  it("a table deleted or moved since it was read", async () => {
    const wb = repTableBench(3);
    const gateway = createGateway(wb.run);
    const read = await gateway.readSource({ table: "MesClients" });
    await expect(
      gateway.writePlan(
        { location: { ...read.location, table: "Disparu" }, idColumn: 0 },
        planFor(read.grid),
      ),
    ).rejects.toMatchObject({ code: "tableMissing" });
    await expect(
      gateway.writePlan({ location: { ...read.location, headerRow: 3 }, idColumn: 0 }, planFor(read.grid)),
    ).rejects.toMatchObject({ code: "tableMoved" });
    await expect(gateway.readSource({ table: "Disparu" })).rejects.toMatchObject({ code: "tableMissing" });
    await expect(gateway.readSource("clients")).rejects.toMatchObject({ code: "notPlanWorkbook" });
  });

  it("a cell in edit mode", async () => {
    const wb = repTableBench(3);
    const gateway = createGateway(wb.run);
    const read = await gateway.readSource({ table: "MesClients" });
    const before = JSON.stringify(wb.snapshot());
    wb.setCellEditMode(true);
    const error = await gateway
      .writePlan({ location: read.location, idColumn: 0 }, planFor(read.grid))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "editMode" });
    expect(gatewayErrorText(error as GatewayError, "en")).toMatch(/Enter/);
    wb.setCellEditMode(false);
    expect(JSON.stringify(wb.snapshot())).toBe(before);
  });

  it("a missing column in Cadence's own Clients table", async () => {
    const wb = createWorkbench();
    const gateway = createGateway(wb.run);
    await gateway.createPlanWorkbook({ lang: "fr" });
    await wb.run(async (context) => {
      context.workbook.tables.getItem("Clients").columns.getItem("Statut").delete();
      await context.sync();
    });
    await expect(gateway.refresh("2026-06-30")).rejects.toMatchObject({ code: "missingColumn" });
  });

  it("an empty selection", async () => {
    const wb = createWorkbench();
    await expect(createGateway(wb.run).readSource("selection")).rejects.toMatchObject({
      code: "emptySource",
    });
  });

  it("a failure in a later write batch: what earlier batches wrote is put back", async () => {
    const n = 2000;
    const wb = repTableBench(n, { requestLimitBytes: 80_000 });
    const gateway = createGateway(wb.run, { budgetBytes: 50_000 });
    const read = await gateway.readSource({ table: "MesClients" });
    const own = (): string =>
      JSON.stringify(wb.snapshot().sheets.filter((s) => !s.name.startsWith("_cadence")));
    const tables = (): string => JSON.stringify(wb.snapshot().tables);
    const [before, beforeTables] = [own(), tables()];
    const error = await gateway
      .writePlan({ location: read.location, idColumn: 0 }, planFor(read.grid), (p) => {
        if (p.phase === "write" && p.done === 2) wb.failNextSync("GeneralException");
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "unexpected" });
    expect(own()).toBe(before);
    expect(tables()).toBe(beforeTables);
    const again = await gateway.readSource({ table: "MesClients" });
    expect(again.cadenceColumns).toEqual({});
  });

  it("an abort before writing", async () => {
    const wb = repTableBench(3);
    const gateway = createGateway(wb.run);
    const read = await gateway.readSource({ table: "MesClients" });
    const controller = new AbortController();
    controller.abort();
    const before = JSON.stringify(wb.snapshot());
    await expect(
      gateway.writePlan(
        { location: read.location, idColumn: 0 },
        planFor(read.grid),
        undefined,
        controller.signal,
      ),
    ).rejects.toMatchObject({ code: "aborted" });
    expect(JSON.stringify(wb.snapshot())).toBe(before);
  });
});

describe("Cadence's own Clients table", () => {
  it("writes the plan into the schema's columns, no column added", async () => {
    const wb = createWorkbench();
    const gateway = createGateway(wb.run);
    await gateway.createPlanWorkbook({ lang: "en" });
    await wb.run(async (context) => {
      context.workbook.tables
        .getItem("Clients")
        .rows.add(undefined, [
          [
            "A1",
            "Alpha",
            "67000",
            "Strasbourg",
            100,
            120,
            1000,
            ...Array<string>(schema.table("Clients").columns.length - 7).fill(""),
          ],
        ]);
      await context.sync();
    });
    const read = await gateway.readSource("clients");
    expect(read.cadenceColumns.segment).toBe(
      schema.table("Clients").columns.findIndex((c) => c.id === "segment"),
    );
    const receipt = await gateway.writePlan({ location: read.location, idColumn: 0 }, [
      {
        clientId: "A1",
        segment: "develop",
        norm: 13.5,
        planned: { visit: 12, call: 6 },
        weightedPlanned: 13.5,
        explanation: "x",
      },
    ]);
    expect(receipt.columnsAdded).toEqual([]);
    const values = wb.sheet("Clients").values;
    // The new table's blank row took the added client, as in Excel.
    expect(values[1][7]).toBe("Develop");
    expect(values[1][9]).toBe(12);
  });
});
