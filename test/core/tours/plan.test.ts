import * as calendar from "../../../src/core/calendar";
import * as tours from "../../../src/core/tours";

const BASE = { lat: 47.22, lon: -1.55 };
const cal = calendar.createWorkCalendar({ country: "FR" });
// Monday 2027-01-04: the period's first day.
const START = "2027-01-04";

function c(id: string, over: Partial<tours.TourClient> = {}): tours.TourClient {
  return {
    id,
    lat: 47.3,
    lon: -1.4,
    plannedVisits: 12,
    lastContact: "2026-12-20",
    prospect: false,
    atRiskUnder: false,
    ...over,
  };
}

describe("tour plans", () => {
  it("takes the overdue first (longest first), then At risk under plan, then by due date; ties by id", () => {
    const clients = [
      c("D", { lastContact: "2026-12-30" }), // due 2027-01-29
      c("B", { lastContact: "2026-11-01" }), // due 2026-12-01: overdue by 34 days
      c("A", { lastContact: "2026-11-20" }), // due 2026-12-20: overdue by 15 days
      c("E", { lastContact: "2026-12-15", atRiskUnder: true }), // due 2027-01-14
      c("F", { lastContact: "2026-12-10" }), // due 2027-01-09
      c("G", { lastContact: null }), // never contacted: due at once
      c("H", { lastContact: "2026-12-10" }), // tie with F, after it by id
    ];
    const plan = tours.planTours({
      clients,
      base: BASE,
      start: START,
      weeks: 1,
      perDay: 1,
      isWorkingDay: (iso: string) => cal.isWorkingDay(iso),
    });
    const visited = plan.days.flatMap((d) => d.stops.map((s) => s.id)).sort();
    expect(visited).toEqual(["A", "B", "E", "F", "G"]);
    expect(plan.unscheduled.map((u) => u.id)).toEqual(["H"]);
    const reasons = new Map(plan.days.flatMap((d) => d.stops.map((s) => [s.id, s.reason] as const)));
    expect(tours.reasonText(reasons.get("B") as tours.StopReason, "en")).toBe(
      "overdue by 34 days (due 2026-12-01)",
    );
    expect(tours.reasonText(reasons.get("B") as tours.StopReason, "fr")).toBe(
      "en retard de 34 jours (prévu le 2026-12-01)",
    );
    expect(tours.reasonText(reasons.get("G") as tours.StopReason, "en")).toBe("never contacted: due at once");
    expect(tours.reasonText(reasons.get("E") as tours.StopReason, "en")).toBe(
      "at risk, under plan (due 2027-01-14)",
    );
    expect(tours.reasonText(reasons.get("F") as tours.StopReason, "en")).toBe("due on 2027-01-09");
  });

  it("skips public holidays and leave: only the plan's working days hold stops", () => {
    const leave = calendar.createWorkCalendar({ country: "FR", extraDaysOff: ["2027-01-05", "2027-01-06"] });
    const clients = Array.from({ length: 20 }, (_, i) => c(`C${i}`, { lastContact: null, lat: 47 + i / 50 }));
    const plan = tours.planTours({
      clients,
      base: BASE,
      start: "2026-12-28",
      weeks: 2,
      perDay: 2,
      isWorkingDay: (iso: string) => leave.isWorkingDay(iso),
    });
    // 2027-01-01 (New Year) and the two days of leave are not days of the plan.
    expect(plan.days.map((d) => d.date)).toEqual([
      "2026-12-28",
      "2026-12-29",
      "2026-12-30",
      "2026-12-31",
      "2027-01-04",
      "2027-01-07",
      "2027-01-08",
    ]);
    expect(plan.days.every((d) => d.stops.length === 2)).toBe(true);
  });

  it("gives prospects the prospecting share of the slots when there are any", () => {
    const clients = [
      ...Array.from({ length: 30 }, (_, i) => c(`K${String(i).padStart(2, "0")}`, { lastContact: null })),
      ...Array.from({ length: 30 }, (_, i) =>
        c(`P${String(i).padStart(2, "0")}`, { lastContact: null, prospect: true, plannedVisits: 2 }),
      ),
    ];
    const plan = tours.planTours({
      clients,
      base: BASE,
      start: START,
      weeks: 1,
      perDay: 4,
      isWorkingDay: (iso: string) => cal.isWorkingDay(iso),
      prospectingShare: 0.2,
    });
    const ids = plan.days.flatMap((d) => d.stops.map((s) => s.id));
    expect(ids).toHaveLength(20);
    expect(ids.filter((id) => id.startsWith("P"))).toHaveLength(4);
    // Without prospects, the clients take every slot.
    const alone = tours.planTours({
      clients: clients.slice(0, 30),
      base: BASE,
      start: START,
      weeks: 1,
      perDay: 4,
      isWorkingDay: (iso: string) => cal.isWorkingDay(iso),
    });
    expect(alone.days.flatMap((d) => d.stops)).toHaveLength(20);
  });

  it("places fixed appointments first, on their day, and builds the day around them", () => {
    const far = { lat: 47.9, lon: -0.2 };
    const clients = [
      c("APT", { ...far, plannedVisits: 4 }),
      c("NEAR1", { lat: 47.88, lon: -0.25, lastContact: null }),
      c("NEAR2", { lat: 47.91, lon: -0.18, lastContact: null }),
      ...Array.from({ length: 10 }, (_, i) =>
        c(`Z${i}`, { lastContact: null, lat: 47.1 + i / 100, lon: -1.6 }),
      ),
    ];
    const plan = tours.planTours({
      clients,
      base: BASE,
      start: START,
      weeks: 1,
      perDay: 3,
      isWorkingDay: (iso: string) => cal.isWorkingDay(iso),
      appointments: [
        { date: "2027-01-06", clientId: "APT", row: 2 },
        { date: "2027-01-09", clientId: "Z1", row: 3 },
        { date: "2027-01-05", clientId: "NOBODY", row: 4 },
      ],
    });
    const wednesday = plan.days.find((d) => d.date === "2027-01-06");
    expect(wednesday?.stops.map((s) => s.id).sort()).toEqual(["APT", "NEAR1", "NEAR2"]);
    expect(wednesday?.stops.find((s) => s.id === "APT")?.reason.code).toBe("appointment");
    expect(plan.unscheduled).toEqual(
      expect.arrayContaining([
        { id: "Z1", row: 3, reason: { code: "appointmentNotWorkingDay", date: "2027-01-09" } },
        { id: "NOBODY", row: 4, reason: { code: "appointmentUnknownClient", date: "2027-01-05" } },
      ]),
    );
    expect(plan.days.flatMap((d) => d.stops).filter((s) => s.id === "APT")).toHaveLength(1);
  });

  it("orders every day of up to 12 stops as its exact shortest round trip (Held-Karp reference)", () => {
    const clients = Array.from({ length: 200 }, (_, i) =>
      c(`C${String(i).padStart(3, "0")}`, {
        lastContact: null,
        lat: 46.8 + ((i * 37) % 100) / 80,
        lon: -2.3 + ((i * 61) % 100) / 50,
      }),
    );
    for (const perDay of [5, 8, 12]) {
      const plan = tours.planTours({
        clients,
        base: BASE,
        start: START,
        weeks: 2,
        perDay,
        isWorkingDay: (iso: string) => cal.isWorkingDay(iso),
      });
      for (const day of plan.days) {
        const points = [BASE, ...day.stops];
        const d = points.map((a) => Float64Array.from(points.map((b) => tours.haversineKm(a, b))));
        const optimum = tours.tourLength(d, tours.heldKarp(d));
        expect(day.km).toBeLessThanOrEqual(optimum * 1.001 + 1e-9);
      }
    }
  });

  it("refuses bad input with the field named", () => {
    const input = {
      clients: [],
      base: BASE,
      start: START,
      weeks: 4,
      perDay: 4,
      isWorkingDay: (iso: string) => cal.isWorkingDay(iso),
    };
    expect(() => tours.planTours({ ...input, weeks: 0 })).toThrow(/weeks/);
    expect(() => tours.planTours({ ...input, perDay: 2.5 })).toThrow(/perDay/);
    expect(() => tours.planTours({ ...input, start: "2027-02-30" })).toThrow(/start/);
    expect(() => tours.planTours({ ...input, base: { lat: 91, lon: 0 } })).toThrow(/base/);
  });
});
