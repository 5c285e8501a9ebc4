/** The managers' sheets as grids: the core's figures in place, pace by the core's rule, review cards. */
import * as consolidation from "../../../src/core/consolidation";
import * as tracking from "../../../src/core/tracking";
import * as sheets from "../../../src/core/workbook/teamSheets";
import { trackSimple } from "../consolidation/helpers";

const reps: consolidation.RepInput[] = [
  {
    repId: "p",
    repName: "Paul",
    managerId: "M",
    capacity: { visit: 20 },
    clients: trackSimple([
      { id: "a", segment: "retain", visits: 10, done: 4 },
      { id: "b", segment: "atRisk", visits: 8, done: 0 },
    ]),
  },
];
const team = consolidation.consolidateTeam(reps);
const report = consolidation.teamReport(team, 2026, "2026-06-30", "M");
const paul = { ...report.reps[0], repId: "p", elapsedShare: 0.5, segments: [] };

test("the Team sheet carries the report's figures and the pace by tracking.paceOf", () => {
  const sheet = sheets.teamSheet(
    { year: 2026, asOf: "2026-06-30", reps: [paul], team: report.team, managers: [] },
    "en",
  );
  const header = sheet.rows[0];
  const row = sheet.rows[1];
  expect(row[0]).toBe("Paul");
  expect(row[header.indexOf("Attainment")]).toBe(paul.attainment);
  expect(row[header.indexOf("Pace (earned)")]).toBe(tracking.paceOf(paul.earned, paul.planned.weighted, 0.5));
  expect(row[header.indexOf("Utilisation Field visit")]).toBe(18 / 20);
  expect(sheet.rows.at(-1)?.[0]).toBe("Team");
  // The chart's source block: name, attainment, pace per rep, right of the table.
  expect(sheet.chart).toEqual({
    title: "Attainment and pace per rep",
    c0: header.length - 3,
    from: 0,
    to: 2,
  });
  expect(header.slice(-3)).toEqual(["Rep", "Attainment", "Pace"]);
  expect(row.slice(-3)).toEqual(["Paul", paul.attainment, row[header.indexOf("Pace (earned)")]]);
  expect(sheet.kinds).toHaveLength(header.length);
});

test("a review card: the store's KPIs frozen at the date, the previous decisions, overdue open actions", () => {
  const card = sheets.reviewCard(
    paul,
    {
      lastReview: { date: "2026-05-28", decisions: "Call B" },
      openActions: [
        { action: "Visit B", clientId: "b", owner: "Paul", dueDate: "2026-06-01" },
        { action: "Plan Q3", clientId: null, owner: "Paul", dueDate: "2026-07-01" },
        { action: "Undated", clientId: null, owner: null, dueDate: null },
      ],
    },
    "2026-06-30",
  );
  expect(card.kpis).toMatchObject({ attainment: paul.attainment, under: paul.under, neglectedAtRisk: 1 });
  expect(card.kpis.pace).toBe(tracking.paceOf(paul.earned, paul.planned.weighted, 0.5));
  expect(card.previous).toEqual({ date: "2026-05-28", decisions: "Call B" });
  expect(card.overdueActions).toBe(1);
  const sheet = sheets.reviewsSheet([card], "fr");
  expect(sheet.name).toBe("Revues");
  expect(sheet.rows[1]?.slice(0, 3)).toEqual(["Paul", "2026-06-30", paul.attainment]);
  expect(sheet.rows[1]?.at(-3)).toBe("2026-05-28 : Call B");
  expect(sheet.rows[1]?.at(-1)).toBe(1);
});
