import fc from "fast-check";
import { jsonBytes, planBatches, sliceBySize } from "../../src/excel/chunks";
import { rowSlice } from "../../src/excel/batches";
import { parseCsv, toCsv } from "../../src/excel/csv";
import { fromUndoCells, toUndoCells, UNDO_CELL_CHARS } from "../../src/excel/undo";
import type { UndoRecord } from "../../src/excel/undo";

describe("chunking under the request budget", () => {
  it("slices cover every item once, in order, each under the budget unless alone", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 500 }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 2000 }),
        (sizes, budget) => {
          const slices = sliceBySize(sizes, budget);
          expect(slices.flatMap(([a, b]) => Array.from({ length: b - a }, (_, k) => a + k))).toEqual(
            sizes.map((_, i) => i),
          );
          for (const [a, b] of slices) {
            const sum = sizes.slice(a, b).reduce((s, x) => s + x, 0);
            expect(sum <= budget || b - a === 1).toBe(true);
          }
        },
      ),
    );
  });

  it("batches keep every value and stay under the budget; the count grows with bytes, not with rows", () => {
    const column = (rows: number, text: string): unknown[][] =>
      Array.from({ length: rows }, (_, i) => [`${text}${i}`]);
    const writes = [
      { sheet: "S", address: "B2:B1001", values: column(1000, "x".repeat(50)) },
      { sheet: "S", address: "C2:C1001", values: column(1000, "y") },
    ];
    const batches = planBatches(writes, rowSlice, 20_000);
    expect(batches.length).toBeGreaterThan(1);
    const all = batches.flat();
    expect(all.flatMap((w) => w.values)).toEqual([...writes[0].values, ...writes[1].values]);
    for (const batch of batches)
      expect(batch.reduce((s, w) => s + jsonBytes(w.values), 0)).toBeLessThan(20_000);
    expect(all[0].address).toBe("B2:B" + String(1 + all[0].values.length));
    expect(jsonBytes(["é"])).toBe(6);
  });
});

describe("CSV", () => {
  it("reads quoted fields, semicolons, CRLF and a BOM", () => {
    const text = '\uFEFFDate;Client;Canal;Note\r\n02/03/2026;"Dupont; fils";visite;"dit ""oui""\nsuite"\r\n';
    expect(parseCsv(text)).toEqual([
      ["Date", "Client", "Canal", "Note"],
      ["02/03/2026", "Dupont; fils", "visite", 'dit "oui"\nsuite'],
    ]);
    expect(parseCsv("a,b\n1,2")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("round-trips any table of strings", () => {
    const cell = fc.string({
      unit: fc.constantFrom("a", "b", " ", ",", ";", '"', "\n", "é"),
      minLength: 1,
      maxLength: 6,
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(",", ";"),
        (rows, d) => {
          const width = rows[0].length;
          const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? "z"));
          expect(parseCsv(toCsv(table, d), d)).toEqual(table);
        },
      ),
    );
  });
});

describe("undo record in cells", () => {
  it("splits into cells under Excel's cell limit and reads back", () => {
    const record: UndoRecord = {
      action: "writePlan",
      at: "2026-01-01T00:00:00Z",
      cells: [
        {
          sheet: "S",
          address: "A1:A5000",
          formulas: Array.from({ length: 5000 }, (_, i) => [`=B${i}*2 — é`]),
        },
      ],
      addedColumns: [{ table: "T", name: "Segment" }],
      addedRows: [],
      schemaBefore: null,
    };
    const cells = toUndoCells(record);
    expect(cells.length).toBeGreaterThan(1);
    expect(cells.every((r) => r[0].length <= UNDO_CELL_CHARS)).toBe(true);
    expect(fromUndoCells(cells)).toEqual(record);
    expect(fromUndoCells([["{broken"]])).toBeNull();
    expect(fromUndoCells([])).toBeNull();
  });
});
