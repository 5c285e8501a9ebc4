import fc from "fast-check";
import { coreErrorText } from "../../../src/core/errorText";
import * as allocation from "../../../src/core/allocation";

const units = (r: allocation.AllocationResult): Record<string, number> =>
  Object.fromEntries(r.allocations.map((a) => [a.id, a.units]));

describe("allocateByNorms", () => {
  it("reproduces the worked example: a 10, b 10, c 8, d 3, capacity 20 → a 7, b 6, c 5, d 2", () => {
    const r = allocation.allocateByNorms({
      clients: [
        { id: "b", demand: 10 },
        { id: "a", demand: 10 },
        { id: "c", demand: 8 },
        { id: "d", demand: 3 },
      ],
      capacity: 20,
    });
    expect(units(r)).toEqual({ a: 7, b: 6, c: 5, d: 2 });
    expect(r.allocations.map((a) => a.id)).toEqual(["b", "a", "c", "d"]); // input order
    expect(r.total).toBe(20);
    expect(r.spare).toBe(0);
    expect(r.method).toBe("norms");
    expect(r.shadowPrice).toBeNull();
    expect(r.allocations[1]?.explanation.target).toBeCloseTo(200 / 31, 9);
    expect(r.notes[0]).toContain("scaled");
    expect(r.notesFr[0]).toContain("réduites");
  });

  it("compares remainders exactly (domain.md counterexamples)", () => {
    const norms = (demands: Record<string, number>, capacity: number) =>
      units(
        allocation.allocateByNorms({
          clients: Object.entries(demands).map(([id, demand]) => ({ id, demand })),
          capacity,
        }),
      );
    // 15·25/35: a, b and d tie exactly at 25/35; floats put b behind a and d.
    expect(norms({ a: 15, b: 1, c: 4, d: 15 }, 25)).toEqual({ a: 11, b: 1, c: 3, d: 10 });
    // a and c tie exactly at 28/60, a first by id.
    expect(norms({ a: 22, b: 27, c: 7, d: 4 }, 4)).toEqual({ a: 2, b: 2, c: 0, d: 0 });
    // Decimal demands (a norm override of 1.5) are read as the decimals they are.
    // Floats make c 0.5000000000000001 and a 0.4999999999999998; exactly they tie at 1/2.
    expect(norms({ a: 3.3, b: 2.2, c: 1.1 }, 3)).toEqual({ a: 2, b: 1, c: 0 });
    expect(norms({ b: 1.5, a: 1.5, c: 1 }, 2)).toEqual({ a: 1, b: 1, c: 0 });
  });

  it("ranks remainders as the integers (demand × capacity) mod Σ demand, ties by id (property)", () => {
    const arb = fc.uniqueArray(
      fc.record({ id: fc.string({ minLength: 1, maxLength: 2 }), demand: fc.integer({ min: 0, max: 40 }) }),
      { selector: (c) => c.id, minLength: 1, maxLength: 10 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 120 }), (clients, capacity) => {
        const total = clients.reduce((s, c) => s + c.demand, 0);
        fc.pre(total > capacity);
        const order = clients
          .map((c, i) => ({ i, id: c.id, rem: (c.demand * capacity) % total }))
          .sort((p, q) => q.rem - p.rem || (p.id < q.id ? -1 : p.id > q.id ? 1 : 0));
        const expected = clients.map((c) => Math.floor((c.demand * capacity) / total));
        let missing = capacity - expected.reduce((s, x) => s + x, 0);
        for (const o of order) if (missing-- > 0) expected[o.i] = (expected[o.i] ?? 0) + 1;
        const r = allocation.allocateByNorms({ clients, capacity });
        expect(r.allocations.map((a) => a.units)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("lets the norms stand below the capacity and reports the spare", () => {
    const r = allocation.allocateByNorms({
      clients: [
        { id: "a", demand: 10, max: 8 },
        { id: "b", demand: 2, min: 3 },
      ],
      capacity: 20,
    });
    expect(units(r)).toEqual({ a: 8, b: 3 });
    expect(r.spare).toBe(9);
    expect(r.allocations.map((a) => a.explanation.binding)).toEqual(["max", "min"]);
  });

  it("fills the spare in proportion to potential when asked", () => {
    const r = allocation.allocateByNorms({
      clients: [
        { id: "a", demand: 4, potential: 300 },
        { id: "b", demand: 4, potential: 100 },
        { id: "c", demand: 2, potential: null },
      ],
      capacity: 18,
      fillSpare: true,
    });
    expect(units(r)).toEqual({ a: 10, b: 6, c: 2 });
    expect(r.spare).toBe(0);
  });

  it("keeps a spare when potentials cannot take it", () => {
    const r = allocation.allocateByNorms({
      clients: [
        { id: "a", demand: 4, potential: 300, max: 5 },
        { id: "b", demand: 4, potential: 0 },
      ],
      capacity: 12,
      fillSpare: true,
    });
    expect(units(r)).toEqual({ a: 5, b: 4 });
    expect(r.spare).toBe(3);
    expect(r.notes[0]).toContain("remain");
  });

  it("holds clients at their bounds while scaling and redistributes the rest", () => {
    const r = allocation.allocateByNorms({
      clients: [
        { id: "a", demand: 10, max: 4 },
        { id: "b", demand: 10 },
        { id: "c", demand: 2, min: 3 },
      ],
      capacity: 15,
    });
    // a held at 4, c at 3, b takes the remaining 8.
    expect(units(r)).toEqual({ a: 4, b: 8, c: 3 });
  });

  it("scales down when minimums push the clamped norms above the capacity", () => {
    const r = allocation.allocateByNorms({
      clients: [
        { id: "a", demand: 1, min: 3 },
        { id: "b", demand: 5 },
      ],
      capacity: 6,
    });
    expect(units(r)).toEqual({ a: 3, b: 3 });
  });

  it("throws InfeasibleAllocationError with the numbers", () => {
    const tooManyMins = () =>
      allocation.allocateByNorms({
        clients: [
          { id: "a", demand: 5, min: 4 },
          { id: "b", demand: 5, min: 4, max: 6 },
        ],
        capacity: 7,
      });
    expect(tooManyMins).toThrow(allocation.InfeasibleAllocationError);
    expect(tooManyMins).toThrow(/minimums add up to 8/);
    try {
      allocation.allocateByNorms({
        clients: [
          { id: "a", demand: 10, max: 3 },
          { id: "b", demand: 10, max: 4 },
        ],
        capacity: 12,
      });
      throw new Error("should have thrown");
    } catch (e) {
      expect(e).toBeInstanceOf(allocation.InfeasibleAllocationError);
      const err = e as allocation.InfeasibleAllocationError;
      expect([err.capacity, err.minimumNeeded, err.maximumAllowed]).toEqual([12, 0, 7]);
      expect(err.message).toContain("allow only 7");
      expect(coreErrorText(err, "fr")).toContain("7");
    }
  });

  it("rejects bad input naming the client and field", () => {
    expect(() => allocation.allocateByNorms({ clients: [{ id: "x", demand: -1 }], capacity: 5 })).toThrow(
      allocation.InvalidAllocationInputError,
    );
    expect(() =>
      allocation.allocateByNorms({ clients: [{ id: "x", demand: 1, min: 5, max: 2 }], capacity: 5 }),
    ).toThrow(/client "x", min/);
    expect(() =>
      allocation.allocateByNorms({ clients: [{ id: "x", demand: Number.NaN }], capacity: 5 }),
    ).toThrow(/demand/);
    expect(() => allocation.allocateByNorms({ clients: [], capacity: 2.5 })).toThrow(/capacity/);
  });

  it("uses a capacity equal to the sum of the maximums, whatever the float sums say", () => {
    // Found by the property below: the water level's walk reached 117.99999999999999, not 118.
    const pairs: [number, number][] = [
      [8, 14],
      [8, 6],
      [15, 7],
      [20, 23],
      [18, 8],
      [18, 21],
      [19, 19],
      [1, 7],
      [12, 13],
    ];
    const clients = pairs.map(([demand, max], i) => ({ id: `c${i}`, demand, max }));
    const r = allocation.allocateByNorms({ clients, capacity: 118, fillSpare: true });
    expect(r.total).toBe(118);
    expect(r.allocations.map((a) => a.units)).toEqual(clients.map((c) => c.max));
  });

  const clientsArb = fc.uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 3 }),
      demand: fc.integer({ min: 0, max: 20 }),
      min: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
      max: fc.option(fc.integer({ min: 6, max: 25 }), { nil: null }),
      potential: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
    }),
    { selector: (c) => c.id, minLength: 1, maxLength: 12 },
  );

  it("uses exactly the capacity when the demands exceed it, within bounds (property)", () => {
    fc.assert(
      fc.property(clientsArb, fc.integer({ min: 0, max: 150 }), (clients, capacity) => {
        const sumMin = clients.reduce((s, c) => s + (c.min ?? 0), 0);
        const sumDemand = clients.reduce((s, c) => s + c.demand, 0);
        let r: allocation.AllocationResult;
        try {
          r = allocation.allocateByNorms({ clients, capacity, fillSpare: true });
        } catch (e) {
          expect(e).toBeInstanceOf(allocation.InfeasibleAllocationError);
          const err = e as allocation.InfeasibleAllocationError;
          expect(err.minimumNeeded > capacity || err.maximumAllowed < capacity).toBe(true);
          return;
        }
        expect(sumMin).toBeLessThanOrEqual(capacity);
        for (const [i, a] of r.allocations.entries()) {
          const c = clients[i];
          expect(a.id).toBe(c.id);
          expect(Number.isInteger(a.units)).toBe(true);
          expect(a.units).toBeGreaterThanOrEqual(c.min ?? 0);
          expect(a.units).toBeLessThanOrEqual(c.max ?? Number.POSITIVE_INFINITY);
        }
        expect(r.total).toBe(r.allocations.reduce((s, a) => s + a.units, 0));
        if (sumDemand > capacity) expect(r.total).toBe(capacity);
        else expect(r.total).toBeLessThanOrEqual(capacity);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps ratios within rounding when no bound binds (property)", () => {
    const unbounded = fc.uniqueArray(
      fc.record({ id: fc.string({ minLength: 1, maxLength: 3 }), demand: fc.integer({ min: 0, max: 50 }) }),
      { selector: (c) => c.id, minLength: 1, maxLength: 15 },
    );
    fc.assert(
      fc.property(unbounded, fc.integer({ min: 0, max: 400 }), (clients, capacity) => {
        const sumDemand = clients.reduce((s, c) => s + c.demand, 0);
        fc.pre(sumDemand > capacity);
        const r = allocation.allocateByNorms({ clients, capacity });
        expect(r.total).toBe(capacity);
        r.allocations.forEach((a, i) => {
          const exact = ((clients[i]?.demand ?? 0) * capacity) / sumDemand;
          expect(Math.abs(a.units - exact)).toBeLessThan(1);
        });
      }),
      { numRuns: 300 },
    );
  });
});
