import * as norms from "../../../src/core/norms";
import * as parse from "../../../src/core/parse";
import * as segment from "../../../src/core/segment";
import { STRATEGIC_SEGMENTS } from "../../../src/core/types";

/** The path the CLI and the task pane take: grid → clients → segments → norms. */
describe("parse → segment → norms", () => {
  const grid = [
    [
      "N° client",
      "Nom",
      "Ventes 2025",
      "Ventes 2026",
      "Potentiel annuel",
      "Segment forcé",
      "Norme visites",
      "Commentaire",
    ],
    ["C01", "Hôtel du Parc", "50 000", "52 000", "60 000", "", "", "fidèle"],
    ["C02", "Brasserie Nord", "20 000", "12 000", "50 000", "", "", ""],
    ["C03", "Café Sud", "8 000", "9 000", "90 000", "", 6, ""],
    ["C04", "Épicerie Fine", "", "", "15 000", "", "", "à prospecter"],
    ["C05", "Bar Tabac", "1 000", "1 000", "1 200", "Développer", "", ""],
  ];

  it("segments a parsed French portfolio and gives each client its norm", () => {
    const parsed = parse.parsePortfolio(grid);
    expect(parsed.issues).toEqual([]);
    const assignments = segment.strategicSegments(parsed.clients);
    const seg = Object.fromEntries(parsed.clients.map((c) => [c.id, assignments.get(c.id)?.segment]));
    expect(seg).toEqual({ C01: "retain", C02: "atRisk", C03: "develop", C04: "prospect", C05: "develop" });
    const c03 = parsed.clients.find((c) => c.id === "C03")!;
    expect(norms.normFor(c03, "develop", norms.DEFAULT_NORMS)).toEqual({ visit: 6, call: 6 });
    expect(norms.weighted(norms.normFor(c03, "develop", norms.DEFAULT_NORMS))).toBe(7.5);
    const summary = segment.summariseSegments(
      parsed.clients,
      assignments,
      STRATEGIC_SEGMENTS.map((s) => s.id),
    );
    expect(summary.map((s) => [s.segment, s.clients])).toEqual([
      ["retain", 1],
      ["develop", 2],
      ["atRisk", 1],
      ["maintain", 0],
      ["prospect", 1],
    ]);
    expect(parsed.extraColumns).toEqual([{ index: 7, header: "Commentaire" }]);
  });
});
