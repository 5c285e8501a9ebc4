import * as tours from "../../../src/core/tours";

describe("great-circle distances", () => {
  it("uses the mean Earth radius 6,371.0088 km", () => {
    expect(tours.EARTH_RADIUS_KM).toBe(6371.0088);
    // A quarter meridian is π/2 × R; one degree of the equator is R × π / 180.
    expect(tours.haversineKm({ lat: 0, lon: 0 }, { lat: 90, lon: 0 })).toBeCloseTo(
      (Math.PI / 2) * 6371.0088,
      6,
    );
    expect(tours.haversineKm({ lat: 0, lon: 10 }, { lat: 0, lon: 11 })).toBeCloseTo(111.19508, 4);
  });

  it("is symmetric and zero on the same point", () => {
    const nantes = { lat: 47.2316, lon: -1.5483 };
    const angers = { lat: 47.4819, lon: -0.5629 };
    expect(tours.haversineKm(nantes, angers)).toBeCloseTo(tours.haversineKm(angers, nantes), 10);
    expect(tours.haversineKm(nantes, nantes)).toBe(0);
    // Nantes – Angers, about 79 km as the crow flies.
    expect(tours.haversineKm(nantes, angers)).toBeGreaterThan(75);
    expect(tours.haversineKm(nantes, angers)).toBeLessThan(82);
  });

  it("shows a road estimate of × 1.3 by default, beside the great-circle figure", () => {
    expect(tours.DEFAULT_ROAD_FACTOR).toBe(1.3);
    expect(tours.roadEstimateKm(100)).toBeCloseTo(130, 10);
    expect(tours.roadEstimateKm(100, 1.25)).toBeCloseTo(125, 10);
  });
});
