import { createWorkbench } from "../../src/workbench";
import type { Workbench } from "../../src/workbench";
import { createGateway } from "../../src/excel/gateway";
import type { PlanSettings } from "../../src/excel/gateway.types";
import { planSettingsOf, SETTING_NAMES } from "../../src/excel/settings";
import { isoToExcelSerial } from "../../src/core/tracking";
import * as schema from "../../src/core/workbook/schema";
import { planFor, planWorkbook, repPortfolio } from "./fixtures";
import { gatewayErrorText } from "../../src/excel/errors";
import type { GatewayError } from "../../src/excel/gateway.types";

const SETTINGS: PlanSettings = {
  periodStart: "2027-01-01",
  periodEnd: "2027-12-31",
  country: "FR",
  region: "67",
  leaveDays: 27,
  leavePeriods: [
    { start: "2027-08-02", end: "2027-08-20" },
    { start: "2027-12-27", end: "2027-12-31" },
  ],
  rttDays: 5,
  rttPeriods: [],
  nonFieldDays: 18,
  contactsPerDay: 5,
  prospectingShare: 0.15,
  remoteShare: 0.2,
  remotePerDay: 2.5,
};

const syncsOf = async (wb: Workbench, action: () => Promise<unknown>): Promise<number> => {
  wb.stats.reset();
  await action();
  return wb.stats.syncs;
};

/** Settings sheet column B, one row per named setting, in the schema's order. */
const settingsColumn = (wb: Workbench, lang: "fr" | "en"): unknown[] =>
  wb
    .sheet(schema.SHEET_NAMES.settings[lang])
    .values.slice(1, schema.SETTINGS.length + 1)
    .map((r) => r[1]);

describe("the plan's settings recorded by a plan write", () => {
  it.each(["fr", "en"] as const)(
    "records period, calendar and capacity in the named settings (%s), in the write's round trips; undo puts them back",
    async (lang) => {
      const { wb, gateway } = await planWorkbook(10, lang);
      const before = settingsColumn(wb, lang);
      expect(await gateway.readPlanSettings()).toMatchObject({ periodStart: "2026-01-01", country: "FR" });
      const read = await gateway.readSource("clients");
      let receipt: Awaited<ReturnType<typeof gateway.writePlan>> | null = null;
      // Cadence's columns already exist: 1 read + 1 read of what they hold + 1 write batch, as without settings.
      const syncs = await syncsOf(wb, async () => {
        receipt = await gateway.writePlan(
          { location: read.location, idColumn: 0, settings: SETTINGS },
          planFor(read.grid),
        );
      });
      expect(syncs).toBe(3);
      expect(receipt).toMatchObject({ settingsRecorded: true, rowsWritten: 10 });
      expect(settingsColumn(wb, lang)).toEqual([
        isoToExcelSerial("2027-01-01"),
        isoToExcelSerial("2027-12-31"),
        "FR",
        "67",
        27,
        18,
        5,
        0.15,
        // The tour base is not a plan setting: the plan write leaves it as it was.
        "",
        "2027-08-02:2027-08-20, 2027-12-27:2027-12-31",
        5,
        "",
        0.2,
        2.5,
      ]);
      expect(await gateway.readPlanSettings()).toEqual(SETTINGS);

      expect(await gateway.undoLastWrite()).toBe(true);
      expect(settingsColumn(wb, lang)).toEqual(before);
      expect(await gateway.readPlanSettings()).toMatchObject({
        periodStart: "2026-01-01",
        region: "",
        leaveDays: 25,
      });
    },
  );

  it("refresh tracks over the recorded period: a 2027 plan as of mid-2026 has nothing due yet", async () => {
    const { gateway } = await planWorkbook(5, "en");
    await gateway.importContacts({ csv: "Date,Client,Channel\n2026-05-04,C00001,visit\n" });
    expect((await gateway.refresh("2026-06-30")).under).toBeGreaterThan(0);
    const read = await gateway.readSource("clients");
    await gateway.writePlan({ location: read.location, idColumn: 0, settings: SETTINGS }, planFor(read.grid));
    const tracked = await gateway.refresh("2026-06-30");
    expect(tracked.under).toBe(0);
  });

  it("a rep's own table outside a plan workbook: the plan is written, no settings recorded or invented", async () => {
    const wb = createWorkbench({
      sheets: [
        {
          name: "Portefeuille",
          values: repPortfolio(4),
          tables: [{ name: "MesClients", address: "A1:G5" }],
        },
      ],
    });
    const gateway = createGateway(wb.run);
    const read = await gateway.readSource({ table: "MesClients" });
    const receipt = await gateway.writePlan(
      { location: read.location, idColumn: 0, settings: SETTINGS },
      planFor(read.grid),
    );
    expect(receipt).toMatchObject({ settingsRecorded: false, rowsWritten: 4 });
    expect(await gateway.readPlanSettings()).toBeNull();
    expect(wb.snapshot().sheets.map((s) => s.name)).not.toContain("Paramètres");
  });

  it("a protected Settings sheet fails before anything is written", async () => {
    const { wb, gateway } = await planWorkbook(3, "fr");
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Paramètres").protection.protect();
      await context.sync();
    });
    const read = await gateway.readSource("clients");
    const before = JSON.stringify(wb.snapshot());
    const error = await gateway
      .writePlan({ location: read.location, idColumn: 0, settings: SETTINGS }, planFor(read.grid))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "sheetProtected" });
    expect(gatewayErrorText(error as GatewayError, "en")).toContain("Paramètres");
    expect(JSON.stringify(wb.snapshot())).toBe(before);
  });

  it("reads back in 1 round trip; null outside a plan workbook", async () => {
    const { wb, gateway } = await planWorkbook(2, "fr");
    expect(await syncsOf(wb, () => gateway.readPlanSettings())).toBe(1);
    const empty = createWorkbench();
    expect(await createGateway(empty.run).readPlanSettings()).toBeNull();
  });
});

describe("planSettingsOf", () => {
  const cells = (over: Record<string, unknown>): ((name: string) => unknown) => {
    const values: Record<string, unknown> = {
      [SETTING_NAMES.periodStart]: isoToExcelSerial("2026-01-01"),
      [SETTING_NAMES.periodEnd]: "2026-12-31",
      [SETTING_NAMES.country]: "fr",
      [SETTING_NAMES.region]: 67,
      [SETTING_NAMES.leaveDays]: 20,
      ...over,
    };
    return (name) => values[name];
  };

  it("takes Excel serials or date text, normalises the country, keeps a numeric region as text", () => {
    expect(planSettingsOf(cells({}))).toEqual({
      periodStart: "2026-01-01",
      periodEnd: "2026-12-31",
      country: "FR",
      region: "67",
      leaveDays: 20,
      leavePeriods: [],
      rttDays: 0,
      rttPeriods: [],
      nonFieldDays: 20,
      contactsPerDay: 4,
      prospectingShare: 0.2,
      remoteShare: 0,
      remotePerDay: 3,
    });
  });

  it("falls back to France for a blank country and to the defaults for unreadable numbers", () => {
    const s = planSettingsOf(cells({ [SETTING_NAMES.country]: "", [SETTING_NAMES.leaveDays]: "beaucoup" }));
    expect(s).toMatchObject({ country: "FR", leaveDays: 25 });
  });

  it("is null without a readable period (missing, unreadable, or ending before it starts)", () => {
    expect(planSettingsOf(() => undefined)).toBeNull();
    expect(planSettingsOf(cells({ [SETTING_NAMES.periodStart]: "soon" }))).toBeNull();
    expect(planSettingsOf(cells({ [SETTING_NAMES.periodEnd]: "2025-06-30" }))).toBeNull();
  });
});
