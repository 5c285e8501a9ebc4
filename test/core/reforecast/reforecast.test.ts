import * as calendar from "../../../src/core/calendar";
import * as reforecast from "../../../src/core/reforecast";
import * as tracking from "../../../src/core/tracking";

const fr = calendar.createWorkCalendar({ country: "FR" });
const year2026 = { start: "2026-01-01", end: "2026-12-31" };

function row(id: string, planned: Record<string, number>, segment = "develop"): tracking.PlanRow {
  return { id, segment, planned, salesN: 100, salesN1: 100, potential: 200 };
}

function contacts(
  clientId: string,
  n: number,
  date = "2026-03-02",
  channel = "visit",
): tracking.ContactLike[] {
  return Array.from({ length: n }, () => ({ date, clientId, channel }));
}

function tracked(
  plan: tracking.PlanRow[],
  made: tracking.ContactLike[],
  asOf: string,
): tracking.TrackingResult {
  return tracking.trackClients({ plan, contacts: made, period: year2026, asOf, calendar: fr });
}

describe("remaining capacity (domain.md: capacity × (1 − e), rounded down)", () => {
  test("828 visits as of 2026-06-30 (123 of 252 working days elapsed) leave ⌊828 × 129/252⌋ = 423", () => {
    const e = tracking.elapsedShare(year2026, "2026-06-30", fr);
    expect(reforecast.remainingCapacityOf(828, e)).toBe(423);
  });

  test("is the whole capacity before the period, none from its last day, whole products stay whole", () => {
    expect(reforecast.remainingCapacityOf(828, tracking.elapsedShare(year2026, "2025-12-01", fr))).toBe(828);
    expect(reforecast.remainingCapacityOf(828, tracking.elapsedShare(year2026, "2026-12-31", fr))).toBe(0);
    // 252 × 129/252 = 129 exactly, not 128.99999…
    expect(reforecast.remainingCapacityOf(252, tracking.elapsedShare(year2026, "2026-06-30", fr))).toBe(129);
    expect(reforecast.remainingCapacityOf(0, tracking.elapsedShare(year2026, "2026-06-30", fr))).toBe(0);
  });
});

describe("reforecast", () => {
  test("norms: demands over the remaining capacity are scaled by largest remainder (the worked example)", () => {
    // Remaining demands a 10, b 10, c 8, d 3 (Σ 31); capacity 40 → ⌊40 × 129/252⌋ = 20 left.
    const plan = [
      row("a", { visit: 12, call: 4 }),
      row("b", { visit: 10 }),
      row("c", { visit: 8 }),
      row("d", { visit: 3 }, "retain"),
    ];
    const r = reforecast.reforecast({
      tracking: tracked(plan, contacts("a", 2), "2026-06-30"),
      capacity: { visit: 40 },
      method: "norms",
    });
    expect(r.started).toBe(true);
    expect(r.remainingCapacity).toEqual({ visit: 20 });
    const byId = new Map(r.clients.map((c) => [c.id, c]));
    expect(byId.get("a")).toEqual({
      id: "a",
      segment: "develop",
      baseline: { visit: 12, call: 4 },
      done: { visit: 2, call: 0 },
      demand: { visit: 10, call: 4 },
      // The call has no capacity in the plan: its remaining demand stands.
      remaining: { visit: 7, call: 4 },
    });
    expect(r.clients.map((c) => c.remaining.visit)).toEqual([7, 6, 5, 2]);
    expect(r.byChannel.find((c) => c.channel === "visit")).toEqual({
      channel: "visit",
      capacity: 40,
      remainingCapacity: 20,
      demand: 31,
      remaining: 20,
      scaled: true,
    });
    expect(r.byChannel.find((c) => c.channel === "call")).toMatchObject({ capacity: null, scaled: false });
    expect(r.notes.join(" ")).toContain("exceed the remaining capacity (20)");
  });

  test("demands within the remaining capacity stand as the remaining contacts; done beyond the plan leaves 0", () => {
    const plan = [row("a", { visit: 6 }), row("b", { visit: 4 })];
    const r = reforecast.reforecast({
      tracking: tracked(plan, [...contacts("a", 2), ...contacts("b", 7)], "2026-06-30"),
      capacity: { visit: 100 },
      method: "optimized",
    });
    expect(r.clients.map((c) => c.remaining)).toEqual([{ visit: 4 }, { visit: 0 }]);
    expect(r.byChannel[0]).toMatchObject({ remainingCapacity: 51, demand: 4, remaining: 4, scaled: false });
  });

  test("optimized: the same optimisation on the remaining units, nobody above its remaining demand", () => {
    const plan = [
      { ...row("big", { visit: 20 }), potential: 900_000 },
      { ...row("mid", { visit: 10 }), potential: 100_000 },
      { ...row("small", { visit: 10 }, "maintain"), potential: 5_000 },
    ];
    const r = reforecast.reforecast({
      tracking: tracked(plan, [], "2026-06-30"),
      capacity: { visit: 40 },
      method: "optimized",
    });
    // 40 × 129/252 = 20.47 → 20 left for 40 asked.
    const units = r.clients.map((c) => c.remaining.visit ?? 0);
    expect(units.reduce((s, x) => s + x, 0)).toBe(20);
    units.forEach((u, i) => {
      expect(u).toBeLessThanOrEqual(r.clients[i]?.demand.visit ?? 0);
    });
    // The largest potential gets the most of what is left.
    expect(units[0]).toBeGreaterThan(units[2] ?? 0);
    expect(r.notes[0]).toContain("re-planned by optimized");
  });

  test("before the period starts the re-forecast is the baseline, even a baseline over the capacity", () => {
    const plan = [row("a", { visit: 30 }), row("b", { visit: 20, digital: 3 })];
    const r = reforecast.reforecast({
      tracking: tracked(plan, contacts("a", 3, "2025-11-02"), "2025-12-15"),
      capacity: { visit: 40 },
      method: "norms",
    });
    expect(r.started).toBe(false);
    expect(r.remainingCapacity).toEqual({ visit: 40 });
    for (const c of r.clients) expect(c.remaining).toEqual(c.baseline);
    expect(r.notesFr.join(" ")).toContain("plan de référence");
  });

  test("the summary per segment sums baseline, done, remaining demand and re-planned", () => {
    const plan = [
      row("a", { visit: 12 }),
      row("b", { visit: 10 }),
      row("c", { visit: 8 }, "retain"),
      row("d", { visit: 3 }, "retain"),
    ];
    const r = reforecast.reforecast({
      tracking: tracked(plan, [...contacts("a", 2), ...contacts("c", 1)], "2026-06-30"),
      capacity: { visit: 40 },
      method: "norms",
    });
    expect(r.segments).toEqual([
      {
        segment: "develop",
        clients: 2,
        baseline: { visit: 22 },
        done: { visit: 2 },
        demand: { visit: 20 },
        remaining: { visit: r.clients[0].remaining.visit! + r.clients[1].remaining.visit! },
      },
      {
        segment: "retain",
        clients: 2,
        baseline: { visit: 11 },
        done: { visit: 1 },
        demand: { visit: 10 },
        remaining: { visit: r.clients[2].remaining.visit! + r.clients[3].remaining.visit! },
      },
    ]);
    expect(r.segments.reduce((s, x) => s + (x.remaining.visit ?? 0), 0)).toBe(20);
  });
});

describe("reforecastColumn (one channel from plain columns, the custom function's)", () => {
  const ids = ["a", "b", "c", "d"];
  test("the worked example, and the baseline before the period starts", () => {
    const at = (asOf: string): reforecast.ColumnReforecast =>
      reforecast.reforecastColumn({
        ids,
        baseline: [12, 10, 8, 3],
        done: [2, 0, 0, 0],
        capacity: 40,
        elapsed: tracking.elapsedShare(year2026, asOf, fr),
        started: reforecast.hasStarted(asOf, year2026),
      });
    expect(at("2026-06-30")).toEqual({
      remainingCapacity: 20,
      demand: [10, 10, 8, 3],
      remaining: [7, 6, 5, 2],
      scaled: true,
    });
    expect(at("2025-12-31")).toEqual({
      remainingCapacity: 40,
      demand: [12, 10, 8, 3],
      remaining: [12, 10, 8, 3],
      scaled: false,
    });
  });
});
