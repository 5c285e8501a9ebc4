import fc from "fast-check";
import { CLIENT_HEADERS, CONTACT_HEADERS, generateDemo, workingDays } from "../../../src/workbench/demo";
import { PLACES, communeName } from "../../../src/workbench/demo/places";

const num = (value: unknown): number => Number(value);
/** The demo's reference date, pinned: its contacts run to the Friday before. */
const TODAY = "2026-11-28";

describe("generateDemo", () => {
  const demo = generateDemo(1, { today: TODAY });
  const clients = demo.clients.slice(1);
  const contacts = demo.contacts.slice(1);

  it("has French headers, 300 clients and about a year of contacts", () => {
    expect(demo.clients[0]).toEqual([...CLIENT_HEADERS]);
    expect(demo.contacts[0]).toEqual([...CONTACT_HEADERS]);
    expect(clients).toHaveLength(300);
    expect(contacts.length).toBeGreaterThan(1500);
  });

  it("is deterministic for a seed and differs between seeds", () => {
    expect(generateDemo(1, { today: TODAY })).toEqual(demo);
    expect(generateDemo(2, { today: TODAY }).clients).not.toEqual(demo.clients);
  });

  it("gives unique ids and names, and postal codes with their commune from the Pays de la Loire table", () => {
    expect(new Set(clients.map((r) => r[0])).size).toBe(300);
    expect(new Set(clients.map((r) => r[1])).size).toBe(300);
    const known = new Set(PLACES.map((p) => `${p.postalCode}|${p.city}`));
    for (const row of clients) {
      expect(known.has(`${String(row[2])}|${String(row[3])}`)).toBe(true);
      expect(String(row[2])).toMatch(/^(44|49|53|72|85)\d{3}$/);
    }
  });

  it("has a Pareto-like skew, prospects at 0/0, lost clients, and potentials above sales", () => {
    const salesN = clients.map((r) => num(r[5])).sort((a, b) => b - a);
    const total = salesN.reduce((a, b) => a + b, 0);
    const top20 = salesN.slice(0, 60).reduce((a, b) => a + b, 0);
    expect(top20 / total).toBeGreaterThan(0.5);
    expect(clients.filter((r) => num(r[4]) === 0 && num(r[5]) === 0).length).toBeGreaterThan(15);
    expect(clients.filter((r) => num(r[4]) > 0 && num(r[5]) === 0).length).toBeGreaterThan(3);
    for (const row of clients) {
      if (row[6] === "") continue;
      expect(num(row[6])).toBeGreaterThanOrEqual(Math.max(num(row[4]), num(row[5])));
    }
  });

  it("logs contacts for known clients, on working days of the period, sorted by date", () => {
    const ids = new Set(clients.map((r) => r[0]));
    const days = new Set(workingDays(demo.period));
    let previous = "";
    for (const [date, id] of contacts) {
      expect(ids.has(id)).toBe(true);
      expect(days.has(String(date))).toBe(true);
      expect(String(date) >= previous).toBe(true);
      previous = String(date);
    }
    expect(demo.period).toEqual({ today: TODAY, start: "2025-12-01", end: "2026-11-27" });
    expect(previous <= demo.period.end && String(contacts[0]?.[0]) >= demo.period.start).toBe(true);
  });

  it("keeps its invariants for any seed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const d = generateDemo(seed, { clients: 40, today: TODAY });
        const rows = d.clients.slice(1);
        const ids = new Set(rows.map((r) => r[0]));
        return (
          rows.length === 40 &&
          ids.size === 40 &&
          rows.every(
            (r) =>
              num(r[4]) >= 0 &&
              num(r[5]) >= 0 &&
              (r[6] === "" || num(r[6]) >= Math.max(num(r[4]), num(r[5]))),
          ) &&
          d.contacts.slice(1).every((c) => ids.has(c[1]))
        );
      }),
      { numRuns: 40 },
    );
  });

  it("scales to 10,000 clients for benchmarks", () => {
    const big = generateDemo(3, { clients: 10_000, today: TODAY });
    expect(big.clients).toHaveLength(10_001);
    expect(new Set(big.clients.slice(1).map((r) => r[1])).size).toBe(10_000);
  });
});

describe("communeName", () => {
  it("writes La Poste's upper-case names the French way", () => {
    expect(communeName("LA ROCHE SUR YON")).toBe("La Roche-sur-Yon");
    expect(communeName("LES SABLES D OLONNE")).toBe("Les Sables-d'Olonne");
    expect(communeName("ST ANDRE DES EAUX")).toBe("Saint-Andre-des-Eaux");
    expect(communeName("ANGERS")).toBe("Angers");
    expect(communeName("LE MANS")).toBe("Le Mans");
  });
});
