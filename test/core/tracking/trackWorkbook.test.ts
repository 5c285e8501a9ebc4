/**
 * trackWorkbook: the one place a plan workbook becomes tracking figures. Where the three copies it
 * replaces disagreed (issue 17), the rule below is the one every face now follows.
 */
import * as tracking from "../../../src/core/tracking";
import type { Grid } from "../../../src/core/types";

const CLIENTS: Grid = [
  [
    "Code client",
    "Raison sociale",
    "CA N-1",
    "CA N",
    "Potentiel",
    "Segment",
    "Prévu Visite terrain",
    "Prévu Appel sortant",
  ],
  ["K1", "Kappa SARL", 100000, 120000, 200000, "Fidéliser", 10, 6],
  // Planned counts typed as text: the same numbers as typed ones.
  ["R1", "Rho", 80000, 60000, 150000, "atRisk", "8", " 8 "],
  ["M1", "Mu", 30000, 31000, 40000, "Entretenir", 3, 4],
];

const contacts = (rows: (string | number)[][]): tracking.TableRead => ({
  grid: [["Date", "Code client", "Canal", "Note", "Source"], ...rows],
});

const ASOF = "2026-06-30";

describe("trackWorkbook", () => {
  it("reads planned contacts typed as text as numbers (the pane did, refresh read them as 0)", () => {
    const t = tracking.trackWorkbook({ clients: { grid: CLIENTS }, contacts: contacts([]), asOf: ASOF });
    expect(t.clients.plan.map((p) => [p.id, p.segment, p.planned])).toEqual([
      ["K1", "retain", { visit: 10, call: 6 }],
      ["R1", "atRisk", { visit: 8, call: 8 }],
      ["M1", "maintain", { visit: 3, call: 4 }],
    ]);
    expect(t.clients.issues).toEqual([]);
    expect(t.result.clients.find((c) => c.id === "R1")?.plannedWeighted).toBe(10);
  });

  it("matches a contact by client id or by company name, counts a repeated contact once and keeps new names (domain.md: Contacts)", () => {
    const t = tracking.trackWorkbook({
      clients: { grid: CLIENTS },
      contacts: contacts([
        ["2026-03-02", "K1", "visit", "revue"],
        // The same contact again, the note in other case and spacing: counted once (refresh counted it twice).
        ["2026-03-02", "k1", "visit", "  REVUE "],
        // By company name, the legal form ignored (refresh matched ids only and dropped it).
        ["2026-04-01", "kappa", "Visite", "b"],
        ["2026-05-05", "Zeta SAS", "call", "c"],
        // An inbound call is not a contact.
        ["2026-05-06", "K1", "Appel entrant", "d"],
      ]),
      asOf: ASOF,
    });
    const k1 = t.result.clients.find((c) => c.id === "K1");
    expect(k1?.actual).toEqual({ visit: 2, video: 0, call: 0, digital: 0 });
    expect(t.contacts.duplicates.map((d) => d.row)).toEqual([3]);
    expect(t.contacts.excluded.map((e) => e.value)).toEqual(["Appel entrant"]);
    // A client not in the plan is a new name: a prospect without a plan, its contact counted.
    const zeta = t.result.clients.find((c) => c.id === "Zeta SAS");
    expect([zeta?.segment, zeta?.status, zeta?.contacts]).toEqual(["prospect", "NoPlan", 1]);
    expect(t.kpis.contacts).toBe(3);
  });

  it("one key of the same contact: the parser's and the import's", () => {
    const a = { date: "2026-03-02", clientId: "K1", channel: "visit", note: "Revue  annuelle" };
    expect(tracking.contactKey({ ...a, clientId: " k1 ", note: " revue annuelle" })).toBe(
      tracking.contactKey(a),
    );
    expect(tracking.contactKey({ ...a, channel: "call" })).not.toBe(tracking.contactKey(a));
    const log = tracking.parseContacts(contacts([["2026-03-02", "K1", "visit", "Revue annuelle"]]).grid, [
      { id: "K1", name: "Kappa" },
    ]).contacts;
    const incoming = tracking.parseContacts(
      contacts([
        ["02/03/2026", "Kappa", "Visite terrain", "REVUE ANNUELLE"],
        ["03/03/2026", "K1", "visit", "x"],
        ["03/03/2026", "K1", "visit", "x"],
      ]).grid,
      [{ id: "K1", name: "Kappa" }],
      { keepDuplicates: true },
    ).contacts;
    const { fresh, alreadyLogged } = tracking.freshContacts(log, incoming);
    expect(fresh.map((c) => c.row)).toEqual([3]);
    expect(alreadyLogged).toBe(2);
  });

  it("weighs contacts with the workbook's Channels table (refresh did, the pane and the CLI used the defaults)", () => {
    const channels: tracking.TableRead = {
      grid: [
        ["Code", "Canal", "Poids (éq. visite)"],
        ["visit", "Visite", 1],
        ["video", "Visio", "0,5"],
        ["call", "Appel", 0.5],
        ["digital", "Mail", 0.1],
      ],
    };
    const t = tracking.trackWorkbook({
      clients: { grid: CLIENTS },
      contacts: contacts([["2026-02-02", "R1", "call", "a"]]),
      channels,
      asOf: ASOF,
    });
    expect(t.channels.map((c) => c.weight)).toEqual([1, 0.5, 0.5, 0.1]);
    const r1 = t.result.clients.find((c) => c.id === "R1");
    expect(r1?.plannedWeighted).toBe(8 + 8 * 0.5);
    expect(r1?.actualWeighted).toBe(0.5);
  });

  it("takes the period and calendar from the settings, else the as-of date's year in France", () => {
    const none = tracking.trackWorkbook({ clients: { grid: CLIENTS }, contacts: contacts([]), asOf: ASOF });
    expect(none.frame.period).toEqual({ start: "2026-01-01", end: "2026-12-31" });
    expect([none.frame.settings.country, none.frame.settings.region]).toEqual(["FR", ""]);
    expect(none.result.elapsed.elapsedDays).toBe(123); // domain example: 123 of 252
    const alsace = tracking.trackWorkbook({
      clients: { grid: CLIENTS },
      contacts: contacts([]),
      settings: { ...tracking.defaultPlanSettings(ASOF), region: "67" },
      asOf: ASOF,
    });
    expect(alsace.result.elapsed.totalDays).toBe(251);
  });

  it("gives the catch-up by the core's rules.catchUpOf and per channel by portfolioCatchUp", () => {
    const t = tracking.trackWorkbook({
      clients: { grid: CLIENTS },
      contacts: contacts([["2026-02-02", "K1", "visit", "a"]]),
      settings: { ...tracking.defaultPlanSettings(ASOF), leaveDays: 25, nonFieldDays: 20, contactsPerDay: 4 },
      asOf: ASOF,
    });
    const remaining = t.result.clients.reduce((s, c) => s + c.remainingWeighted, 0);
    expect(t.catchUp).toBe(tracking.catchUpOf(remaining, t.result.elapsed.remainingDays));
    expect(t.catchUpLines).toEqual(
      tracking.portfolioCatchUp(t.result, {
        visitsPerDay: 4,
        remotePerDay: 3,
        fieldShare: 207 / 252,
        remoteShare: 0,
      }),
    );
  });

  it("finds recorded columns by id whatever their headers say, and maps each grid row to its client", () => {
    const renamed: Grid = [
      ["Mon code", "Nom", "Ventes", "Seg.", "V"],
      ["A1", "Alpha", 10, "develop", 4],
      [],
      ["B2", "Beta", 5, "maintain", 2],
    ];
    const t = tracking.trackWorkbook({
      clients: {
        grid: renamed,
        columns: { id: 0, name: 1, salesN: 2, segment: 3, "planned.visit": 4 },
      },
      contacts: {
        grid: [
          ["Quand", "Qui", "Comment"],
          ["2026-02-02", "B2", "visit"],
        ],
        columns: { date: 0, clientId: 1, channel: 2 },
      },
      asOf: ASOF,
    });
    expect(t.clients.plan.map((p) => [p.id, p.segment, p.planned.visit])).toEqual([
      ["A1", "develop", 4],
      ["B2", "maintain", 2],
    ]);
    const byRow = tracking.trackingByRow(t);
    expect(byRow.map((c) => c?.id ?? null)).toEqual([null, "A1", null, "B2"]);
    expect(byRow[3]?.contacts).toBe(1);
  });
});
