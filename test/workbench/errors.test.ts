/**
 * Conformance: errors and limits.
 * Sources:
 * - Error object { code, message, debugInfo } and Excel.ErrorCodes:
 *   https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
 * - 5 MB request/response payload limit of Excel on the web (RequestPayloadSizeLimitExceeded):
 *   https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
 * - InvalidOperationInCellEditMode ("Excel is in cell-editing mode"): same error-handling page.
 */
import { createWorkbench } from "../../src/workbench";
import { clientsWorkbench, rejectedCode } from "./helpers";

describe("errors", () => {
  it("rejects a request over 5 MB with RequestPayloadSizeLimitExceeded and applies nothing of that batch", async () => {
    const wb = clientsWorkbench();
    const big = Array.from({ length: 90_000 }, (_, i) => [
      `Client numéro ${i} avec un nom assez long pour peser`,
      i,
      i * 2,
    ]);
    const code = await rejectedCode(
      wb.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Clients");
        sheet.getRange("E1").values = [["touched"]];
        sheet.getRange(`A10:C90009`).values = big;
        await context.sync();
      }),
    );
    expect(code).toBe("RequestPayloadSizeLimitExceeded");
    const snapshot = wb.sheet("Clients");
    expect(snapshot.values.length).toBe(3);
    expect(snapshot.values[0]).toEqual(["Code client", "Raison sociale", "CA N"]);
  });

  it("accepts the same data written in chunks under the limit", async () => {
    const wb = clientsWorkbench();
    const rows = Array.from({ length: 90_000 }, (_, i) => [
      `Client numéro ${i} avec un nom assez long pour peser`,
      i,
      i * 2,
    ]);
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Clients");
      for (let start = 0; start < rows.length; start += 30_000) {
        sheet.getRangeByIndexes(3 + start, 0, 30_000, 3).values = rows.slice(start, start + 30_000);

        await context.sync();
      }
    });
    expect(wb.sheet("Clients").values.length).toBe(90_003);
  });

  it("rejects a response over 5 MB with ResponsePayloadSizeLimitExceeded", async () => {
    const wb = createWorkbench({ responseLimitBytes: 1000 });
    const code = await rejectedCode(
      wb.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange("A1:Z100").load("values");
        await context.sync();
      }),
    );
    expect(code).toBe("ResponsePayloadSizeLimitExceeded");
  });

  it("stops a batch at the first failing operation: earlier ones stay applied, later ones never run", async () => {
    const wb = clientsWorkbench();
    const code = await rejectedCode(
      wb.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Clients");
        sheet.getRange("E1").values = [["before"]];
        sheet.getRange("A1:B1").values = [["only one value"]];
        sheet.getRange("F1").values = [["after"]];
        await context.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
    const values = wb.sheet("Clients").values;
    expect(values[0]?.[4]).toBe("before");
    expect(values[0]?.[5]).toBeUndefined();
  });

  it("does not publish loaded values of a failed batch", async () => {
    const wb = clientsWorkbench();
    await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Clients").getRange("A1").load("values");
      context.workbook.worksheets.getItem("Missing");
      expect(await rejectedCode(context.sync())).toBe("ItemNotFound");
      expect(() => range.values).toThrow();
    });
  });

  it("fails every sync with InvalidOperationInCellEditMode while a cell is being edited, applying nothing", async () => {
    const wb = clientsWorkbench();
    wb.setCellEditMode(true);
    const code = await rejectedCode(
      wb.run(async (context) => {
        context.workbook.worksheets.getItem("Clients").getRange("A5").values = [["x"]];
        await context.sync();
      }),
    );
    expect(code).toBe("InvalidOperationInCellEditMode");
    expect(wb.sheet("Clients").values.length).toBe(3);
    wb.setCellEditMode(false);
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Clients").getRange("A5").values = [["x"]];
      await context.sync();
    });
    expect(wb.sheet("Clients").values[4]?.[0]).toBe("x");
  });

  it("rejects writes to a protected sheet with AccessDenied", async () => {
    const wb = createWorkbench({ sheets: [{ name: "Locked", values: [["a"]], protected: true }] });
    const code = await rejectedCode(
      wb.run(async (context) => {
        context.workbook.worksheets.getItem("Locked").getRange("A1").values = [["b"]];
        await context.sync();
      }),
    );
    expect(code).toBe("AccessDenied");
    expect(wb.sheet("Locked").values).toEqual([["a"]]);
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Locked");
      const protection = sheet.protection.load("protected");
      const read = sheet.getRange("A1").load("values");
      await context.sync();
      expect(protection.protected).toBe(true);
      expect(read.values).toEqual([["a"]]);
    });
  });

  it("can inject a one-shot failure for the next sync", async () => {
    const wb = clientsWorkbench();
    wb.failNextSync("GeneralException");
    const first = wb.run(async (context) => {
      context.workbook.worksheets.getItem("Clients").getRange("A9").values = [["x"]];
      await context.sync();
    });
    expect(await rejectedCode(first)).toBe("GeneralException");
    const second = wb.run(async (context) => {
      context.workbook.worksheets.getItem("Clients").getRange("A9").values = [["x"]];
      await context.sync();
    });
    expect(await rejectedCode(second)).toBe("none");
  });

  it("reports an invalid address as InvalidArgument", async () => {
    const wb = clientsWorkbench();
    const code = await rejectedCode(
      wb.run(async (context) => {
        context.workbook.worksheets.getItem("Clients").getRange("A1:ZZZZ9").load("values");
        await context.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
  });

  it("refuses duplicate sheet names with ItemAlreadyExists (names are case-insensitive)", async () => {
    const wb = clientsWorkbench();
    const code = await rejectedCode(
      wb.run(async (context) => {
        context.workbook.worksheets.add("CLIENTS");
        await context.sync();
      }),
    );
    expect(code).toBe("ItemAlreadyExists");
  });
});

describe("cell limits", () => {
  it("refuses text longer than 32,767 characters and non-scalar values", async () => {
    const wb = createWorkbench();
    const tooLong = await rejectedCode(
      wb.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange("A1").values = [["x".repeat(32_768)]];
        await context.sync();
      }),
    );
    const object = await rejectedCode(
      wb.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange("A1").values = [[new Date(2026, 0, 1)]];
        await context.sync();
      }),
    );
    expect([tooLong, object]).toEqual(["InvalidArgument", "InvalidArgument"]);
  });
});
