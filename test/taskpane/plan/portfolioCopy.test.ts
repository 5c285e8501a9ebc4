import * as parse from "../../../src/core/parse";
import type { SourceRead } from "../../../src/excel/gateway.types";
import { capacityFromSettings, planSettings } from "../../../src/taskpane/plan/planSettings";
import { defaultChoices } from "../../../src/taskpane/plan/planModel";
import { portfolioCopy } from "../../../src/taskpane/plan/portfolioCopy";
import { sourceFrom } from "../support/fakeGateway";

describe("portfolioCopy", () => {
  const grid = [
    ["Code", "Nom", "", "Potentiel", "Marge", "Segment", "", "Ville"],
    ["A1", "Alpha", "", 5000, 0.3, "Fidéliser", "", "Nantes"],
    ["", "", "", "", "", "", "x", ""],
    ["", "", "", "", "", "", "", ""],
    ["A2", "Beta", "", "n/a", "", "Développer", "", "Angers"],
  ];
  // Column 5 is Cadence's own segment column from an earlier write into this list.
  const source: SourceRead = { ...sourceFrom(grid, "Portefeuille"), cadenceColumns: { segment: 5 } };
  const mapped = parse.parsePortfolio(grid).columns;

  it("maps detected base fields by id, keeps the rep's other columns, drops Cadence's and blank ones", () => {
    const copy = portfolioCopy(source, mapped);
    expect(copy.columns).toEqual([
      { id: "id", header: "Code" },
      { id: "name", header: "Nom" },
      { id: "potential", header: "Potentiel" },
      { id: null, header: "Marge" },
      { id: null, header: "" },
      { id: "city", header: "Ville" },
    ]);
    // Blank rows go; a row with an issue (potential "n/a") or only a stray cell stays, for the rep to see.
    expect(copy.rows).toEqual([
      ["A1", "Alpha", 5000, 0.3, "", "Nantes"],
      ["", "", "", "", "x", ""],
      ["A2", "Beta", "n/a", "", "", "Angers"],
    ]);
  });

  it("follows the rep's own mapping over the detected one", () => {
    const remapped = parse.parsePortfolio(grid, { mapping: { city: null, name: 7 } }).columns;
    const copy = portfolioCopy(source, remapped);
    expect(copy.columns.find((c) => c.header === "Ville")?.id).toBe("name");
    expect(copy.columns.find((c) => c.header === "Nom")?.id).toBeNull();
  });
});

describe("plan settings ↔ capacity choices", () => {
  it("records the plan year as its period and reads it back into the capacity form", () => {
    const capacity = { ...defaultChoices(2027).capacity, region: " 67 ", leaveDays: 30 };
    const settings = planSettings(capacity);
    expect(settings).toMatchObject({ periodStart: "2027-01-01", periodEnd: "2027-12-31", region: "67" });
    const back = capacityFromSettings(defaultChoices(2025).capacity, settings);
    expect(back).toMatchObject({ year: 2027, region: "67", leaveDays: 30, country: "FR" });
    expect(back.contactsPerDay.call).toBe(capacity.contactsPerDay.call);
  });
});
