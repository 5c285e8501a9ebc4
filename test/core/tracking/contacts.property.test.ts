import * as fc from "fast-check";
import * as tracking from "../../../src/core/tracking";
import type { CellValue, Grid } from "../../../src/core/types";

const clients = [
  { id: "C1", name: "Alpha SARL" },
  { id: "C2", name: "Beta" },
  { id: "C3", name: "Gamma SAS" },
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom<CellValue>(
    "",
    null,
    true,
    "#N/A",
    "C1",
    "alpha",
    "Beta SA",
    "Zeta",
    "Visite",
    "Appel",
    "Fax",
    "E-mail",
  ),
  fc.constantFrom<CellValue>("2026-03-05", "05/03/2026", "31/02/2026", 46086, 60, -1, "2026-03-05T10:00"),
  fc.string({ maxLength: 6 }),
  fc.double({ noNaN: false }),
);

describe("parseContacts never loses a row (property)", () => {
  it("every non-blank data row is a contact, an unmatched row or a duplicate, exactly once", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 0, maxLength: 5 }), { maxLength: 40 }),
        fc.boolean(),
        (rows, keep) => {
          const grid: Grid = [["Date", "Client", "Canal", "Note"], ...rows];
          const parsed = tracking.parseContacts(grid, clients, { keepDuplicates: keep });
          const blank = (c: CellValue): boolean =>
            c === null || c === undefined || (typeof c === "string" && c.trim() === "");
          const expected = rows.flatMap((r, i) => (r.every(blank) ? [] : [i + 2]));
          const seen = [
            ...parsed.contacts.map((c) => c.row),
            ...parsed.unmatched.map((u) => u.row),
            ...parsed.duplicates.filter(() => !keep).map((d) => d.row),
          ].sort((a, b) => a - b);
          expect(seen).toEqual(expected);
          for (const u of parsed.unmatched) expect(parsed.issues.some((i) => i.row === u.row)).toBe(true);
          for (const c of parsed.contacts) expect(c.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        },
      ),
      { numRuns: 300 },
    );
  });
});
