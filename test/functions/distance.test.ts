/** DISTANCE as Excel calls it: the core's great-circle km between the places of two postal codes. */
import "./support/customFunctions";
import * as tours from "../../src/core/tours";
import * as fns from "../../src/functions/functions";
import { column } from "./support/ranges";

async function excelErrorOfAsync(call: () => Promise<unknown>): Promise<{ code: string; message?: string }> {
  try {
    await call();
  } catch (error: unknown) {
    return error as { code: string; message?: string };
  }
  throw new Error("expected an Excel error");
}

describe("DISTANCE", () => {
  let index: tours.PostcodeIndex;
  beforeAll(async () => {
    index = await tours.loadFranceIndex();
  });
  const km = (a: string, b: string): number =>
    tours.haversineKm(tours.placeBase(index, a) as tours.LatLon, tours.placeBase(index, b) as tours.LatLon);

  test("great-circle km between two postal codes, as the core computes them (Nantes – Angers ≈ 79 km)", async () => {
    const [[d]] = (await fns.distance([["44000"]], [[49000]])) as [[number]];
    expect(d).toBeCloseTo(km("44000", "49000"), 10);
    expect(d).toBeGreaterThan(75);
    expect(d).toBeLessThan(82);
  });

  test("cell by cell over columns, one place against a column, blanks stay blank, the city picks the commune", async () => {
    const out = await fns.distance(column(["44000", "01090 Guéreins", "", 1000]), [["49000"]]);
    expect(out).toEqual(
      column([km("44000", "49000"), km("01090 Guéreins", "49000"), "", km("01000", "49000")]),
    );
    expect(await fns.distance(column(["44000", "47.5, -0.55"]), column(["44000", "47.5, -0.55"]))).toEqual(
      column([0, 0]),
    );
  });

  test("an unknown postal code is #N/A naming it; text that is no place is #VALUE!", async () => {
    const unknown = await excelErrorOfAsync(() => fns.distance([["99999"]], [["44000"]]));
    expect(unknown.code).toBe("#N/A");
    expect(unknown.message).toContain("99999");
    const bad = await excelErrorOfAsync(() => fns.distance(column(["44000", "Nantes"]), [["44000"]]));
    expect(bad.code).toBe("#VALUE!");
    expect(bad.message).toContain("row 2");
    const sizes = await excelErrorOfAsync(() =>
      fns.distance(column(["44000", "49000"]), column(["44000", "49000", "72000"])),
    );
    expect(sizes.code).toBe("#VALUE!");
  });
});
