import { checkAborted, fromOffice, gatewayError, gatewayErrorText } from "../../src/excel/errors";
import { GatewayError } from "../../src/excel/gateway.types";
import type { GatewayErrorCode } from "../../src/excel/gateway.types";
import { WorkbenchApiError } from "../../src/workbench";

const CODES: GatewayErrorCode[] = [
  "sheetProtected",
  "tableMissing",
  "tableMoved",
  "editMode",
  "missingColumn",
  "alreadyExists",
  "notPlanWorkbook",
  "emptySource",
  "targetNotEmpty",
  "aborted",
  "unexpected",
];

describe("gateway errors", () => {
  it("every code has a filled French and English message", () => {
    const data = {
      sheet: "S",
      table: "T",
      was: "A1:B2",
      now: "A3:B4",
      column: "C",
      where: "W",
      name: "N",
      address: "H1:H9",
      detail: "D",
    };
    for (const code of CODES) {
      const e = gatewayError(code, data);
      expect(e).toBeInstanceOf(GatewayError);
      expect(e.code).toBe(code);
      expect(gatewayErrorText(e, "fr")).not.toMatch(/\{\w+\}/);
      expect(gatewayErrorText(e, "en")).not.toMatch(/\{\w+\}/);
      expect(gatewayErrorText(e, "fr")).not.toBe(gatewayErrorText(e, "en"));
      expect(e.message).toBe(gatewayErrorText(e, "en"));
    }
  });

  it("maps Excel's error codes", () => {
    const office = (code: string): WorkbenchApiError => new WorkbenchApiError(code as never, "x");
    expect(fromOffice(office("InvalidOperationInCellEditMode")).code).toBe("editMode");
    expect(gatewayErrorText(fromOffice(office("AccessDenied"), { sheet: "Plan" }), "fr")).toContain("Plan");
    expect(fromOffice(office("ItemNotFound")).code).toBe("tableMissing");
    expect(gatewayErrorText(fromOffice(new Error("boom")), "en")).toContain("boom");
    const own = gatewayError("aborted");
    expect(fromOffice(own)).toBe(own);
    const controller = new AbortController();
    expect(() => {
      checkAborted(controller.signal);
    }).not.toThrow();
    controller.abort();
    expect(() => {
      checkAborted(controller.signal);
    }).toThrow(GatewayError);
  });
});
