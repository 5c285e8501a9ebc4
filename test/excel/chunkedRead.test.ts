/**
 * Reads under Excel's response limit (the workbench refuses a response over its limit as Excel does,
 * ResponsePayloadSizeLimitExceeded): pieces sized from an estimate, and a batch refused as too large
 * (rows longer than estimated) read again in halves, every row in place.
 */
import { readRanges } from "../../src/excel/chunkedRead";
import { createWorkbench } from "../../src/workbench";

describe("readRanges", () => {
  it("reads 2,000 rows under a 20 kB response limit, in halves where rows are longer than estimated", async () => {
    const values = Array.from({ length: 2000 }, (_, i) => [`r${i}`, i < 1000 ? "x" : "y".repeat(40)]);
    const wb = createWorkbench({
      responseLimitBytes: 20_000,
      sheets: [{ name: "Data", values }],
    });
    wb.stats.reset();
    const [rows] = await wb.run((context) =>
      readRanges(context, [{ sheet: "Data", r0: 0, c0: 0, rows: 2000, cols: 2, bytesPerRow: 14 }], 15_000),
    );
    expect(rows).toEqual(values);
    // ≈ 2 batches at the estimate, more where the long rows were refused and read again in halves.
    expect(wb.stats.syncs).toBeGreaterThan(2);
    expect(wb.stats.syncs).toBeLessThan(40);
  });

  it("reads several ranges in one round trip when they fit", async () => {
    const wb = createWorkbench({
      sheets: [
        { name: "A", values: [[1], [2]] },
        { name: "B", values: [["x", "y"]] },
      ],
    });
    wb.stats.reset();
    const out = await wb.run((context) =>
      readRanges(
        context,
        [
          { sheet: "A", r0: 0, c0: 0, rows: 2, cols: 1, bytesPerRow: 4 },
          { sheet: "B", r0: 0, c0: 0, rows: 1, cols: 2, bytesPerRow: 10 },
        ],
        4_000_000,
      ),
    );
    expect(out).toEqual([[[1], [2]], [["x", "y"]]]);
    expect(wb.stats.syncs).toBe(1);
  });
});
