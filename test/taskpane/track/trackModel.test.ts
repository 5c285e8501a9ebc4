import * as tracking from "../../../src/core/tracking";
import { computeFigures } from "../../../src/taskpane/engine/calendarEngine";
import { planFromClients, tableOf } from "../../../src/taskpane/track/trackModel";
import { CRM_EXPORT, clientsTable } from "../support/trackFixture";

const grid = (csv: string): string[][] => csv.split("\n").map((l) => l.split(","));

describe("trackModel", () => {
  it("reads the plan through Cadence's column ids", () => {
    const { plan, names } = planFromClients(clientsTable());
    expect(plan.map((p) => [p.id, p.segment, p.planned])).toEqual([
      ["K1", "retain", { visit: 10, call: 6 }],
      ["R1", "atRisk", { visit: 8, call: 8 }],
      ["M1", "maintain", { visit: 3, call: 4 }],
    ]);
    expect(names.get("R1")).toBe("Rho");
  });

  it("finds both symptoms by name and agrees with the core's KPIs", () => {
    const figures = computeFigures(
      { clients: tableOf(clientsTable()), contacts: { grid: grid(CRM_EXPORT) } },
      "2026-06-30",
    );
    expect(figures.kpis.saturatedTopAccounts).toEqual(["K1"]);
    expect(figures.kpis.neglectedAtRisk).toEqual(["R1"]);
    expect(figures.kpis.reach).toBeCloseTo(2 / 3);
    // ZZ9 is not in the plan: a new name, tracked as a prospect without a plan, not an issue.
    expect(figures.contactIssues).toBe(0);
    const zz9 = figures.result.clients.find((c) => c.id === "ZZ9");
    expect([zz9?.segment, zz9?.plannedWeighted, zz9?.contacts]).toEqual(["prospect", 0, 1]);
    const remaining = figures.result.clients.reduce((s, c) => s + c.remainingWeighted, 0);
    expect(figures.catchUp).toBe(tracking.catchUpOf(remaining, figures.result.elapsed.remainingDays));
    expect(figures.catchUp).toBeCloseTo(remaining / figures.result.elapsed.remainingDays);
    expect(figures.result.elapsed.elapsedDays).toBe(123); // domain example: 123 of 252
    expect(tracking.DEFAULT_TOLERANCE).toBe(0.2);
  });

  it("gives the catch-up per channel against what a day holds, as the core computes it", () => {
    const settings = {
      ...tracking.defaultPlanSettings("2026-06-30"),
      periodStart: "2026-01-01",
      periodEnd: "2026-12-31",
      country: "FR",
      region: "",
      leaveDays: 25,
      nonFieldDays: 20,
      contactsPerDay: 4,
    };
    const figures = computeFigures(
      { clients: tableOf(clientsTable()), contacts: { grid: grid(CRM_EXPORT) }, settings },
      "2026-06-30",
    );
    const expected = tracking.portfolioCatchUp(figures.result, {
      visitsPerDay: 4,
      remotePerDay: 3,
      fieldShare: 207 / 252,
      remoteShare: 0,
    });
    expect(figures.catchUpLines).toEqual(expected);
    const visit = figures.catchUpLines.find((l) => l.channel === "visit");
    expect(visit?.holds).toBeCloseTo((4 * 207) / 252, 12);
    expect(visit?.remaining).toBe(figures.result.clients.reduce((s, c) => s + (c.remaining.visit ?? 0), 0));
  });
});
