import fc from "fast-check";
import * as parse from "../../../src/core/parse";
import type { CellValue } from "../../../src/core/types";

describe("sheet layout", () => {
  const titled: CellValue[][] = [
    ["Portefeuille 2026 — secteur Rhône", "", ""],
    ["", "", ""],
    ["Code client", "Nom", "CA N"],
    ["C1", "Alpha", "1 000"],
    ["", "", ""],
    ["C2", "Beta", "#N/A"],
  ];

  it("finds the header row under a title", () => {
    expect(parse.findHeaderRow(titled)).toBe(2);
    expect(
      parse.findHeaderRow([
        ["Code", "CA"],
        ["Code", "CA", "Ville"],
      ]),
    ).toBe(1);
    expect(parse.findHeaderRow([["a", "b"], ["c"]])).toBe(0);
    expect(parse.findHeaderRow([])).toBe(0);
  });

  it("reads from the given header row and reports true sheet rows", () => {
    const r = parse.parsePortfolio(titled, { headerRow: parse.findHeaderRow(titled) });
    expect(r.clients.map((c) => [c.id, c.salesN, c.row])).toEqual([
      ["C1", 1000, 4],
      ["C2", null, 6],
    ]);
    expect(r.issues.map((i) => [i.row, i.column, i.code])).toEqual([[6, "CA N", "excelError"]]);
  });

  const fields: [string, (string | number)[]][] = [
    ["Code client", ["a", "b", "c"]],
    ["Nom", ["Alpha", "Beta", "Gamma"]],
    ["CA 2025", ["1 000", "2,5", 7]],
    ["CA 2026", [12, "n/a", ""]],
    ["Potentiel", ["#N/A", 40, "-3"]],
    ["Ville", ["Lyon", "", "Metz"]],
    ["Norme visites", [4, "", 2]],
    ["Notes", ["x", "y", "z"]],
  ];

  it("reads the same clients and issues whatever the column order", () => {
    const base = parse.parsePortfolio(toGrid(fields.map((_, i) => i)));
    fc.assert(
      fc.property(
        fc.shuffledSubarray(
          fields.map((_, i) => i),
          { minLength: fields.length },
        ),
        (order) => {
          const r = parse.parsePortfolio(toGrid(order));
          expect(r.clients).toEqual(base.clients);
          const key = (i: parse.ParseIssue): string => `${i.row}|${i.column}|${i.code}`;
          expect(r.issues.map(key).sort()).toEqual(base.issues.map(key).sort());
        },
      ),
    );
  });

  function toGrid(order: readonly number[]): CellValue[][] {
    const rows: CellValue[][] = [order.map((i) => fields[i][0])];
    for (let r = 0; r < 3; r++) rows.push(order.map((i) => fields[i][1][r]));
    return rows;
  }
});

describe("robustness", () => {
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.constantFrom("Code", "CA", "Potentiel", "#REF!", "1'234", "12 345,6", "x", ""),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
  );
  const options = fc.record(
    {
      decimalSeparator: fc.constantFrom<"," | ".">(",", "."),
      headerRow: fc.integer({ min: -1, max: 4 }),
      firstRow: fc.integer({ min: 1, max: 100 }),
      postalCodeDigits: fc.integer({ min: 0, max: 6 }),
      mapping: fc.dictionary(
        fc.constantFrom("id", "name", "salesN", "potential", "norm.visit", "norm.nope", "bogus"),
        fc.option(fc.integer({ min: -2, max: 12 })),
      ),
    },
    { requiredKeys: [] },
  );
  it("never throws with any options, and keeps every non-blank row under the header", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }), options, (grid, opts) => {
        const r = parse.parsePortfolio(grid, opts);
        const h = Math.max(0, Math.trunc(opts.headerRow ?? 0));
        const expected = grid.slice(h + 1).filter((row) => row.some((c) => !parse.isBlank(c))).length;
        expect(r.clients).toHaveLength(expected);
        expect(new Set(r.clients.map((c) => c.id)).size).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe("many copies of one id", () => {
  it("renames each copy uniquely, in row order", () => {
    const grid = [["Code", "CA"], ...Array.from({ length: 2000 }, () => ["X", 1])];
    const r = parse.parsePortfolio(grid);
    expect(r.clients.slice(0, 3).map((c) => c.id)).toEqual(["X", "X#2", "X#3"]);
    expect(r.clients[1999]?.id).toBe("X#2000");
    expect(new Set(r.clients.map((c) => c.id)).size).toBe(2000);
    expect(r.issues.filter((i) => i.row === 2)).toHaveLength(1);
    expect(r.issues).toHaveLength(2000);
  });
});
