import * as calendar from "../../../src/core/calendar";
import * as tracking from "../../../src/core/tracking";
import type { Grid } from "../../../src/core/types";

const clients = [
  { id: "C001", name: "Boulangerie Dupont SARL" },
  { id: "C002", name: "Garage Martin SAS" },
  { id: "C003", name: "Hôtel du Lac" },
  { id: "C004", name: "Pharmacie Centrale" },
  { id: "C005", name: "Pharmacie  centrale S.A." },
];

describe("parseContacts", () => {
  it("reads a French log: serial and text dates, ids and names, FR channel names", () => {
    const grid: Grid = [
      ["Date du contact", "Code client", "Type d'activité", "Commentaire", "Source"],
      [46086, "C001", "Visite", "Présentation gamme", "CRM"],
      ["06/03/2026", "garage martin", "RDV visio", "", "CRM"],
      ["2026-03-07T09:30", "HOTEL DU LAC", "Appel sortant", "relance", "Outlook"],
      ["", "", "", "", ""],
      ["08/03/2026", " c002 ", "E-mail", "devis", ""],
    ];
    const parsed = tracking.parseContacts(grid, clients);
    expect(parsed.issues).toEqual([]);
    expect(parsed.contacts).toEqual([
      {
        date: "2026-03-05",
        clientId: "C001",
        channel: "visit",
        note: "Présentation gamme",
        source: "CRM",
        row: 2,
      },
      { date: "2026-03-06", clientId: "C002", channel: "video", note: "", source: "CRM", row: 3 },
      { date: "2026-03-07", clientId: "C003", channel: "call", note: "relance", source: "Outlook", row: 4 },
      { date: "2026-03-08", clientId: "C002", channel: "digital", note: "devis", source: "", row: 6 },
    ]);
  });

  it("reads English headers in any order and matches names with legal forms and accents ignored", () => {
    const grid: Grid = [
      ["Subject", "Activity type", "Customer", "Day"],
      ["demo", "Meeting", "boulangerie dupont", "2026-01-15"],
      ["", "Phone call", "HOTEL DU LAC SAS", "15/01/2026"],
    ];
    const parsed = tracking.parseContacts(grid, clients, { source: "import" });
    expect(parsed.contacts.map((c) => [c.clientId, c.channel, c.date, c.source])).toEqual([
      ["C001", "visit", "2026-01-15", "import"],
      ["C003", "call", "2026-01-15", "import"],
    ]);
  });

  it("reports unmatched rows with their row, reason and values, never dropping them silently", () => {
    const grid: Grid = [
      ["Date", "Client", "Canal"],
      ["31/02/2026", "C001", "Visite"],
      ["01/03/2026", "Inconnu SA", "Visite"],
      ["01/03/2026", "Pharmacie Centrale", "Visite"],
      ["01/03/2026", "C001", "Fax"],
      ["01/03/2026", "", "Visite"],
      ["pas une date", "Nobody", "Pigeon"],
    ];
    const parsed = tracking.parseContacts(grid, clients, { newNames: false });
    expect(parsed.contacts).toEqual([]);
    expect(parsed.unmatched.map((u) => [u.row, u.reason])).toEqual([
      [2, "badDate"],
      [3, "unknownClient"],
      [4, "ambiguousClient"],
      [5, "unknownChannel"],
      [6, "missingClient"],
      [7, "badDate"],
    ]);
    expect(parsed.unmatched[5].reasons).toEqual(["badDate", "unknownClient", "unknownChannel"]);
    expect(parsed.unmatched[1].values).toEqual(["01/03/2026", "Inconnu SA", "Visite"]);
    const dateIssue = parsed.issues.find((i) => i.row === 2)!;
    expect(dateIssue).toMatchObject({ column: "Date", code: "badDate", value: "31/02/2026" });
    expect(dateIssue.message).toContain("Row 2");
    expect(dateIssue.message).toContain("Ligne 2");
    expect(parsed.issues.find((i) => i.row === 4)!.message).toContain("C004, C005");
    expect(parsed.issues.find((i) => i.row === 5)).toMatchObject({
      column: "Canal",
      code: "unknownValue",
      value: "Fax",
    });
  });

  it("reports duplicates (same date, client, channel, note) and keeps only the first unless asked", () => {
    const grid: Grid = [
      ["Date", "Client", "Canal", "Note"],
      ["2026-03-05", "C001", "Visite", "Tournée"],
      ["05/03/2026", "Boulangerie Dupont", "Visite terrain", "tournée"],
      ["2026-03-05", "C001", "Visite", "autre sujet"],
      ["2026-03-05", "C001", "Appel", "Tournée"],
    ];
    const parsed = tracking.parseContacts(grid, clients);
    expect(parsed.contacts.map((c) => c.row)).toEqual([2, 4, 5]);
    expect(parsed.duplicates).toEqual([
      { row: 3, firstRow: 2, date: "2026-03-05", clientId: "C001", channel: "visit" },
    ]);
    expect(parsed.issues).toEqual([expect.objectContaining({ row: 3, code: "duplicate" })]);
    const kept = tracking.parseContacts(grid, clients, { keepDuplicates: true });
    expect(kept.contacts.map((c) => c.row)).toEqual([2, 3, 4, 5]);
    expect(kept.duplicates).toHaveLength(1);
  });

  it("tries every client column: an unknown id falls back to the name column", () => {
    const grid: Grid = [
      ["Date", "ID client", "Nom client", "Canal"],
      ["2026-03-05", "X-999", "Garage Martin", "Appel"],
    ];
    expect(tracking.parseContacts(grid, clients).contacts[0]).toMatchObject({
      clientId: "C002",
      channel: "call",
    });
  });

  it("uses the user's channel aliases", () => {
    const grid: Grid = [
      ["Date", "Client", "Canal"],
      ["2026-03-05", "C001", "Salon"],
    ];
    expect(tracking.parseContacts(grid, clients).unmatched).toHaveLength(1);
    expect(
      tracking.parseContacts(grid, clients, { channelAliases: { Salon: "visit" } }).contacts[0].channel,
    ).toBe("visit");
  });

  it("reports missing columns and returns no contacts instead of guessing", () => {
    const parsed = tracking.parseContacts(
      [
        ["Quand", "Client"],
        ["2026-03-05", "C001"],
      ],
      clients,
    );
    expect(parsed.contacts).toEqual([]);
    expect(parsed.issues.map((i) => [i.code, i.column])).toEqual([
      ["missingColumn", "date"],
      ["missingColumn", "channel"],
    ]);
    expect(tracking.parseContacts([], clients)).toEqual({
      contacts: [],
      issues: [],
      unmatched: [],
      duplicates: [],
      excluded: [],
      newNames: [],
    });
  });

  it("numbers rows from headerRow when the grid does not start at row 1", () => {
    const grid: Grid = [
      ["Date", "Client", "Canal"],
      ["bad", "C001", "Visite"],
    ];
    expect(tracking.parseContacts(grid, clients, { headerRow: 4 }).unmatched[0].row).toBe(5);
  });
});

describe("parseContacts on CRM exports", () => {
  it("finds the header below title rows and numbers rows from the sheet", () => {
    const grid: Grid = [
      ["Export CRM — contacts", "", ""],
      ["Généré le 01/04/2026", "", ""],
      ["Date", "Client", "Canal"],
      ["2026-03-05", "C001", "Visite"],
      ["bad", "C001", "Visite"],
    ];
    const parsed = tracking.parseContacts(grid, clients);
    expect(parsed.contacts).toEqual([expect.objectContaining({ clientId: "C001", row: 4 })]);
    expect(parsed.unmatched.map((u) => u.row)).toEqual([5]);
  });

  it("reports Excel error values as excelError issues", () => {
    const grid: Grid = [
      ["Date", "Client", "Canal"],
      ["#N/A", "C001", "Visite"],
      ["2026-03-05", "#REF!", "Visite"],
    ];
    const parsed = tracking.parseContacts(grid, clients, { newNames: false });
    expect(parsed.unmatched.map((u) => [u.row, u.reason])).toEqual([
      [2, "badDate"],
      [3, "unknownClient"],
    ]);
    expect(parsed.issues.map((i) => [i.row, i.code, i.column])).toEqual([
      [2, "excelError", "Date"],
      [3, "excelError", "Client"],
    ]);
    expect(parsed.issues[0].message).toContain("#N/A");
  });

  it("leaves out inbound calls, after-sales and mass mailings, and says so (an alias wins)", () => {
    const grid: Grid = [
      ["Date", "Client", "Type"],
      ["02/03/2026", "C001", "Appel entrant"],
      ["02/03/2026", "C001", "SAV"],
      ["02/03/2026", "C002", "Mailing"],
      ["02/03/2026", "C002", "Appel sortant"],
      ["02/03/2026", "C003", "E-mailing printemps"],
      ["02/03/2026", "C003", "Appel entrant SAV"],
    ];
    const parsed = tracking.parseContacts(grid, clients);
    expect(parsed.excluded).toEqual([
      { row: 2, value: "Appel entrant" },
      { row: 3, value: "SAV" },
      { row: 4, value: "Mailing" },
      { row: 6, value: "E-mailing printemps" },
      { row: 7, value: "Appel entrant SAV" },
    ]);
    expect(parsed.contacts.map((c) => [c.row, c.channel])).toEqual([[5, "call"]]);
    expect(parsed.issues).toEqual([]);
    // The rep's own mapping wins over the default list; the list itself is editable.
    const mapped = tracking.parseContacts(grid, clients, {
      channelAliases: { SAV: "visit" },
      excludedChannels: ["mailing"],
    });
    expect(mapped.contacts.map((c) => [c.row, c.channel])).toEqual([
      [3, "visit"],
      [5, "call"],
    ]);
    expect(mapped.excluded.map((e) => e.row)).toEqual([4, 6]);
    expect(mapped.unmatched.map((u) => [u.row, u.reason])).toEqual([
      [2, "unknownChannel"],
      [7, "unknownChannel"],
    ]);
  });

  it("keeps contacts with clients not in the plan as new names, counted as prospecting", () => {
    const grid: Grid = [
      ["Date", "Client", "Canal"],
      ["02/03/2026", "Menuiserie Roux", "Visite"],
      ["09/03/2026", "C001", "Visite"],
      ["16/03/2026", "Menuiserie Roux", "Appel"],
      ["16/03/2026", "Café de la Gare", "Visite"],
    ];
    const parsed = tracking.parseContacts(grid, clients);
    expect(parsed.unmatched).toEqual([]);
    expect(parsed.issues).toEqual([]);
    expect(parsed.newNames).toEqual([
      { name: "Menuiserie Roux", rows: [2, 4] },
      { name: "Café de la Gare", rows: [5] },
    ]);
    expect(parsed.contacts.filter((c) => c.clientId === "Menuiserie Roux")).toHaveLength(2);
    const rows = tracking.newNameRows(parsed.newNames);
    expect(rows.map((r) => [r.id, r.segment, r.planned])).toEqual([
      ["Menuiserie Roux", "prospect", {}],
      ["Café de la Gare", "prospect", {}],
    ]);
    const result = tracking.trackClients({
      plan: [
        { id: "C001", segment: "retain", planned: { visit: 10 }, salesN: 1, salesN1: 1, potential: null },
        ...rows,
      ],
      contacts: parsed.contacts,
      period: { start: "2026-01-01", end: "2026-12-31" },
      asOf: "2026-03-31",
      calendar: calendar.createWorkCalendar({ country: "FR" }),
    });
    expect(result.clients.find((c) => c.id === "Menuiserie Roux")?.contacts).toBe(2);
    const kpis = tracking.portfolioKpis(result);
    expect(kpis.reach).toBe(1); // reach stays over planned clients
    expect(kpis.contacts).toBe(4);
  });
});
