import fc from "fast-check";
import * as segment from "../../../src/core/segment";
import type { AbcClass } from "../../../src/core/types";

const rank: Record<AbcClass, number> = { A: 0, B: 1, C: 2 };

describe("abc", () => {
  it("follows the domain page's worked example", () => {
    const r = segment.abc([
      { id: "f", value: 2 },
      { id: "a", value: 50 },
      { id: "c", value: 10 },
      { id: "b", value: 30 },
      { id: "e", value: 3 },
      { id: "d", value: 5 },
    ]);
    const got = Object.fromEntries([...r].map(([id, x]) => [id, [x.class, x.cumulativeBefore]]));
    expect(got).toEqual({
      a: ["A", 0],
      b: ["A", 0.5],
      c: ["B", 0.8],
      d: ["B", 0.9],
      e: ["C", 0.95],
      f: ["C", 0.98],
    });
  });
  it("puts blank, zero and negative values in C with noSales", () => {
    const r = segment.abc([
      { id: "x", value: null },
      { id: "y", value: 0 },
      { id: "z", value: -5 },
      { id: "w", value: 10 },
    ]);
    for (const id of ["x", "y", "z"])
      expect(r.get(id)).toEqual({ class: "C", cumulativeBefore: 1, noSales: true });
    expect(r.get("w")).toEqual({ class: "A", cumulativeBefore: 0, noSales: false });
  });
  it("breaks ties by id ascending in code-unit order", () => {
    // "B" < "a" in code units; with a = 0.5 only the first-ranked of two equal values is A.
    const r = segment.abc(
      [
        { id: "a", value: 10 },
        { id: "B", value: 10 },
      ],
      { a: 0.5, b: 0.5 },
    );
    expect(r.get("B")?.class).toBe("A");
    expect(r.get("a")?.class).toBe("C");
  });
  it("respects custom thresholds", () => {
    const r = segment.abc(
      [
        { id: "a", value: 50 },
        { id: "b", value: 50 },
      ],
      { a: 0.4, b: 0.5 },
    );
    expect(r.get("b")?.class).toBe("C");
  });
  it("returns an empty map for no items", () => {
    expect(segment.abc([]).size).toBe(0);
  });

  const items = fc
    .uniqueArray(
      fc.record({ id: fc.string({ maxLength: 4 }), value: fc.option(fc.integer({ min: -5, max: 1000 })) }),
      {
        selector: (i) => i.id,
        maxLength: 40,
      },
    )
    .map((xs) => xs.map((x) => ({ id: x.id, value: x.value ?? null })));

  it("is monotone: a higher value never gets a worse class", () => {
    fc.assert(
      fc.property(items, (xs) => {
        const r = segment.abc(xs);
        for (const x of xs) {
          for (const y of xs) {
            if ((x.value ?? 0) > (y.value ?? 0)) {
              expect(rank[r.get(x.id)!.class]).toBeLessThanOrEqual(rank[r.get(y.id)!.class]);
            }
          }
        }
      }),
    );
  });
  it("does not depend on input order", () => {
    fc.assert(
      fc.property(
        items.chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length }))),
        ([xs, shuffled]) => {
          expect(segment.abc(shuffled)).toEqual(segment.abc(xs));
        },
      ),
    );
  });
  it("classes every item, and A holds at least the first item of a positive portfolio", () => {
    fc.assert(
      fc.property(items, (xs) => {
        const r = segment.abc(xs);
        expect(r.size).toBe(xs.length);
        const positive = xs.filter((x) => (x.value ?? 0) > 0);
        if (positive.length > 0) expect([...r.values()].some((x) => x.class === "A")).toBe(true);
      }),
    );
  });
});

describe("measures", () => {
  it("computes share of wallet and trend, null when undefined", () => {
    expect(segment.shareOfWallet(50, 200)).toBe(0.25);
    expect(segment.shareOfWallet(50, 0)).toBeNull();
    expect(segment.shareOfWallet(null, 10)).toBeNull();
    expect(segment.shareOfWallet(5, null)).toBeNull();
    expect(segment.trend(90, 100)).toBeCloseTo(-0.1, 12);
    expect(segment.trend(0, 100)).toBe(-1);
    expect(segment.trend(10, 0)).toBeNull();
    expect(segment.trend(null, 10)).toBeNull();
  });
});

describe("crossAbc", () => {
  const c = (id: string, salesN: number | null, potential: number | null) => ({ id, salesN, potential });
  it("crosses sales and potential classes and maps them through the table", () => {
    const clients = [c("a", 80, 10), c("b", 15, 80), c("c", 5, 10)];
    const r = segment.crossAbc(clients);
    expect(r.get("a")).toEqual({ sales: "A", potential: "B", cell: "AB", strategy: "retain" });
    expect(r.get("b")).toEqual({ sales: "B", potential: "A", cell: "BA", strategy: "develop" });
    expect(r.get("c")?.cell).toBe("CB");
  });
  it("uses a user table", () => {
    const table = { ...segment.DEFAULT_CROSS_TABLE, CC: "drop" };
    expect(segment.crossAbc([c("x", null, null), c("y", 10, 10)], undefined, table).get("x")?.strategy).toBe(
      "drop",
    );
  });
  it("has a default for all nine cells", () => {
    for (const cell of segment.CROSS_CELLS) expect(segment.DEFAULT_CROSS_TABLE[cell]).toMatch(/\w+/);
  });
});

describe("crossAbc properties", () => {
  const clients = fc
    .uniqueArray(
      fc.record({
        id: fc.string({ maxLength: 3 }),
        salesN: fc.option(fc.integer({ min: -5, max: 500 })),
        potential: fc.option(fc.integer({ min: -5, max: 500 })),
      }),
      { selector: (c) => c.id, maxLength: 30 },
    )
    .map((cs) => cs.map((c) => ({ id: c.id, salesN: c.salesN ?? null, potential: c.potential ?? null })));
  it("crosses exactly the two ABC rankings", () => {
    fc.assert(
      fc.property(clients, (cs) => {
        const cross = segment.crossAbc(cs);
        const bySales = segment.abc(cs.map((c) => ({ id: c.id, value: c.salesN })));
        const byPotential = segment.abc(cs.map((c) => ({ id: c.id, value: c.potential })));
        for (const c of cs) {
          const r = cross.get(c.id)!;
          expect(r.cell).toBe(`${bySales.get(c.id)!.class}${byPotential.get(c.id)!.class}`);
          expect(r.strategy).toBe(segment.DEFAULT_CROSS_TABLE[r.cell]);
        }
      }),
    );
  });
});

describe("abc cumulative shares", () => {
  it("never decrease along the ranking and stay in [0, 1]", () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: -3, max: 100 })), { maxLength: 30 }), (values) => {
        const items = values.map((v, i) => ({ id: `c${String(i).padStart(2, "0")}`, value: v ?? null }));
        const r = segment.abc(items);
        const ordered = [...items].sort(
          (x, y) => (y.value ?? 0) - (x.value ?? 0) || segment.compareIds(x.id, y.id),
        );
        let previous = 0;
        for (const item of ordered) {
          const s = r.get(item.id)!.cumulativeBefore;
          expect(s).toBeGreaterThanOrEqual(previous);
          expect(s).toBeLessThanOrEqual(1);
          previous = s;
        }
      }),
    );
  });
});
