import { checkAborted, fromOffice, gatewayError } from "../../src/excel/errors";
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
      expect(e.messageFr).not.toMatch(/\{\w+\}/);
      expect(e.messageEn).not.toMatch(/\{\w+\}/);
      expect(e.messageFr).not.toBe(e.messageEn);
      expect(e.message).toBe(e.messageEn);
    }
  });

  it("maps Excel's error codes", () => {
    const office = (code: string): WorkbenchApiError => new WorkbenchApiError(code as never, "x");
    expect(fromOffice(office("InvalidOperationInCellEditMode")).code).toBe("editMode");
    expect(fromOffice(office("AccessDenied"), { sheet: "Plan" }).messageFr).toContain("Plan");
    expect(fromOffice(office("ItemNotFound")).code).toBe("tableMissing");
    expect(fromOffice(new Error("boom")).messageEn).toContain("boom");
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
