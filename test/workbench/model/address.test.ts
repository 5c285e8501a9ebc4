import fc from "fast-check";
import {
  columnIndex,
  columnLetters,
  formatRect,
  intersect,
  parseRect,
  quoteSheet,
  splitSheet,
  subtract,
} from "../../../src/workbench/model/address";
import type { Rect } from "../../../src/workbench/model/address";
import { shiftRect } from "../../../src/workbench/model/workbook";

const rectArb = fc
  .record({
    r0: fc.integer({ min: 0, max: 60 }),
    c0: fc.integer({ min: 0, max: 30 }),
    h: fc.integer({ min: 1, max: 20 }),
    w: fc.integer({ min: 1, max: 10 }),
  })
  .map(({ r0, c0, h, w }): Rect => ({ r0, c0, r1: r0 + h - 1, c1: c0 + w - 1 }));

const same = (a: Rect | null, b: Rect | null): boolean =>
  a !== null && b !== null && a.r0 === b.r0 && a.r1 === b.r1 && a.c0 === b.c0 && a.c1 === b.c1;
const area = (r: Rect): number => (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);

describe("addresses", () => {
  it("reads and writes A1 addresses", () => {
    expect(parseRect("B2:D5")).toEqual({ r0: 1, c0: 1, r1: 4, c1: 3 });
    expect(parseRect("$A$1")).toEqual({ r0: 0, c0: 0, r1: 0, c1: 0 });
    expect(formatRect(parseRect("C:D"))).toBe("C:D");
    expect(formatRect(parseRect("3:4"))).toBe("3:4");
    expect(formatRect(parseRect("B2:C3"), true)).toBe("$B$2:$C$3");
    expect(splitSheet("'Contacts export'!A1:B2")).toEqual({ sheet: "Contacts export", local: "A1:B2" });
    expect(quoteSheet("Contacts export")).toBe("'Contacts export'");
    expect(() => parseRect("A0")).toThrow(/Invalid address/);
  });

  it("round-trips column letters and rectangles", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 16_383 }), (c) => columnIndex(columnLetters(c)) === c));
    fc.assert(fc.property(rectArb, (rect) => same(parseRect(formatRect(rect)), rect)));
  });

  it("subtracts into disjoint parts that with the intersection cover the rectangle", () => {
    fc.assert(
      fc.property(rectArb, rectArb, (a, b) => {
        const parts = subtract(a, b);
        const cut = intersect(a, b);
        const disjoint = parts.every((p, i) => parts.every((q, j) => i === j || intersect(p, q) === null));
        const outside = parts.every((p) => cut === null || intersect(p, cut) === null);
        return (
          disjoint && outside && parts.reduce((s, p) => s + area(p), 0) + (cut ? area(cut) : 0) === area(a)
        );
      }),
    );
  });

  it("undoes an insertion of rows with the matching deletion", () => {
    fc.assert(
      fc.property(
        rectArb,
        fc.integer({ min: 0, max: 80 }),
        fc.integer({ min: 1, max: 10 }),
        (rect, at, n) => {
          const inserted = shiftRect(rect, at, n, 0, 16_383);
          return (
            inserted !== null &&
            JSON.stringify(shiftRect(inserted, at, -n, 0, 16_383)) === JSON.stringify(rect)
          );
        },
      ),
    );
  });
});
