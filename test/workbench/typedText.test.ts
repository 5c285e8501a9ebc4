/**
 * Conformance: text that Excel reads as a formula when written through Range.values.
 * Sources:
 * - Range.values: "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="),
 *   Excel interprets this value as a formula."
 *   https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member
 * - A leading apostrophe, or the Text number format ("@"), keeps an entry as text:
 *   https://support.microsoft.com/office/display-numbers-as-text (Excel: "Format numbers as text")
 */
import { createWorkbench } from "../../src/workbench";
import { rejectedCode } from "./helpers";

/** Writes one row from A1 (optionally formatted first), then reads values and formulas back. */
async function write(row: unknown[], numberFormat?: string) {
  const wb = createWorkbench({ sheets: [{ name: "S" }] });
  const address = `A1:${String.fromCharCode(64 + row.length)}1`;
  const code = await rejectedCode(
    wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange(address);
      if (numberFormat !== undefined) range.numberFormat = [row.map(() => numberFormat)];
      range.values = [row];
      await context.sync();
    }),
  );
  const read = await wb.run(async (context) => {
    const range = context.workbook.worksheets.getItem("S").getRange(address).load("values,formulas");
    await context.sync();
    return { values: range.values[0], formulas: range.formulas[0] };
  });
  return { code, ...read };
}

describe("typed text", () => {
  it("reads =, + and - text that parses as a formula (and keeps numbers numbers)", async () => {
    const { code, values, formulas } = await write(["=1+2", "+4*2", "-abc", "-5", "+7", "-", "+"]);
    expect(code).toBe("none");
    expect(values).toEqual([3, 8, "#NAME?", -5, 7, "-", "+"]);
    expect(formulas).toEqual(["=1+2", "=+4*2", "=-abc", -5, 7, "-", "+"]);
  });

  it("reads @… as a formula, as Excel does for Lotus users", async () => {
    const { values, formulas } = await write(["@SUM(1,2)"]);
    expect(values).toEqual([3]);
    expect(formulas).toEqual(["=SUM(1,2)"]);
  });

  it("fails the whole batch with InvalidArgument on text that is a bad formula (a phone number)", async () => {
    for (const bad of ["+33 6 12 34 56 78", "=SUM(1,", "-1 2", "=1+"]) {
      const { code, values } = await write(["ok", bad]);
      expect(code).toBe("InvalidArgument");
      // The failing write is one operation: nothing of it is applied.
      expect(values).toEqual(["", ""]);
    }
  });

  it("keeps text after a leading apostrophe as text, without the apostrophe", async () => {
    const { code, values, formulas } = await write([
      "'+33 6 12 34 56 78",
      "'=SUM(A1)",
      "'-",
      "'007",
      "''quoted",
    ]);
    expect(code).toBe("none");
    expect(values).toEqual(["+33 6 12 34 56 78", "=SUM(A1)", "-", "007", "'quoted"]);
    expect(formulas).toEqual(["+33 6 12 34 56 78", "=SUM(A1)", "-", "007", "'quoted"]);
  });

  it("keeps any text as typed in cells formatted as Text", async () => {
    const { code, values } = await write(["+33 6 12 34 56 78", "=1+2", "-5", "'+1 2"], "@");
    expect(code).toBe("none");
    // A leading apostrophe is still the text prefix there.
    expect(values).toEqual(["+33 6 12 34 56 78", "=1+2", "-5", "+1 2"]);
  });

  it("judges formulas written through Range.formulas the same way", async () => {
    const wb = createWorkbench({ sheets: [{ name: "S" }] });
    const code = await rejectedCode(
      wb.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1").formulas = [["=+33 6 12"]];
        await context.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
  });
});
