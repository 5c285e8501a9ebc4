import fc from "fast-check";
import * as allocation from "../../../src/core/allocation";

describe("ADBUDG", () => {
  it("calibrates d so that r(x0) = 1 (worked example: b 0.6, a 1.2, c 0.8 → d 0.5)", () => {
    expect(allocation.calibrateD(1.2, 0.6)).toBeCloseTo(0.5, 12);
    expect(allocation.adbudg(5, 5, { a: 1.2, b: 0.6, c: 0.8 })).toBeCloseTo(1, 12);
    expect(allocation.adbudg(0, 5, { a: 1.2, b: 0.6, c: 0.8 })).toBeCloseTo(0.6, 12);
    expect(allocation.adbudg(1e9, 5, { a: 1.2, b: 0.6, c: 0.8 })).toBeCloseTo(1.2, 3);
  });

  it("is flat at 1 without a reference", () => {
    expect(allocation.adbudg(0, 0, allocation.DEFAULT_ADBUDG)).toBe(1);
    expect(allocation.adbudg(7, 0, allocation.DEFAULT_ADBUDG)).toBe(1);
  });

  it("passes through 1 at the reference for every valid parameter set (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1.01, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        fc.double({ min: 0.5, max: 50, noNaN: true }),
        (a, b, c, x0) => {
          expect(allocation.adbudg(x0, x0, { a, b, c })).toBeCloseTo(1, 9);
        },
      ),
    );
  });

  it("has defaults for every strategic segment, all valid", () => {
    for (const id of ["retain", "develop", "atRisk", "maintain", "prospect"] as const) {
      const p = allocation.DEFAULT_RESPONSE_BY_SEGMENT[id];
      expect(allocation.adbudg(4, 4, p)).toBeCloseTo(1, 12);
    }
  });

  it.each([
    [{ a: 1, b: 0.5, c: 1 }, "response.a"],
    [{ a: 1.2, b: 1, c: 1 }, "response.b"],
    [{ a: 1.2, b: -0.1, c: 1 }, "response.b"],
    [{ a: 1.2, b: 0.5, c: 0 }, "response.c"],
    [{ a: 1.2, b: 0.5, c: 1, d: -1 }, "response.d"],
  ])("rejects %j naming %s", (p, field) => {
    expect(() => allocation.checkParams(p, "k1")).toThrow(allocation.InvalidAllocationInputError);
    expect(() => allocation.checkParams(p, "k1")).toThrow(field);
  });
});
