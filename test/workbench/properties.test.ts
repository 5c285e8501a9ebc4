/**
 * Property tests of the fake Excel API: what is written is read back, tables keep their rows.
 */
import fc from "fast-check";
import { createWorkbench } from "../../src/workbench";

// Values Excel keeps as they are (no numeric-looking text, no "=" formulas, no ISO dates, no TRUE/FALSE text).
const cellArb = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0)),
  fc.boolean(),
  fc.string({ minLength: 1, maxLength: 8 }).map((s) => `x${s}`),
  fc.constant(""),
);

describe("properties", () => {
  it("reads back exactly the values it was given", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 6 })
          .chain((w) =>
            fc.array(fc.array(cellArb, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 12 }),
          ),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 5 }),
        async (grid, row, col) => {
          const wb = createWorkbench();
          const read = await wb.run(async (context) => {
            const sheet = context.workbook.worksheets.getActiveWorksheet();
            const width = grid[0]?.length ?? 1;
            sheet.getRangeByIndexes(row, col, grid.length, width).values = grid;
            const back = sheet.getRangeByIndexes(row, col, grid.length, width).load("values");
            await context.sync();
            return back.values;
          });
          expect(read).toEqual(grid);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("keeps every appended table row, in order, whatever the batches", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 6 }),
        async (batches) => {
          const wb = createWorkbench();
          let next = 0;
          const body = await wb.run(async (context) => {
            const sheet = context.workbook.worksheets.getActiveWorksheet();
            sheet.getRange("A1:B1").values = [["Id", "Valeur"]];
            const table = sheet.tables.add("A1:B1", true);
            for (const size of batches) {
              table.rows.add(
                undefined,
                Array.from({ length: size }, () => {
                  next++;
                  return [`id${next}`, next];
                }),
              );
            }
            const range = table.getDataBodyRange().load("values");
            await context.sync();
            return range.values;
          });
          expect(body.map((r): unknown => r[1])).toEqual(Array.from({ length: next }, (_, i) => i + 1));
        },
      ),
      { numRuns: 40 },
    );
  });
});
