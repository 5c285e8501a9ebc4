import * as parse from "../../../src/core/parse";

describe("matchHeader", () => {
  it.each<[string, parse.ClientField]>([
    ["Code client", "id"],
    ["N° client", "id"],
    ["N°", "id"],
    ["Réf.", "id"],
    ["Numéro client", "id"],
    ["Client ID", "id"],
    ["Customer ID", "id"],
    ["Account Number", "id"],
    ["ID", "id"],
    ["Nom", "name"],
    ["Raison sociale", "name"],
    ["Client", "name"],
    ["Name", "name"],
    ["Customer", "name"],
    ["Account", "name"],
    ["Code postal", "postalCode"],
    ["CP", "postalCode"],
    ["Postal code", "postalCode"],
    ["ZIP", "postalCode"],
    ["Ville", "city"],
    ["Commune", "city"],
    ["City", "city"],
    ["CA N-1", "salesN1"],
    ["ca n-1 (€)", "salesN1"],
    ["Ventes N-1", "salesN1"],
    ["Sales N-1", "salesN1"],
    ["Last year sales", "salesN1"],
    ["CA N", "salesN"],
    ["CA", "salesN"],
    ["Ventes", "salesN"],
    ["Sales", "salesN"],
    ["Revenue", "salesN"],
    ["Chiffre d'affaires", "salesN"],
    ["Potentiel", "potential"],
    ["POTENTIEL ANNUEL", "potential"],
    ["Potential (k€)", "potential"],
    ["Marge", "margin"],
    ["Taux de marge (%)", "margin"],
    ["Margin", "margin"],
    ["Segment forcé", "segmentOverride"],
    ["segment  FORCE", "segmentOverride"],
    ["Segment override", "segmentOverride"],
    ["Min visites", "min"],
    ["Visites min", "min"],
    ["Min", "min"],
    ["Max", "max"],
    ["Max visits", "max"],
    ["Norme visites", "norm.visit"],
    ["Norm calls", "norm.call"],
    ["Norme appels", "norm.call"],
    ["Visio norme", "norm.video"],
    ["Norme e-mail", "norm.digital"],
    ["Villes", "city"],
    ["Codes clients", "id"],
    ["Potentiels", "potential"],
    ["Customers", "name"],
    ["CA (N-1)", "salesN1"],
    ["Potentiel (€/an)", "potential"],
    ["Ventes (2025)", "salesN"],
  ])("%p → %p", (header, field) => {
    expect(parse.matchHeader(header)).toBe(field);
  });

  it("returns null for unknown headers", () => {
    for (const h of ["Notes", "", "   ", "Commentaire", "Nb visites", "2025"])
      expect(parse.matchHeader(h)).toBeNull();
  });

  it("recognises year-labelled sales columns with their year", () => {
    expect(parse.classifyHeader("CA 2025")).toEqual({ field: "salesN", year: 2025 });
    expect(parse.classifyHeader("Sales 2026")).toEqual({ field: "salesN", year: 2026 });
    expect(parse.classifyHeader("Chiffre d'affaires 2024 (€ HT)")).toEqual({ field: "salesN", year: 2024 });
    expect(parse.classifyHeader("2025 sales")).toEqual({ field: "salesN", year: 2025 });
    expect(parse.classifyHeader("Sales FY2026")).toEqual({ field: "salesN", year: 2026 });
    expect(parse.classifyHeader("CA année 2024")).toEqual({ field: "salesN", year: 2024 });
    expect(parse.classifyHeader("Potentiel 2026")).toEqual({ field: "potential" });
    expect(parse.classifyHeader("CA N-1 2025")).toEqual({ field: "salesN1" });
    expect(parse.classifyHeader("Commentaire 2026")).toBeNull();
  });

  it("recognises norms of user channels by id or label", () => {
    const channels = [{ id: "fair", labelFr: "Salon", labelEn: "Trade fair", weight: 2 }];
    expect(parse.matchHeader("Norme salons", channels)).toBe("norm.fair");
    expect(parse.matchHeader("Trade fair norm", channels)).toBe("norm.fair");
  });

  it("normalises accents, case and punctuation", () => {
    expect(parse.normaliseHeader("  Numéro  Client ")).toBe("numero client");
    expect(parse.normaliseHeader("CA N-1 (k€)")).toBe("ca n 1");
    expect(parse.normaliseHeader("(€)")).toBe("");
  });

  it("has a synonym table whose every entry matches its own field", () => {
    for (const [field, words] of Object.entries(parse.HEADER_SYNONYMS)) {
      for (const w of words) expect([w, parse.matchHeader(w)]).toEqual([w, field]);
    }
  });
});

describe("issue messages", () => {
  const codes = [
    "missingId",
    "duplicateId",
    "notANumber",
    "negative",
    "excelError",
    "missingColumn",
    "unknownValue",
    "badDate",
    "unmatched",
    "duplicate",
  ] as const;
  it("exist in English and French for every issue code", () => {
    for (const code of codes) {
      const issue: parse.ParseIssue = { row: 3, column: "CA", code, message: "", value: "x" };
      const en = parse.formatIssue(issue, "en");
      const fr = parse.formatIssue(issue, "fr");
      expect(en.startsWith("row 3, column 'CA': ")).toBe(true);
      expect(fr.startsWith("ligne 3, colonne 'CA' : ")).toBe(true);
      expect(en).not.toBe(fr);
    }
  });
});
