import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as tours from "../../../src/core/tours";

/** The raw La Poste lines of a postal code: an excerpt of the file the table is derived from (../shared/data). */
function laPoste(code: string): { name: string; lat: number; lon: number }[] {
  const out: { name: string; lat: number; lon: number }[] = [];
  for (const line of readFileSync(join(__dirname, "fixtures", "laposte-excerpt.csv"), "utf8").split(
    /\r?\n/,
  )) {
    const [, name, c, , , gps] = line.split(";");
    if (c !== code || !name || !gps) continue;
    const [lat = NaN, lon = NaN] = gps.split(",").map(Number);
    if (!out.some((e) => e.name === name)) out.push({ name, lat, lon });
  }
  return out;
}

describe("offline geocoding by postal code and city", () => {
  let index: tours.PostcodeIndex;
  beforeAll(async () => {
    index = await tours.loadFranceIndex();
  });

  it("holds every postal code of La Poste's base", () => {
    expect(index.size).toBe(6186);
  });

  it("places a code of one commune on that commune, whatever the city says", () => {
    const raw = laPoste("44000");
    expect(raw).toHaveLength(1);
    const placed = tours.placePostcode(index, "44000", "Nantes Cedex");
    expect(placed?.precision).toBe("commune");
    expect(placed?.lat).toBeCloseTo(raw[0]?.lat ?? NaN, 4);
    expect(placed?.lon).toBeCloseTo(raw[0]?.lon ?? NaN, 4);
  });

  it("picks the commune named by the city where several share the code, else their centroid", () => {
    const raw = laPoste("01090");
    expect(raw.length).toBeGreaterThan(2);
    const guereins = raw.find((e) => e.name === "GUEREINS");
    const placed = tours.placePostcode(index, "01090", "Guéreins");
    expect(placed).toMatchObject({ precision: "commune", commune: "GUEREINS" });
    expect(placed?.lat).toBeCloseTo(guereins?.lat ?? NaN, 4);
    const centre = tours.placePostcode(index, "01090", "Paris");
    expect(centre?.precision).toBe("centroid");
    expect(centre?.lat).toBeCloseTo(raw.reduce((s, e) => s + e.lat, 0) / raw.length, 3);
    expect(centre?.lon).toBeCloseTo(raw.reduce((s, e) => s + e.lon, 0) / raw.length, 3);
    expect(tours.placePostcode(index, "01090", null)?.precision).toBe("centroid");
  });

  it("reads city spellings as La Poste writes them", () => {
    expect(tours.normaliseCity("Saint-Denis-lès-Bourg")).toBe("ST DENIS LES BOURG");
    expect(tours.normaliseCity("Sainte-Luce-sur-Loire")).toBe("STE LUCE SUR LOIRE");
    expect(tours.normaliseCity("L'Île-d'Yeu")).toBe("L ILE D YEU");
    expect(tours.placePostcode(index, "01000", "Saint-Denis-lès-Bourg")?.commune).toBe("ST DENIS LES BOURG");
  });

  it("takes postal codes as Excel hands them over", () => {
    expect(tours.normalisePostalCode(1000)).toBe("01000");
    expect(tours.normalisePostalCode("44 000")).toBe("44000");
    expect(tours.normalisePostalCode("1090")).toBe("01090");
    expect(tours.normalisePostalCode("ABCDE")).toBeNull();
    expect(tours.normalisePostalCode(44000.5)).toBeNull();
  });

  it("uses a client's own coordinates first and reports the clients it cannot place, by row", () => {
    const result = tours.geocodeClients(index, [
      { id: "C1", row: 2, postalCode: "44000", city: "Nantes" },
      { id: "C2", row: 3, postalCode: "44000", city: "Nantes", lat: 47.2, lon: -1.6 },
      { id: "C3", row: 4, postalCode: "00000", city: "Nowhere" },
      { id: "C4", row: 5, postalCode: "", city: "Nantes" },
      { id: "C5", row: 6, postalCode: "N/A", city: null },
    ]);
    expect(result.placed.get("C1")?.precision).toBe("commune");
    expect(result.placed.get("C2")).toEqual({ id: "C2", lat: 47.2, lon: -1.6, precision: "coordinates" });
    expect(result.notGeocoded).toEqual([
      { id: "C3", row: 4, postalCode: "00000", reason: "unknownPostalCode" },
      { id: "C4", row: 5, postalCode: "", reason: "noPostalCode" },
      { id: "C5", row: 6, postalCode: "N/A", reason: "badPostalCode" },
    ]);
  });

  it("places a base given as a postal code or as coordinates", () => {
    expect(tours.placeBase(index, "44000")).toEqual({ lat: expect.any(Number), lon: expect.any(Number) });
    expect(tours.placeBase(index, "47.5, -0.55")).toEqual({ lat: 47.5, lon: -0.55 });
    expect(tours.placeBase(index, "99999")).toBeNull();
    expect(tours.placeBase(index, "95.0, 1")).toBeNull();
  });
});
