import fc from "fast-check";
import * as tours from "../../../src/core/tours";

function matrix(points: readonly tours.LatLon[]): tours.Matrix {
  return points.map((a) => Float64Array.from(points.map((b) => tours.haversineKm(a, b))));
}

/** Every order of the stops, tried one by one: the reference for tiny days. */
function bruteForce(d: tours.Matrix): number {
  const n = d.length - 1;
  let best = Infinity;
  const used = new Array<boolean>(n + 1).fill(false);
  const walk = (prev: number, depth: number, length: number): void => {
    if (length >= best) return;
    if (depth === n) {
      best = Math.min(best, length + d[prev][0]);
      return;
    }
    for (let k = 1; k <= n; k++) {
      if (used[k]) continue;
      used[k] = true;
      walk(k, depth + 1, length + d[prev][k]);
      used[k] = false;
    }
  };
  walk(0, 0, 0);
  return best;
}

/** A deterministic pseudo-random cloud of stops around Nantes. */
function cloud(n: number, seed: number, spreadKm = 60): tours.LatLon[] {
  let s = seed >>> 0;
  const next = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const out: tours.LatLon[] = [{ lat: 47.22, lon: -1.55 }];
  for (let i = 0; i < n; i++)
    out.push({
      lat: 47.22 + ((next() - 0.5) * spreadKm) / 55,
      lon: -1.55 + ((next() - 0.5) * spreadKm) / 37,
    });
  return out;
}

const point = fc.record({
  lat: fc.double({ min: 46.5, max: 48, noNaN: true }),
  lon: fc.double({ min: -2.5, max: 0.5, noNaN: true }),
});

describe("shortest round trips", () => {
  it("Held-Karp finds the optimum that trying every order finds (up to 8 stops)", () => {
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 8 }), (stops) => {
        const d = matrix([{ lat: 47.22, lon: -1.55 }, ...stops]);
        const order = tours.heldKarp(d);
        expect([...order].sort((a, b) => a - b)).toEqual(stops.map((_, i) => i + 1));
        expect(tours.tourLength(d, order)).toBeCloseTo(bruteForce(d), 9);
      }),
      { numRuns: 60 },
    );
  });

  it("a day of up to 12 stops is within 0.1 % of its optimum (Held-Karp reference)", () => {
    for (let n = 1; n <= tours.EXACT_LIMIT; n++) {
      for (let seed = 1; seed <= 3; seed++) {
        const d = matrix(cloud(n, seed * 97 + n));
        const optimum = tours.tourLength(d, tours.heldKarp(d));
        expect(tours.tourLength(d, tours.shortestRoundTrip(d))).toBeLessThanOrEqual(optimum * 1.001);
      }
    }
  });

  it("a day of 13 to 15 stops is within 2 % of its exact optimum", () => {
    for (let n = 13; n <= 15; n++) {
      const d = matrix(cloud(n, n * 31));
      const optimum = tours.tourLength(d, tours.heldKarp(d));
      const found = tours.tourLength(d, tours.shortestRoundTrip(d));
      expect(found).toBeLessThanOrEqual(optimum * 1.02);
      expect(found).toBeGreaterThanOrEqual(optimum - 1e-9);
    }
  });

  it("larger days are within 2 % of the best tour known (200 local searches from random starts)", () => {
    for (const n of [20, 30, 40]) {
      const d = matrix(cloud(n, n * 7, 120));
      let s = n;
      let bestKnown = Infinity;
      for (let r = 0; r < 200; r++) {
        const order = Array.from({ length: n }, (_, i) => i + 1);
        for (let i = n - 1; i > 0; i--) {
          s = (Math.imul(s, 1103515245) + 12345) >>> 0;
          const j = s % (i + 1);
          [order[i], order[j]] = [order[j], order[i]];
        }
        bestKnown = Math.min(bestKnown, tours.tourLength(d, tours.improve(d, order)));
      }
      expect(tours.tourLength(d, tours.shortestRoundTrip(d))).toBeLessThanOrEqual(bestKnown * 1.02);
    }
  });
});
