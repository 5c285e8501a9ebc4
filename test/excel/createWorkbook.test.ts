import { createWorkbench } from "../../src/workbench";
import { createGateway } from "../../src/excel/gateway";
import { GatewayError } from "../../src/excel/gateway.types";
import * as schema from "../../src/core/workbook/schema";
import { isoToExcelSerial } from "../../src/core/tracking";

describe("createPlanWorkbook", () => {
  it.each(["fr", "en"] as const)(
    "builds sheets, tables, names, validation, formats and charts (%s) in 2 round trips",
    async (lang) => {
      const wb = createWorkbench();
      const gateway = createGateway(wb.run);
      wb.stats.reset();
      await gateway.createPlanWorkbook({ lang });
      expect(wb.stats.syncs).toBe(2);
      const snap = wb.snapshot();
      const tables = Object.fromEntries(snap.tables.map((t) => [t.name, t]));
      expect(Object.keys(tables).sort()).toEqual(["Actions", "Channels", "Clients", "Contacts", "Norms"]);
      expect(tables.Clients.columns[0]).toBe(lang === "fr" ? "Code client" : "Client id");
      expect(tables.Clients.sheet).toBe(schema.SHEET_NAMES.clients[lang]);
      const clients = wb.sheet(schema.SHEET_NAMES.clients[lang]);
      expect(clients.frozenRows).toBe(1);
      expect(clients.validations.length).toBeGreaterThan(0);
      expect(clients.conditionalFormats).toHaveLength(3);
      const hidden = wb.sheet(schema.SCHEMA_SHEET);
      expect(hidden.visibility).toBe("Hidden");
      expect(schema.parseSchemaRows(hidden.values).tables.get("Clients")).toEqual(
        schema.table("Clients").columns.map((c) => c.id),
      );
      expect(wb.sheet(schema.SHEET_NAMES.dashboard[lang]).charts).toHaveLength(2);
      expect(wb.suspendedCalculations).toBe(1);
      // The Id Cadence column of each synced table is hidden (Range.columnHidden), and only it.
      for (const name of ["Clients", "Contacts", "Actions"] as const) {
        const table = tables[name];
        const idHeader = schema.header(schema.ROW_ID_COLUMN, lang);
        const at = table.columns.indexOf(idHeader);
        expect(at).toBe(table.columns.length - 1);
        const letter = /^([A-Z]+)/.exec(table.address)?.[1] ?? "A";
        const first = letter.charCodeAt(0) - 65;
        expect(wb.sheet(table.sheet).hiddenColumns).toEqual([String.fromCharCode(65 + first + at)]);
      }
      // Formats, lists and status colours sit on the table body and grow with it.
      const width = schema.table("Clients").columns.length;
      await wb.run(async (context) => {
        context.workbook.tables.getItem("Clients").rows.add(
          undefined,
          [1, 2, 3].map((k) => [`C${k}`, ...Array.from({ length: width - 1 }, () => "")]),
        );
        await context.sync();
      });
      const grown = wb.sheet(schema.SHEET_NAMES.clients[lang]);
      expect(grown.validations.map((v) => v.address)).toContain("H2:H4");
      expect(grown.conditionalFormats.every((cf) => cf.address === "U2:U4")).toBe(true);
      expect(grown.numberFormats.V4).toBe("yyyy-mm-dd");
    },
  );

  it.each(["fr", "en"] as const)(
    "starts the Settings at the plan year it is given, the rest at the defaults (%s)",
    async (lang) => {
      const wb = createWorkbench();
      const gateway = createGateway(wb.run);
      wb.stats.reset();
      await gateway.createPlanWorkbook({ lang, year: 2031 });
      expect(wb.stats.syncs).toBe(2);
      const column = wb
        .sheet(schema.SHEET_NAMES.settings[lang])
        .values.slice(1, schema.SETTINGS.length + 1)
        .map((r) => r[1]);
      expect(column.slice(0, 2)).toEqual([isoToExcelSerial("2031-01-01"), isoToExcelSerial("2031-12-31")]);
      expect(column.slice(2)).toEqual(schema.SETTINGS.slice(2).map((s) => s.value));
      expect(await gateway.readPlanSettings()).toEqual({
        periodStart: "2031-01-01",
        periodEnd: "2031-12-31",
        country: "FR",
        region: "",
        leaveDays: 25,
        leavePeriods: [],
        rttDays: 0,
        rttPeriods: [],
        nonFieldDays: 20,
        contactsPerDay: 4,
        prospectingShare: 0.2,
        remoteShare: 0,
        remotePerDay: 3,
      });
    },
  );

  it("refuses a plan year that is no year, adding nothing", async () => {
    const wb = createWorkbench();
    const before = JSON.stringify(wb.snapshot());
    await expect(createGateway(wb.run).createPlanWorkbook({ lang: "en", year: 2031.5 })).rejects.toThrow(
      /Plan year must be a whole year between 1900 and 9999, got 2031\.5/,
    );
    expect(JSON.stringify(wb.snapshot())).toBe(before);
  });

  it("refuses a workbook that already has a Clients table, changing nothing", async () => {
    const wb = createWorkbench({
      sheets: [{ name: "Data", values: [["id"], ["a"]], tables: [{ name: "Clients", address: "A1:A2" }] }],
    });
    const before = JSON.stringify(wb.snapshot());
    await expect(createGateway(wb.run).createPlanWorkbook({ lang: "fr" })).rejects.toMatchObject({
      code: "alreadyExists",
    });
    await expect(createGateway(wb.run).createPlanWorkbook({ lang: "fr" })).rejects.toBeInstanceOf(
      GatewayError,
    );
    expect(JSON.stringify(wb.snapshot())).toBe(before);
  });

  it("keeps what a rep's adopted table recorded in the schema sheet", async () => {
    const wb = createWorkbench({
      sheets: [
        {
          name: "Portefeuille",
          values: [
            ["Code", "Nom"],
            ["A", "Alpha"],
          ],
          tables: [{ name: "MesClients", address: "A1:B2" }],
        },
      ],
    });
    const gateway = createGateway(wb.run);
    const read = await gateway.readSource({ table: "MesClients" });
    await gateway.writePlan({ location: read.location, idColumn: 0 }, [
      {
        clientId: "A",
        segment: "retain",
        norm: 11.5,
        planned: { visit: 10 },
        weightedPlanned: 10,
        explanation: "",
      },
    ]);
    await gateway.createPlanWorkbook({ lang: "fr" });
    const rows = wb.sheet(schema.SCHEMA_SHEET).values;
    expect(rows.map((r) => r[0])).toEqual(
      expect.arrayContaining(["cadence.schema", "Clients", "MesClients"]),
    );
    const again = await gateway.readSource({ table: "MesClients" });
    expect(again.cadenceColumns.segment).toBe(2);
  });
});
