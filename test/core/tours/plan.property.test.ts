import fc from "fast-check";
import * as calendar from "../../../src/core/calendar";
import * as tours from "../../../src/core/tours";

fc.configureGlobal({ endOnFailure: true });
const BASE = { lat: 47.22, lon: -1.55 };
const START = "2027-01-04";

const client = (i: number) =>
  fc.record({
    id: fc.constant(`C${String(i).padStart(3, "0")}`),
    lat: fc.double({ min: 46.6, max: 47.9, noNaN: true }),
    lon: fc.double({ min: -2.5, max: -0.3, noNaN: true }),
    plannedVisits: fc.constantFrom(0, 1, 2, 3, 4, 6, 8, 10, 12, 24),
    lastContact: fc.option(
      fc
        .integer({ min: 0, max: 500 })
        .map((back) => calendar.dayNumberToIso(calendar.isoToDayNumber(START) - back)),
      { freq: 5 },
    ),
    prospect: fc.boolean(),
    atRiskUnder: fc.boolean(),
  });

const scenario = fc
  .record({
    n: fc.integer({ min: 1, max: 60 }),
    weeks: fc.integer({ min: 1, max: 10 }),
    perDay: fc.integer({ min: 1, max: 6 }),
    leave: fc.array(fc.integer({ min: 0, max: 69 }), { maxLength: 8 }),
    share: fc.constantFrom(0, 0.2, 0.5),
  })
  .chain((s) => fc.tuple(fc.constant(s), fc.tuple(...Array.from({ length: s.n }, (_, i) => client(i)))));

function run(
  s: { weeks: number; perDay: number; leave: number[]; share: number },
  clients: tours.TourClient[],
) {
  const first = calendar.isoToDayNumber(START);
  const cal = calendar.createWorkCalendar({
    country: "FR",
    extraDaysOff: s.leave.map((k) => calendar.dayNumberToIso(first + k)),
  });
  const plan = tours.planTours({
    clients,
    base: BASE,
    start: START,
    weeks: s.weeks,
    perDay: s.perDay,
    isWorkingDay: (iso: string) => cal.isWorkingDay(iso),
    prospectingShare: s.share,
  });
  return { plan, cal, first, last: first + s.weeks * 7 - 1 };
}

describe("tour plans: the domain's invariants on random portfolios", () => {
  it("every stop on a working day of the period, ≤ visits per day, km = Σ legs, no client more often than its plan allows", () => {
    fc.assert(
      fc.property(scenario, ([s, clients]) => {
        const { plan, cal, first, last } = run(s, clients);
        const byId = new Map<string, tours.TourClient>(clients.map((c) => [c.id, c]));
        const visits = new Map<string, number[]>();
        for (const day of plan.days) {
          const d = calendar.isoToDayNumber(day.date);
          expect(d).toBeGreaterThanOrEqual(first);
          expect(d).toBeLessThanOrEqual(last);
          expect(cal.isWorkingDay(day.date)).toBe(true);
          expect(day.stops.length).toBeLessThanOrEqual(s.perDay);
          let prev = BASE;
          let sum = 0;
          day.stops.forEach((stop, k) => {
            expect(stop.order).toBe(k + 1);
            expect(stop.legKm).toBeCloseTo(tours.haversineKm(prev, stop), 9);
            sum += stop.legKm;
            prev = stop;
            visits.set(stop.id, [...(visits.get(stop.id) ?? []), d]);
          });
          const back = day.stops.length === 0 ? 0 : tours.haversineKm(prev, BASE);
          expect(day.km).toBeCloseTo(sum + back, 9);
          expect(day.roadKm).toBeCloseTo(day.km * 1.3, 9);
        }
        // Every working day of the period is a day of the plan, in date order.
        const working = calendar.eachDay(START, plan.end).filter((d) => cal.isWorkingDay(d));
        expect(plan.days.map((d) => d.date)).toEqual(working);
        for (const [id, days] of visits) {
          const c = byId.get(id);
          expect(c?.plannedVisits ?? 0).toBeGreaterThan(0);
          for (let k = 1; k < days.length; k++)
            expect(days[k] - days[k - 1]).toBeGreaterThanOrEqual(365 / (c?.plannedVisits ?? 1));
          expect(days.length).toBeLessThanOrEqual(
            Math.floor(((last - first) * (c?.plannedVisits ?? 0)) / 365) + 1,
          );
        }
      }),
      { numRuns: 60 },
    );
  });

  it("overdue clients first: no client is visited while an overdue one of its pool (clients or prospects) waits", () => {
    fc.assert(
      fc.property(scenario, ([s, clients]) => {
        const { plan, first } = run(s, clients);
        const visited = new Set(plan.days.flatMap((d) => d.stops.map((x) => x.id)));
        const overdue = (c: tours.TourClient): boolean =>
          c.plannedVisits > 0 &&
          tours.isOverdueAt(
            tours.dueDay(
              c.lastContact === null ? null : calendar.isoToDayNumber(c.lastContact),
              c.plannedVisits,
            ),
            first,
          );
        for (const pool of [true, false]) {
          const members = clients.filter((c) => c.prospect === pool);
          const waiting = members.filter((c) => overdue(c) && !visited.has(c.id));
          const notOverdueVisited = members.filter((c) => !overdue(c) && visited.has(c.id));
          if (waiting.length > 0) expect(notOverdueVisited.map((c) => c.id)).toEqual([]);
        }
        // Those left are listed as unscheduled with their reason.
        const unscheduled = new Set(plan.unscheduled.map((u) => u.id));
        for (const c of clients)
          if (overdue(c) && !visited.has(c.id)) expect(unscheduled.has(c.id)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("is deterministic: the same input gives the same tours", () => {
    fc.assert(
      fc.property(scenario, ([s, clients]) => {
        expect(run(s, clients).plan).toEqual(run(s, [...clients]).plan);
      }),
      { numRuns: 15 },
    );
  });
});
