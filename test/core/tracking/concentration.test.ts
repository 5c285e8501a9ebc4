import * as fc from "fast-check";
import * as tracking from "../../../src/core/tracking";

const client = (
  id: string,
  salesN: number,
  potential: number,
  effort: number,
): tracking.ConcentrationClient => ({ id, salesN, potential, effort });

describe("effort concentration", () => {
  it("divides the top 20 % clients' share of effort by their share of potential", () => {
    // 10 clients: top 2 by salesN are a and b (tie on salesN 90 between b and c broken by id).
    const clients = [
      client("a", 100, 30, 40),
      client("c", 90, 10, 5),
      client("b", 90, 10, 20),
      ...["d", "e", "f", "g", "h", "i", "j"].map((id) => client(id, 10, 50 / 7, 5)),
    ];
    const c = tracking.concentrationOf(clients);
    expect(c.topIds).toEqual(["a", "b"]);
    expect(c.topEffortShare).toBeCloseTo(60 / 100, 12);
    expect(c.topPotentialShare).toBeCloseTo(40 / 100, 12);
    expect(c.topRatio).toBeCloseTo(1.5, 12);
  });

  it("takes at least one client as the top (rounding 20 % up)", () => {
    expect(tracking.topIds([client("x", 1, 1, 1), client("y", 2, 1, 1), client("z", 3, 1, 1)])).toEqual([
      "z",
    ]);
    expect(tracking.topIds([])).toEqual([]);
    const ten = Array.from({ length: 10 }, (_, i) => client(`k${i}`, i, 1, 1));
    expect(tracking.topIds(ten, 0.3)).toEqual(["k9", "k8", "k7"]);
  });

  it("has Gini 0 when contacts are proportional to potential", () => {
    const c = tracking.concentrationOf([
      client("a", 1, 10, 5),
      client("b", 1, 30, 15),
      client("c", 1, 60, 30),
    ]);
    expect(c.gini).toBeCloseTo(0, 12);
    expect(c.curve!.map((p) => [p.x, p.y])).toEqual([
      [0, 0],
      [0.1, 0.1],
      [0.4, 0.4],
      [1, 1],
    ]);
  });

  it("sorts the Lorenz curve by contacts per potential, unserved potential first, effort without potential last", () => {
    const c = tracking.concentrationOf([
      client("full", 1, 50, 10),
      client("none", 1, 50, 0),
      client("nopot", 1, 0, 10),
    ]);
    expect(c.curve!.map((p) => [p.clientId, p.x, p.y])).toEqual([
      [null, 0, 0],
      ["none", 0.5, 0],
      ["full", 1, 0.5],
      ["nopot", 1, 1],
    ]);
    // Area under the curve = 0.5 × 0.5 / 2 = 0.125 → Gini = 1 − 2 × 0.125.
    expect(c.gini).toBeCloseTo(0.75, 12);
  });

  it("keeps Gini in [0, 1] and the curve monotone from (0,0) to (1,1) (property)", () => {
    const arb = fc.array(
      fc.record({
        salesN: fc.nat(1000),
        potential: fc.nat(1000),
        effort: fc.oneof(fc.nat(50), fc.double({ min: 0, max: 50, noNaN: true })),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const c = tracking.concentrationOf(
          rows.map((r, i) => client(`c${i}`, r.salesN, r.potential, r.effort)),
        );
        if (c.curve === null) {
          expect(c.gini).toBeNull();
          return;
        }
        expect(c.gini).toBeGreaterThanOrEqual(0);
        expect(c.gini).toBeLessThanOrEqual(1);
        expect(c.curve[0]).toEqual({ x: 0, y: 0, clientId: null });
        const last = c.curve[c.curve.length - 1];
        expect(last.x).toBeCloseTo(1, 9);
        expect(last.y).toBeCloseTo(1, 9);
        for (let k = 1; k < c.curve.length; k++) {
          expect(c.curve[k].x).toBeGreaterThanOrEqual(c.curve[k - 1].x);
          expect(c.curve[k].y).toBeGreaterThanOrEqual(c.curve[k - 1].y);
        }
      }),
      { numRuns: 200 },
    );
  });
});
