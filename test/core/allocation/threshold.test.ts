import fc from "fast-check";
import * as allocation from "../../../src/core/allocation";
import type { OptimizedClient } from "../../../src/core/allocation";

/** Both the fast threshold search and the plain heap greedy on the same prepared problem. */
function both(clients: readonly OptimizedClient[], capacity: number): [number[], number[]] {
  const ids = clients.map((c) => c.id);
  const b = allocation.readBounds(clients);
  const spread = capacity - b.sumLower;
  const upper = b.upper.map((u, i) => Math.min(u, (b.lower[i] ?? 0) + spread));
  const model = allocation.buildModel(clients, upper);
  const fast = allocation.thresholdUnits(model, b.lower, upper, spread, ids);
  const slow = allocation.greedyUnits(model, b.lower, upper, spread, ids);
  return [Array.from(fast), Array.from(slow)];
}

const shared = [
  { a: 1.2, b: 0.6, c: 0.8 },
  { a: 1.5, b: 0.3, c: 1 },
  { a: 1.5, b: 0, c: 1.8 },
];

const clientArb = fc.record({
  value: fc.oneof(fc.constant(0), fc.constantFrom(100, 1000), fc.double({ min: 1, max: 1e6, noNaN: true })),
  reference: fc.integer({ min: 0, max: 12 }),
  min: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
  max: fc.option(fc.integer({ min: 3, max: 40 }), { nil: null }),
  response: fc.oneof(
    fc.constantFrom(...shared),
    fc.record({
      a: fc.double({ min: 1.05, max: 2, noNaN: true }),
      b: fc.double({ min: 0, max: 0.9, noNaN: true }),
      c: fc.double({ min: 0.3, max: 1, noNaN: true }),
    }),
  ),
});

describe("thresholdUnits", () => {
  it("equals the plain heap greedy on random instances, ties and flat responses included (property)", () => {
    fc.assert(
      fc.property(
        fc.array(clientArb, { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (raw, share) => {
          const clients = raw.map((c, i) => ({ ...c, id: `c${(i * 7919) % 1000}-${i}` }));
          const sumMin = clients.reduce((s, c) => s + (c.min ?? 0), 0);
          const capacity = sumMin + Math.floor(share * 8 * clients.length);
          const maxTotal = clients.reduce((s, c) => s + (c.max ?? Number.POSITIVE_INFINITY), 0);
          fc.pre(capacity <= maxTotal);
          const [fast, slow] = both(clients, capacity);
          expect(fast).toEqual(slow);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("handles masses of identical clients (exact ties, by id)", () => {
    const clients = Array.from({ length: 2000 }, (_, i) => ({
      id: `k${String(1999 - i).padStart(4, "0")}`,
      value: 500,
      reference: 4,
    }));
    const [fast, slow] = both(clients, 5001);
    expect(fast).toEqual(slow);
    expect(fast.reduce((s, x) => s + x, 0)).toBe(5001);
    // 2 units each, then 1001 more to the smallest ids: k0000 … k1000 (at the end of the input).
    expect(fast[1999]).toBe(3);
    expect(fast[0]).toBe(2);
  });

  it("gives units nobody values to the smallest ids", () => {
    const clients = [
      { id: "b", value: 0, reference: 4 },
      { id: "a", value: 100, reference: 0 },
      { id: "c", value: 100, reference: 3, max: 2 },
    ];
    const [fast, slow] = both(clients, 6);
    expect(fast).toEqual(slow);
    expect(fast).toEqual([0, 4, 2]);
  });

  it("equals the greedy on a large realistic instance", () => {
    const clients = Array.from({ length: 5000 }, (_, i) => ({
      id: `r${i}`,
      value: Math.exp(10 + 1.2 * Math.sin(i * 12.9898) * 2),
      reference: 2 + (i % 11),
      max: i % 3 === 0 ? 3 * (2 + (i % 11)) : null,
      min: i % 10 === 0 ? 1 : null,
    }));
    const capacity = Math.round(0.7 * clients.reduce((s, c) => s + c.reference, 0));
    const [fast, slow] = both(clients, capacity);
    expect(fast).toEqual(slow);
  });
});
