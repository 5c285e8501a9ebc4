import * as fc from "fast-check";
import * as calendar from "../../../src/core/calendar";
import * as tracking from "../../../src/core/tracking";

const fr = calendar.createWorkCalendar({ country: "FR" });

interface Row {
  id: string;
  segment: string;
  visits: number;
  done: number;
  salesN: number;
  salesN1: number;
  potential: number;
}

function track(rows: Row[], asOf = "2026-12-31"): tracking.TrackingResult {
  const contacts = rows.flatMap((r) =>
    Array.from({ length: r.done }, (_, k) => ({
      clientId: r.id,
      channel: "visit",
      date: `2026-0${1 + (k % 9)}-1${k % 10}`,
    })),
  );
  return tracking.trackClients({
    plan: rows.map((r) => ({
      id: r.id,
      segment: r.segment,
      planned: { visit: r.visits },
      salesN: r.salesN,
      salesN1: r.salesN1,
      potential: r.potential,
    })),
    contacts,
    period: { start: "2026-01-01", end: "2026-12-31" },
    asOf,
    calendar: fr,
  });
}

// At year end e = 1: pace = done / visits.
const portfolio: Row[] = [
  { id: "R1", segment: "retain", visits: 10, done: 20, salesN: 500, salesN1: 400, potential: 600 }, // Over, earned capped at 10 (cap 1.0 × plan)
  { id: "R2", segment: "retain", visits: 10, done: 10, salesN: 300, salesN1: 300, potential: 400 }, // OnTrack
  { id: "K1", segment: "atRisk", visits: 8, done: 2, salesN: 50, salesN1: 100, potential: 300 }, // Under
  { id: "K2", segment: "atRisk", visits: 8, done: 0, salesN: 40, salesN1: 80, potential: 200 }, // Under, never contacted
  { id: "P1", segment: "prospect", visits: 0, done: 3, salesN: 0, salesN1: 0, potential: 100 }, // NoPlan
];

describe("portfolioKpis", () => {
  const kpis = tracking.portfolioKpis(track(portfolio));

  it("computes attainment on capped earned, to date and for the year", () => {
    // earned: R1 min(20, 10) = 10, R2 10, K1 2, K2 0 → 22; planned 36.
    expect(kpis.earnedWeighted).toBe(22);
    expect(kpis.plannedWeighted).toBe(36);
    expect(kpis.attainment).toBe(22 / 36);
    expect(kpis.attainmentToDate).toBe(22 / 36);
    expect(kpis.pace).toBe((20 + 10 + 2 + 3) / 36);
  });

  it("computes reach, frequency and coverage over planned clients", () => {
    expect(kpis.plannedClients).toBe(4);
    expect(kpis.reached).toBe(3);
    expect(kpis.reach).toBe(3 / 4);
    expect(kpis.frequency).toBe(35 / 4);
    expect(kpis.coverage).toBe(2 / 4);
    expect(kpis.counts).toEqual({ Under: 2, OnTrack: 1, Over: 1, NoPlan: 1 });
  });

  it("names the two symptoms and the overdue clients", () => {
    expect(kpis.saturatedTopAccounts).toEqual(["R1"]);
    expect(kpis.neglectedAtRisk).toEqual(["K1", "K2"]);
    expect(kpis.overdue).toContain("K2");
    expect(kpis.overdue).not.toContain("P1");
  });

  it("compares the sales trend of clients at or above plan with those below", () => {
    expect(kpis.impact.atOrAbovePlan).toEqual({
      clients: 2,
      salesN: 800,
      salesN1: 700,
      trend: 800 / 700 - 1,
    });
    expect(kpis.impact.belowPlan).toEqual({ clients: 2, salesN: 90, salesN1: 180, trend: -0.5 });
  });

  it("computes attainment to date against planned to date mid-year", () => {
    const mid = tracking.portfolioKpis(track(portfolio, "2026-06-30"));
    expect(mid.plannedToDate).toBeCloseTo(36 * (123 / 252), 10);
    expect(mid.attainmentToDate).toBeCloseTo(mid.earnedWeighted / mid.plannedToDate, 12);
  });

  it("returns nulls rather than dividing by zero on an empty portfolio", () => {
    const empty = tracking.portfolioKpis(track([]));
    expect([
      empty.attainment,
      empty.reach,
      empty.frequency,
      empty.coverage,
      empty.concentration.gini,
    ]).toEqual([null, null, null, null, null]);
  });
});

describe("portfolio KPI bounds (property)", () => {
  it("keeps reach and coverage in [0, 1], attainment within the cap and counts consistent", () => {
    const arb = fc.array(
      fc.record({
        segment: fc.constantFrom("retain", "develop", "atRisk", "maintain", "prospect"),
        visits: fc.nat(12),
        done: fc.nat(30),
        salesN: fc.nat(1000),
        salesN1: fc.nat(1000),
        potential: fc.nat(1000),
      }),
      { maxLength: 25 },
    );
    fc.assert(
      fc.property(arb, fc.constantFrom("2026-03-31", "2026-06-30", "2026-12-31"), (rows, asOf) => {
        const k = tracking.portfolioKpis(
          track(
            rows.map((r, i) => ({ ...r, id: `c${i}` })),
            asOf,
          ),
        );
        for (const v of [k.reach, k.coverage]) if (v !== null) expect(v >= 0 && v <= 1).toBe(true);
        if (k.attainment !== null) expect(k.attainment).toBeLessThanOrEqual(1 + 1e-12);
        expect(k.counts.Under + k.counts.OnTrack + k.counts.Over + k.counts.NoPlan).toBe(rows.length);
        expect(k.reached).toBeLessThanOrEqual(k.plannedClients);
        expect(k.saturatedTopAccounts.length + k.neglectedAtRisk.length).toBeLessThanOrEqual(
          k.counts.Over + k.counts.Under,
        );
      }),
      { numRuns: 100 },
    );
  });
});
