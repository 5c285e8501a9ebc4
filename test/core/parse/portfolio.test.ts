import fc from "fast-check";
import * as parse from "../../../src/core/parse";
import type { CellValue, Grid } from "../../../src/core/types";

const HEADER = ["Code client", "Raison sociale", "CP", "Ville", "CA N-1", "CA N", "Potentiel", "Marge"];

const codes = (r: parse.PortfolioParse): [number, string, string][] =>
  r.issues.map((i) => [i.row, i.column, i.code]);

describe("parsePortfolio", () => {
  it("reads a French sheet", () => {
    const r = parse.parsePortfolio([
      HEADER,
      ["C001", "Boulangerie Martin", "69003", "Lyon", "12 345,67 €", "15 000", "40 000", "35 %"],
      [1002, "Garage Durand", 1000, "Bourg", 0, 0, "", 0.2],
    ]);
    expect(r.issues).toEqual([]);
    expect(r.clients).toEqual([
      {
        id: "C001",
        name: "Boulangerie Martin",
        postalCode: "69003",
        city: "Lyon",
        salesN1: 12345.67,
        salesN1SamePeriod: null,
        salesN: 15000,
        potential: 40000,
        margin: 0.35,
        segmentOverride: null,
        normOverride: null,
        min: null,
        max: null,
        row: 2,
      },
      expect.objectContaining({
        id: "1002",
        postalCode: "1000",
        salesN: 0,
        potential: null,
        margin: 0.2,
        row: 3,
      }),
    ]);
    expect(r.columns.map((c) => [c.field, c.index, c.header])).toEqual(
      HEADER.map((h, i) => [parse.matchHeader(h), i, h]),
    );
    expect(r.extraColumns).toEqual([]);
  });

  it("reads an English sheet with year-labelled sales, norms, bounds and extra columns", () => {
    const r = parse.parsePortfolio([
      [
        "Customer ID",
        "Customer",
        "Notes",
        "Sales 2026",
        "Sales 2025",
        "Sales 2024",
        "Potential",
        "Min",
        "Max",
        "Norm calls",
      ],
      ["A1", "Acme", "call Bob", "1,234.5", "$1,000", "900", "5000", 2, 10, 6],
    ]);
    expect(r.issues).toEqual([]);
    expect(r.clients[0]).toMatchObject({
      salesN: 1234.5,
      salesN1: 1000,
      potential: 5000,
      min: 2,
      max: 10,
      normOverride: { call: 6 },
    });
    expect(r.extraColumns).toEqual([
      { index: 2, header: "Notes" },
      { index: 5, header: "Sales 2024" },
    ]);
  });

  it("lets the mapping override detection", () => {
    const grid: Grid = [
      ["Clé", "Nom", "Chiffre", "CA"],
      ["X", "Xavier", "100", "7"],
    ];
    const detected = parse.parsePortfolio(grid);
    expect(detected.clients[0]).toMatchObject({ id: "Xavier", salesN: 7 });
    const mapped = parse.parsePortfolio(grid, { mapping: { id: 0, salesN: 2, potential: 3 } });
    expect(mapped.clients[0]).toMatchObject({ id: "X", name: "Xavier", salesN: 100, potential: 7 });
    expect(mapped.extraColumns).toEqual([]);
    const ignored = parse.parsePortfolio(grid, { mapping: { salesN: null } });
    expect(ignored.clients[0]?.salesN).toBeNull();
    expect(codes(ignored)).toEqual([[1, "salesN", "missingColumn"]]);
    const bad = parse.parsePortfolio(grid, {
      mapping: { potential: 9, "norm.fax": 1, colour: 2 } as parse.ColumnMapping,
    });
    expect(codes(bad)).toEqual([
      [1, "potential", "unknownValue"],
      [1, "norm.fax", "unknownValue"],
      [1, "colour", "unknownValue"],
    ]);
    expect(bad.issues[1]?.message).toBe(
      "row 1, column 'norm.fax': the mapping names an unknown field 'norm.fax'; ignored",
    );
    expect(bad.clients[0]).toMatchObject({ id: "Xavier", salesN: 7, potential: null, normOverride: null });
  });

  it("uses the name as id when there is no id column", () => {
    const r = parse.parsePortfolio([
      ["Client", "CA"],
      ["Dupont", 10],
    ]);
    expect(r.clients[0]).toMatchObject({ id: "Dupont", name: "Dupont" });
    expect(r.issues).toEqual([]);
  });

  it("reports missing required columns on the header row", () => {
    const r = parse.parsePortfolio([
      ["Ville", "Notes"],
      ["Lyon", "x"],
    ]);
    expect(codes(r)).toEqual([
      [1, "id", "missingColumn"],
      [1, "salesN", "missingColumn"],
      [2, "id", "missingId"],
    ]);
    expect(r.clients).toHaveLength(1);
    expect(parse.parsePortfolio([]).clients).toEqual([]);
  });

  it("keeps rows without id under a generated id", () => {
    const r = parse.parsePortfolio([
      HEADER,
      ["", "Sans code", "", "", "", 5, "", ""],
      ["ROW-3", "Clash", "", "", "", 1, "", ""],
    ]);
    expect(r.clients.map((c) => c.id)).toEqual(["ROW-2", "ROW-3"]);
    expect(codes(r)).toEqual([[2, "Code client", "missingId"]]);
    expect(r.issues[0]?.message).toBe(
      "row 2, column 'Code client': missing id; the row keeps the generated id 'ROW-2'",
    );
  });

  it("reports both rows of a duplicate id and renames the later one", () => {
    const r = parse.parsePortfolio([
      HEADER,
      ["C1", "a", "", "", "", 1, "", ""],
      ["C2", "b", "", "", "", 1, "", ""],
      ["C1", "c", "", "", "", 1, "", ""],
      ["C1", "d", "", "", "", 1, "", ""],
    ]);
    expect(r.clients.map((c) => c.id)).toEqual(["C1", "C2", "C1#2", "C1#3"]);
    expect(codes(r)).toEqual([
      [2, "Code client", "duplicateId"],
      [4, "Code client", "duplicateId"],
      [5, "Code client", "duplicateId"],
    ]);
    expect(r.issues[1]?.message).toBe(
      "row 4, column 'Code client': id 'C1' already used on row 2; this row becomes 'C1#2'",
    );
  });

  it("reports text, Excel errors and negatives in number columns with row and column", () => {
    const r = parse.parsePortfolio([
      [...HEADER, "Min", "Norme visites"],
      ["C1", "a", "", "", "n/a", "#DIV/0!", -50, "", -1, "-3"],
      ["C2", "b", "#REF!", "", true, -10, "", "", "", ""],
    ]);
    expect(codes(r)).toEqual([
      [2, "CA N-1", "notANumber"],
      [2, "CA N", "excelError"],
      [2, "Potentiel", "negative"],
      [2, "Min", "negative"],
      [2, "Norme visites", "negative"],
      [3, "CP", "excelError"],
      [3, "CA N-1", "notANumber"],
      [3, "CA N", "negative"],
    ]);
    expect(r.clients[0]).toMatchObject({
      salesN1: null,
      salesN: null,
      potential: -50,
      min: null,
      normOverride: null,
    });
    expect(r.clients[1]).toMatchObject({ postalCode: null, salesN: -10 });
    expect(r.issues[0]?.message).toBe("row 2, column 'CA N-1': text 'n/a' is not a number; value ignored");
    expect(parse.formatIssue(r.issues[0], "fr")).toBe(
      "ligne 2, colonne 'CA N-1' : le texte 'n/a' n'est pas un nombre ; valeur ignorée",
    );
  });

  it("infers the decimal separator of a column from its unambiguous cells", () => {
    const r = parse.parsePortfolio([
      ["Code", "CA", "Potentiel"],
      ["a", "12,5", "1,500"],
      ["b", "1,500", "2,000,000"],
    ]);
    expect(r.clients.map((c) => [c.salesN, c.potential])).toEqual([
      [12.5, 1500],
      [1.5, 2000000],
    ]);
    const forced = parse.parsePortfolio(
      [
        ["Code", "CA"],
        ["a", "1.500"],
      ],
      { decimalSeparator: "," },
    );
    expect(forced.clients[0]?.salesN).toBe(1500);
  });

  it("reads segment overrides by id or label and keeps unknown ones with an issue", () => {
    const r = parse.parsePortfolio([
      ["Code", "CA", "Segment forcé"],
      ["a", 1, "Fidéliser"],
      ["b", 1, "at risk"],
      ["c", 1, "VIP"],
    ]);
    expect(r.clients.map((c) => c.segmentOverride)).toEqual(["retain", "atRisk", "VIP"]);
    expect(codes(r)).toEqual([[4, "Segment forcé", "unknownValue"]]);
  });

  it("reads margins as rates", () => {
    const r = parse.parsePortfolio([
      ["Code", "CA", "Marge"],
      ["a", 1, "35"],
      ["b", 1, "35 %"],
      ["c", 1, 0.35],
      ["d", 1, "0,35"],
    ]);
    for (const c of r.clients) expect(c.margin).toBeCloseTo(0.35, 12);
  });

  it("pads numeric postal codes on request and numbers sheet rows from firstRow", () => {
    const r = parse.parsePortfolio(
      [
        ["Code", "CA", "CP"],
        ["a", 1, 1000],
        ["b", 1, "01000"],
      ],
      { postalCodeDigits: 5, firstRow: 4 },
    );
    expect(r.clients.map((c) => [c.postalCode, c.row])).toEqual([
      ["01000", 5],
      ["01000", 6],
    ]);
  });

  it("skips blank rows, handles ragged rows and reports a second column for a field", () => {
    const r = parse.parsePortfolio([
      ["Code", "CA", "Ventes"],
      [],
      ["", "  ", null],
      ["a"],
      ["b", 3, 4, "extra"],
    ]);
    expect(r.clients.map((c) => [c.id, c.salesN, c.row])).toEqual([
      ["a", null, 4],
      ["b", 3, 5],
    ]);
    expect(codes(r)).toEqual([[1, "Ventes", "duplicate"]]);
    expect(r.extraColumns).toEqual([
      { index: 2, header: "Ventes" },
      { index: 3, header: "" },
    ]);
  });

  it("gives every issue a message in English and French", () => {
    const r = parse.parsePortfolio(
      [
        ["Code", "CA", "CA", "Potentiel", "Segment forcé", "Min"],
        ["", "x", 1, "#N/A", "zzz", -1],
        ["a", 1, 1, 1, "", ""],
        ["a", 1, 1, 1, "", ""],
      ],
      { mapping: { max: 40 } },
    );
    const kinds = new Set(r.issues.map((i) => i.code));
    expect([...kinds].sort()).toEqual([
      "duplicate",
      "duplicateId",
      "excelError",
      "missingId",
      "negative",
      "notANumber",
      "unknownValue",
    ]);
    for (const issue of r.issues) {
      const en = parse.issueMessage(issue, "en");
      const fr = parse.issueMessage(issue, "fr");
      expect(en).not.toBe(fr);
      expect(issue.message).toBe(parse.formatIssue(issue, "en"));
      expect(parse.formatIssue(issue, "fr")).toMatch(/^ligne \d+, colonne '/);
      expect(fr).not.toMatch(/undefined/);
      expect(en).not.toMatch(/undefined/);
    }
  });

  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom("", " ", "#N/A", "#VALUE!", "1 234,5", "1,234", "-3", "12%", "(5)", "C1", "C2"),
    fc.double(),
    fc.integer({ min: -100, max: 100 }),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
  );
  const headerCell = fc.oneof(
    fc.constantFrom(
      ...HEADER,
      "CA 2025",
      "CA 2026",
      "Norme visites",
      "Min",
      "Max",
      "Segment forcé",
      "Notes",
      "",
    ),
    cell,
  );
  const grid = fc.tuple(
    fc.array(headerCell, { maxLength: 10 }),
    fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 25 }),
  );

  it("never throws, and every non-blank data row yields exactly one client with a unique id", () => {
    fc.assert(
      fc.property(grid, ([header, rows]) => {
        const r = parse.parsePortfolio([header, ...rows]);
        const nonBlank = rows
          .map((row, i) => ({ row, sheetRow: i + 2 }))
          .filter(({ row }) => row.some((c) => !parse.isBlank(c)));
        expect(r.clients.map((c) => c.row)).toEqual(nonBlank.map((x) => x.sheetRow));
        expect(new Set(r.clients.map((c) => c.id)).size).toBe(r.clients.length);
        for (const c of r.clients) {
          for (const v of [c.salesN, c.salesN1, c.potential, c.margin, c.min, c.max]) {
            if (v !== null) expect(Number.isFinite(v)).toBe(true);
          }
        }
        for (const i of r.issues) expect(i.row).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it("reads a « CA N-1 même période » column for the same-months trend", () => {
    const r = parse.parsePortfolio([
      ["Code client", "CA N-1", "CA N-1 même période", "CA N"],
      ["A1", 1000, 800, 700],
      ["A2", 500, "", 400],
    ]);
    expect(r.issues).toEqual([]);
    expect(r.clients.map((c) => [c.id, c.salesN1, c.salesN1SamePeriod, c.salesN])).toEqual([
      ["A1", 1000, 800, 700],
      ["A2", 500, null, 400],
    ]);
  });
});
