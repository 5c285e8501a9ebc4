/**
 * "Use the current selection" on whole columns, whole rows and several areas: the used part of the
 * selection is read in 1 round trip; several areas get a clear bilingual message. The workbench
 * answers as Excel does: Range.address "Feuil1!A:C", getSelectedRange fails on several areas
 * (https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-getselectedrange-member(1)),
 * getSelectedRanges gives them all (RangeAreas, ExcelApi 1.9).
 */
import { parseAddress } from "../../src/excel/a1";
import { createGateway } from "../../src/excel/gateway";
import { GatewayError } from "../../src/excel/gateway.types";
import { createWorkbench } from "../../src/workbench";
import { repPortfolio } from "./fixtures";
import { gatewayErrorText } from "../../src/excel/errors";

/** Feuil1 with a title in A1, a blank row, then the portfolio (4 clients) from B3. */
function bench() {
  const grid = [["Mon suivi 2026"], [], ...repPortfolio(4).map((r) => ["", ...r])];
  return createWorkbench({ sheets: [{ name: "Feuil1", values: grid }] });
}

async function select(wb: ReturnType<typeof bench>, address: string): Promise<void> {
  await wb.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Feuil1");
    if (address.includes(",")) sheet.getRanges(address).select();
    else sheet.getRange(address).select();
    await context.sync();
  });
}

describe("parseAddress", () => {
  it("reads cells, whole columns and whole rows", () => {
    expect(parseAddress("Feuil1!B2:D9")).toEqual({ r0: 1, c0: 1, r1: 8, c1: 3 });
    expect(parseAddress("Feuil1!A:C")).toEqual({ r0: 0, c0: 0, r1: 1_048_575, c1: 2 });
    expect(parseAddress("'Mon suivi'!$B:$B")).toEqual({ r0: 0, c0: 1, r1: 1_048_575, c1: 1 });
    expect(parseAddress("1:4")).toEqual({ r0: 0, c0: 0, r1: 3, c1: 16_383 });
    expect(() => parseAddress("A1:B2,D4")).toThrow(RangeError);
    expect(() => parseAddress("A:3")).toThrow(RangeError);
  });
});

describe("reading the selection", () => {
  it("reads the used part of whole columns (Feuil1!B:H), in 1 round trip", async () => {
    const wb = bench();
    await select(wb, "B:H");
    const gateway = createGateway(wb.run);
    wb.stats.reset();
    const read = await gateway.readSource("selection");
    expect(wb.stats.syncs).toBe(1);
    expect(read.location).toMatchObject({ sheet: "Feuil1", headerRow: 3, firstColumn: 1, address: "B3:H7" });
    expect(read.headers).toEqual(repPortfolio(4)[0]);
    expect(read.grid).toHaveLength(5);
  });

  it("reads the used part of whole rows (3:7)", async () => {
    const wb = bench();
    await select(wb, "3:7");
    const read = await createGateway(wb.run).readSource("selection");
    expect(read.location).toMatchObject({ headerRow: 3, firstColumn: 1, address: "B3:H7" });
    expect(read.grid.map((r) => r[0])).toEqual(["Code", "C00001", "C00002", "C00003", "C00004"]);
  });

  it("reads one whole header row as its list (current region)", async () => {
    const wb = bench();
    await select(wb, "3:3");
    const read = await createGateway(wb.run).readSource("selection");
    expect(read.location.address).toBe("B3:H7");
  });

  it("says the selection is empty when the selected columns hold nothing", async () => {
    const wb = bench();
    await select(wb, "K:M");
    await expect(createGateway(wb.run).readSource("selection")).rejects.toMatchObject({
      code: "emptySource",
    });
  });

  it("refuses several areas with a message, in French and English, saying what to select", async () => {
    const wb = bench();
    await select(wb, "B3:D7,F3:H7");
    const error = await createGateway(wb.run)
      .readSource("selection")
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(GatewayError);
    const e = error as GatewayError;
    expect(e.code).toBe("severalAreas");
    expect(gatewayErrorText(e, "en")).toBe(
      "The selection has several areas (Feuil1!B3:D7,Feuil1!F3:H7): Cadence reads one block. Select the table in one piece with its header row, or click a single cell of the list.",
    );
    expect(gatewayErrorText(e, "fr")).toContain("plusieurs zones (Feuil1!B3:D7,Feuil1!F3:H7)");
  });
});

describe("the workbench's selection", () => {
  it("gives whole-column addresses, and getSelectedRange fails on several areas while getSelectedRanges lists them", async () => {
    const wb = bench();
    await select(wb, "A:C");
    const whole = await wb.run(async (context) => {
      const range = context.workbook.getSelectedRange().load("address,rowCount");
      await context.sync();
      return [range.address, range.rowCount];
    });
    expect(whole).toEqual(["Feuil1!A:C", 1_048_576]);
    await select(wb, "A1:B2,D4");
    await expect(
      wb.run(async (context) => {
        context.workbook.getSelectedRange().load("address");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidSelection" });
    const areas = await wb.run(async (context) => {
      const ranges = context.workbook.getSelectedRanges().load("address,areaCount,cellCount");
      await context.sync();
      return [ranges.address, ranges.areaCount, ranges.cellCount];
    });
    expect(areas).toEqual(["Feuil1!A1:B2,Feuil1!D4", 2, 5]);
  });
});
