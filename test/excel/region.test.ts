import fc from "fast-check";
import { currentRegion } from "../../src/excel/region";
import { createWorkbench } from "../../src/workbench";
import { createGateway } from "../../src/excel/gateway";
import { repPortfolio } from "./fixtures";

describe("current region", () => {
  it("finds the block around a cell, with a blank ring around it", () => {
    const grid = [
      ["", "", "", "", ""],
      ["", "a", "b", "", "x"],
      ["", "c", "", "", ""],
      ["", "", "d", "", ""],
      ["", "", "", "", ""],
    ];
    expect(currentRegion(grid, 1, 1)).toEqual({ r0: 1, c0: 1, r1: 3, c1: 2 });
    expect(currentRegion(grid, 1, 4)).toEqual({ r0: 1, c0: 4, r1: 1, c1: 4 });
  });

  it("contains the cell and every filled cell touching it; the ring outside is blank", () => {
    const cell = fc.constantFrom("", "", "v");
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 6, maxLength: 6 }), { minLength: 6, maxLength: 6 }),
        fc.nat(5),
        fc.nat(5),
        (grid, r, c) => {
          const rect = currentRegion(grid, r, c);
          expect(rect.r0 <= r && r <= rect.r1 && rect.c0 <= c && c <= rect.c1).toBe(true);
          for (let i = rect.r0 - 1; i <= rect.r1 + 1; i++) {
            for (let j = rect.c0 - 1; j <= rect.c1 + 1; j++) {
              const inside = i >= rect.r0 && i <= rect.r1 && j >= rect.c0 && j <= rect.c1;
              if (!inside && i >= 0 && j >= 0 && i < 6 && j < 6) expect(grid[i][j]).toBe("");
            }
          }
        },
      ),
    );
  });

  it("readSource('selection') on one clicked cell reads the whole list around it, in 1 round trip", async () => {
    const grid = [["Mon suivi 2026"], [], ...repPortfolio(4).map((r) => ["", ...r])];
    const wb = createWorkbench({ sheets: [{ name: "Feuil1", values: grid }] });
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Feuil1").getRange("D5").select();
      await context.sync();
    });
    const gateway = createGateway(wb.run);
    wb.stats.reset();
    const read = await gateway.readSource("selection");
    expect(wb.stats.syncs).toBe(1);
    expect(read.location).toMatchObject({ table: null, headerRow: 3, firstColumn: 1, address: "B3:H7" });
    expect(read.headers[0]).toBe("Code");
    expect(read.grid).toHaveLength(5);
  });
});
