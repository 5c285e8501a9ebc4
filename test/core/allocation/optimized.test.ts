import fc from "fast-check";
import { coreErrorText } from "../../../src/core/errorText";
import * as allocation from "../../../src/core/allocation";
import type { OptimizedClient } from "../../../src/core/allocation";

const units = (r: allocation.AllocationResult): number[] => r.allocations.map((a) => a.units);

function objectiveOf(clients: readonly OptimizedClient[], xs: readonly number[]): number {
  return clients.reduce(
    (s, c, i) =>
      s + c.value * allocation.adbudg(xs[i] ?? 0, c.reference, c.response ?? allocation.DEFAULT_ADBUDG),
    0,
  );
}

/** Best objective over every integer allocation within bounds that sums to the capacity. */
function exhaustive(clients: readonly OptimizedClient[], capacity: number): number {
  let best = Number.NEGATIVE_INFINITY;
  const xs: number[] = [];
  const walk = (i: number, left: number): void => {
    if (i === clients.length) {
      if (left === 0) best = Math.max(best, objectiveOf(clients, xs));
      return;
    }
    const c = clients[i];
    const lo = Math.ceil(c.min ?? 0);
    const hi = Math.min(left, Math.floor(c.max ?? left));
    for (let x = lo; x <= hi; x++) {
      xs[i] = x;
      walk(i + 1, left - x);
    }
  };
  walk(0, capacity);
  return best;
}

/** The exhaustive optimum on small problems, +∞ (no check) on larger ones. */
function exhaustiveIfSmall(clients: readonly OptimizedClient[], capacity: number): number {
  return clients.length <= 5 && capacity <= 15 ? exhaustive(clients, capacity) : Number.POSITIVE_INFINITY;
}

const concave = fc.record({
  a: fc.double({ min: 1.05, max: 2, noNaN: true }),
  b: fc.double({ min: 0, max: 0.9, noNaN: true }),
  c: fc.double({ min: 0.3, max: 1, noNaN: true }),
});

const client = (response: fc.Arbitrary<allocation.AdbudgParams>) =>
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 2 }),
    value: fc.oneof(
      fc.constant(0),
      fc.integer({ min: 1, max: 1000 }),
      fc.double({ min: 0.5, max: 1e5, noNaN: true }),
    ),
    reference: fc.integer({ min: 0, max: 12 }),
    min: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
    max: fc.option(fc.integer({ min: 3, max: 20 }), { nil: null }),
    response,
  });

const instance = (maxClients: number, maxCapacity: number, response = concave) =>
  fc.record({
    clients: fc.uniqueArray(client(response), { selector: (c) => c.id, minLength: 1, maxLength: maxClients }),
    capacity: fc.integer({ min: 0, max: maxCapacity }),
  });

const feasible = (p: { clients: readonly OptimizedClient[]; capacity: number }): boolean =>
  p.clients.reduce((s, c) => s + (c.min ?? 0), 0) <= p.capacity &&
  p.clients.reduce((s, c) => s + (c.max ?? Number.POSITIVE_INFINITY), 0) >= p.capacity;

describe("allocateOptimized", () => {
  it("gives the next unit to the client it is worth most to", () => {
    const response = { a: 1.2, b: 0.6, c: 0.8 };
    const clients = [
      { id: "big", value: 100_000, reference: 6, response },
      { id: "small", value: 10_000, reference: 6, response },
      { id: "none", value: 0, reference: 6, response },
    ];
    const r = allocation.allocateOptimized({ clients, capacity: 12 });
    expect(r.method).toBe("optimized");
    expect(r.total).toBe(12);
    expect(r.spare).toBe(0);
    const [big, small, none] = units(r);
    expect(big + small + none).toBe(12);
    expect(big).toBeGreaterThan(small);
    expect(none).toBe(0);
    expect(r.objective).toBeCloseTo(exhaustive(clients, 12), 6);
    expect(r.notes.join(" ")).toContain("no value");
  });

  it("explains each client and prices one more unit of capacity", () => {
    const clients = [
      { id: "a", value: 50_000, reference: 8 },
      { id: "b", value: 20_000, reference: 4, max: 2 },
      { id: "c", value: 5_000, reference: 4, min: 3 },
    ];
    const r = allocation.allocateOptimized({ clients, capacity: 10 });
    const [a, b, c] = r.allocations;
    expect(b.units).toBe(2);
    expect(b.explanation.binding).toBe("max");
    expect(b.explanation.nextUnitValue).toBeNull();
    expect(c.units).toBe(3);
    expect(c.explanation.binding).toBe("min");
    expect(a.explanation.binding).toBeNull();
    const rA = (x: number) => 50_000 * allocation.adbudg(x, 8, allocation.DEFAULT_ADBUDG);
    const xa = a.units;
    expect(a.explanation.lastUnitValue).toBeCloseTo(rA(xa) - rA(xa - 1), 6);
    expect(a.explanation.nextUnitValue).toBeCloseTo(rA(xa + 1) - rA(xa), 6);
    expect(r.shadowPrice).toBe(Math.max(a.explanation.nextUnitValue ?? 0, c.explanation.nextUnitValue ?? 0));
  });

  it("throws InfeasibleAllocationError quoting the numbers", () => {
    const clients = [
      { id: "a", value: 1, reference: 2, min: 3, max: 4 },
      { id: "b", value: 1, reference: 2, min: 2, max: 3 },
    ];
    expect(() => allocation.allocateOptimized({ clients, capacity: 4 })).toThrow(/minimums add up to 5/);
    expect(() => allocation.allocateOptimized({ clients, capacity: 8 })).toThrow(/allow only 7/);
    try {
      allocation.allocateOptimized({ clients, capacity: 8 });
    } catch (e) {
      expect(e).toBeInstanceOf(allocation.InfeasibleAllocationError);
      expect(coreErrorText(e as allocation.InfeasibleAllocationError, "fr")).toContain("7");
    }
  });

  it("rejects bad input naming the client", () => {
    expect(() =>
      allocation.allocateOptimized({ clients: [{ id: "k", value: -1, reference: 2 }], capacity: 1 }),
    ).toThrow(/client "k", value/);
    expect(() =>
      allocation.allocateOptimized({
        clients: [{ id: "k", value: 1, reference: 2, response: { a: 0.9, b: 0.5, c: 1 } }],
        capacity: 1,
      }),
    ).toThrow(/response\.a/);
  });

  it("uses the concave envelope for S-shaped responses and says so", () => {
    const s = { a: 1.5, b: 0, c: 2.5 };
    const clients = [
      { id: "p1", value: 1000, reference: 4, response: s },
      { id: "p2", value: 900, reference: 4, response: s },
      { id: "p3", value: 800, reference: 4, response: s },
    ];
    const r = allocation.allocateOptimized({ clients, capacity: 9 });
    expect(r.total).toBe(9);
    expect(r.notes.join(" ")).toContain("S-shaped");
    expect(r.notesFr.join(" ")).toContain("enveloppe concave");
    // On the envelope, units 1–4 of each client are worth its chord's slope (250, 225, 200), so
    // the greedy leaves p3 one unit along its chord (4, 4, 1); the local search then moves it.
    expect(units(r)).toEqual([5, 4, 0]);
    expect(r.objective).toBeCloseTo(exhaustive(clients, 9), 9);
    expect(r.notes.join(" ")).toContain("local search");
  });

  it("never does worse than the plain envelope greedy on S-shaped responses, within bounds (property)", () => {
    const sShaped = fc.record({
      a: fc.double({ min: 1.05, max: 2, noNaN: true }),
      b: fc.double({ min: 0, max: 0.9, noNaN: true }),
      c: fc.double({ min: 0.3, max: 4, noNaN: true }),
    });
    fc.assert(
      fc.property(instance(7, 40, sShaped), (p) => {
        fc.pre(feasible(p));
        const r = allocation.allocateOptimized(p);
        expect(r.total).toBe(p.capacity);
        expect(units(r).reduce((s, x) => s + x, 0)).toBe(p.capacity);
        r.allocations.forEach((a, i) => {
          expect(a.units).toBeGreaterThanOrEqual(p.clients[i]?.min ?? 0);
          expect(a.units).toBeLessThanOrEqual(p.clients[i]?.max ?? Number.POSITIVE_INFINITY);
        });
        const ids = p.clients.map((c) => c.id);
        const b = allocation.readBounds(p.clients);
        const spread = p.capacity - b.sumLower;
        const upper = b.upper.map((u, i) => Math.min(u, (b.lower[i] ?? 0) + spread));
        const plain = Array.from(
          allocation.greedyUnits(allocation.buildModel(p.clients, upper), b.lower, upper, spread, ids),
        );
        const plainObjective = objectiveOf(p.clients, plain);
        expect(r.objective ?? 0).toBeGreaterThanOrEqual(plainObjective - 1e-9 * Math.abs(plainObjective));
        expect(r.objective ?? 0).toBeLessThanOrEqual(
          exhaustiveIfSmall(p.clients, p.capacity) + 1e-9 * Math.abs(plainObjective),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("sums to the capacity and respects every bound (property)", () => {
    fc.assert(
      fc.property(instance(8, 60), (p) => {
        fc.pre(feasible(p));
        const r = allocation.allocateOptimized(p);
        expect(r.total).toBe(p.capacity);
        expect(units(r).reduce((s, x) => s + x, 0)).toBe(p.capacity);
        r.allocations.forEach((a, i) => {
          const c = p.clients[i];
          expect(a.id).toBe(c.id);
          expect(Number.isInteger(a.units)).toBe(true);
          expect(a.units).toBeGreaterThanOrEqual(c.min ?? 0);
          expect(a.units).toBeLessThanOrEqual(c.max ?? Number.POSITIVE_INFINITY);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("throws the typed error exactly when bounds are infeasible (property)", () => {
    fc.assert(
      fc.property(instance(6, 40), (p) => {
        if (feasible(p)) {
          expect(() => allocation.allocateOptimized(p)).not.toThrow();
        } else {
          expect(() => allocation.allocateOptimized(p)).toThrow(allocation.InfeasibleAllocationError);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("matches an exhaustive search on small concave instances (property)", () => {
    fc.assert(
      fc.property(instance(6, 15), (p) => {
        fc.pre(feasible(p));
        const r = allocation.allocateOptimized(p);
        const best = exhaustive(p.clients, p.capacity);
        expect(Math.abs((r.objective ?? 0) - best)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(best)));
      }),
      { numRuns: 300 },
    );
  });

  it("never gives fewer units to a client with more value and the same parameters (property)", () => {
    fc.assert(
      fc.property(
        instance(6, 50),
        fc.double({ min: 1, max: 1e4, noNaN: true }),
        fc.double({ min: 1.01, max: 3, noNaN: true }),
        (p, value, factor) => {
          const response = { a: 1.3, b: 0.5, c: 0.8 };
          const clients = [
            ...p.clients,
            { id: "~lo", value, reference: 6, response },
            { id: "~hi", value: value * factor, reference: 6, response },
          ];
          const problem = { clients, capacity: p.capacity };
          fc.pre(feasible(problem));
          const r = units(allocation.allocateOptimized(problem));
          expect(r[clients.length - 1]).toBeGreaterThanOrEqual(r[clients.length - 2] ?? 0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("keeps every unit it gave worth at least every unit it did not (property)", () => {
    fc.assert(
      fc.property(instance(10, 80), (p) => {
        fc.pre(feasible(p));
        const r = allocation.allocateOptimized(p);
        const given = r.allocations.filter((a, i) => a.units > Math.ceil(p.clients[i]?.min ?? 0));
        const open = r.allocations
          .map((a) => a.explanation.nextUnitValue)
          .filter((v): v is number => v !== null);
        const shadow = open.length > 0 ? Math.max(...open) : null;
        expect(r.shadowPrice).toBe(shadow);
        for (const a of given)
          expect(a.explanation.lastUnitValue ?? 0).toBeGreaterThanOrEqual((shadow ?? 0) - 1e-12);
      }),
      { numRuns: 200 },
    );
  });
});
