/**
 * A manager's sheets written through the gateway on the workbench: every figure is the core's report
 * (the oracle), in place, in a fixed number of round trips, formatted, charted and undoable.
 */
import * as consolidation from "../../src/core/consolidation";
import type { CellValue } from "../../src/core/types";
import * as sheets from "../../src/core/workbook/teamSheets";
import { createGateway } from "../../src/excel/gateway";
import { createWorkbench } from "../../src/workbench";
import { trackSimple, type SimpleClient } from "../core/consolidation/helpers";

const SHARE = 0.5;

function repInput(i: number, clients: SimpleClient[]): consolidation.RepInput {
  return {
    repId: `r${String(i).padStart(4, "0")}`,
    repName: `Rep ${String(i).padStart(4, "0")}`,
    managerId: "M",
    capacity: { visit: 20 + (i % 5) },
    clients: trackSimple(clients),
  };
}

/** The core's view of n reps, in the store's shape (report + segments + elapsed share). */
function view(n: number): sheets.TeamSheetView {
  const reps = Array.from({ length: n }, (_, i) =>
    repInput(i, [
      { id: `a${i}`, segment: "retain", visits: 10, done: 3 + (i % 9) },
      { id: `b${i}`, segment: "atRisk", visits: 8, done: i % 4 },
      { id: `c${i}`, segment: "develop", visits: 4, done: 2 },
    ]),
  );
  const team = consolidation.consolidateTeam(reps);
  const report = consolidation.teamReport(team, 2026, "2026-06-30", "M");
  return {
    year: 2026,
    asOf: "2026-06-30",
    reps: report.reps.map((r, i) => ({
      ...r,
      elapsedShare: SHARE,
      segments: (team.reps[i]?.segments ?? []).map((s) => ({
        segment: s.segment,
        ...consolidation.teamTotals(consolidation.consolidateTeam([]), "x"),
        clients: s.figures.clients,
        earned: s.figures.earnedWeighted,
        attainment: s.ratios.attainment,
        planned: { weighted: s.figures.plannedWeighted },
      })),
    })),
    team: report.team,
    managers: [],
  };
}

const column = (rows: CellValue[][], header: string): CellValue[] => {
  const i = rows[0]?.indexOf(header) ?? -1;
  expect(i).toBeGreaterThanOrEqual(0);
  return rows.map((r) => r[i]);
};

describe("writeManagerSheet (Team)", () => {
  it("writes the core's figures per rep, segment and team in 2 round trips, with bands and the chart; Undo restores", async () => {
    const wb = createWorkbench();
    const gateway = createGateway(wb.run);
    const v = view(3);
    const sheet = sheets.teamSheet(v, "en");
    wb.stats.reset();
    const receipt = await gateway.writeManagerSheet(sheet);
    expect(wb.stats.syncs).toBe(2);
    expect(receipt).toEqual({ sheet: "Team", rowsWritten: sheet.rows.length - 1 });
    const written = wb.sheet("Team");
    const rows = written.values as CellValue[][];
    // One total row and three segment rows per rep, then the team.
    expect(rows.length).toBe(1 + 3 * 4 + 1);
    const totals = rows.filter((r) => r[1] === "(all)");
    expect(totals.map((r) => r[0])).toEqual(["Rep 0000", "Rep 0001", "Rep 0002", "Team"]);
    const attainment = column(rows, "Attainment");
    const reach = column(rows, "Reach");
    const pace = column(rows, "Pace (earned)");
    for (const rep of v.reps) {
      const at = rows.findIndex((r) => r[0] === rep.rep && r[1] === "(all)");
      expect(attainment[at]).toBe(rep.attainment);
      expect(reach[at]).toBe(rep.reach);
      expect(pace[at]).toBe((rep.attainment ?? 0) / SHARE);
    }
    expect(attainment[rows.length - 1]).toBe(v.team.attainment);
    expect(column(rows, "Utilisation Field visit")[rows.length - 1]).toBe(v.team.utilisation.visit);
    expect(rows.find((r) => r[0] === "Rep 0000" && r[1] === "At risk")).toBeDefined();
    // Utilisation per channel (4) and pace (2) are banded: < low and > high, filled.
    expect(written.conditionalFormats).toHaveLength(12);
    expect(written.conditionalFormats[0]?.settings).toMatchObject({
      cellValue: { rule: { operator: "LessThan", formula1: "0.9" } },
    });
    expect(written.charts).toEqual([
      expect.objectContaining({
        name: "CadenceTeamChart",
        type: "ColumnClustered",
        title: "Attainment and pace per rep",
      }),
    ]);
    expect(Object.values(written.numberFormats)).toContain("0.0%");

    // A refresh with fewer reps rewrites in place: no stale row, one chart, the same formats.
    await gateway.writeManagerSheet(sheets.teamSheet(view(1), "en"));
    const again = wb.sheet("Team");
    expect((again.values as CellValue[][]).filter((r) => r[1] === "(all)")).toHaveLength(2);
    expect(again.charts).toHaveLength(1);
    expect(again.conditionalFormats).toHaveLength(12);

    expect(await gateway.undoLastWrite()).toBe(true);
    expect((wb.sheet("Team").values as CellValue[][]).filter((r) => r[1] === "(all)")).toHaveLength(4);
  });

  it("writes 200 reps in 2 round trips; the French sheet is Équipe", async () => {
    const wb = createWorkbench();
    const gateway = createGateway(wb.run);
    wb.stats.reset();
    await gateway.writeManagerSheet(sheets.teamSheet(view(200), "fr"));
    expect(wb.stats.syncs).toBeLessThanOrEqual(3);
    const rows = wb.sheet("Équipe").values as CellValue[][];
    expect(rows[0]?.slice(0, 3)).toEqual(["Commercial", "Segment", "Clients"]);
    expect(rows.filter((r) => r[1] === "(tous)")).toHaveLength(201);
  });
});

describe("writeManagerSheet (N+1)", () => {
  it("one row per manager with the rituals; reviews this month below 1 are banded", async () => {
    const wb = createWorkbench();
    const gateway = createGateway(wb.run);
    const reps = [repInput(1, [{ id: "a", segment: "retain", visits: 4, done: 1 }])];
    const team = consolidation.consolidateTeam(reps);
    const rituals = consolidation.ritualsOf(
      "M",
      ["r0001"],
      [],
      [{ owner: "r0001", dueDate: "2026-01-01", status: "open" }],
      "2026-06-30",
    );
    const manager = consolidation.managerReport("Claire", team, rituals);
    await gateway.writeManagerSheet(sheets.directorSheet({ managers: [manager] }, "fr"));
    const rows = wb.sheet("N+1").values as CellValue[][];
    expect(rows[1]?.[0]).toBe("Claire");
    expect(column(rows, "Entretiens ce mois")[1]).toBe(0);
    expect(column(rows, "Actions en retard")[1]).toBe(1);
    expect(String(column(rows, "Alertes")[1])).toContain("aucun entretien de pilotage");
    // "Entretiens ce mois" is column Z (index 25): a manager with no review this month is coloured.
    expect(rows[0]?.indexOf("Entretiens ce mois")).toBe(25);
    expect(wb.sheet("N+1").conditionalFormats.map((c) => c.address)).toContain("Z2");
  });
});
