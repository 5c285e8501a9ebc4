/**
 * Tours benchmark: the demo rep's 300 clients planned (norms), tracked on the demo CRM export, then
 * toured from Nantes for four weeks (goal ≤ 300 ms) and for a year (goal ≤ 2 s); total km set
 * against a plain angular sweep of the same visits around the base (goal: shorter). Also geocoding
 * 10,000 clients by postal code and city (goal ≤ 100 ms).
 */
import * as calendar from "../src/core/calendar";
import * as parse from "../src/core/parse";
import * as plan from "../src/core/plan";
import * as tours from "../src/core/tours";
import * as tracking from "../src/core/tracking";
import { generateDemo } from "../src/workbench/demo";
import { fmt, median, timeRuns } from "./stats";

const TODAY = "2027-01-04";

/** The same visits, day by day, cut by bearing around the base and visited in bearing order. */
function sweepKm(base: tours.LatLon, result: tours.TourPlan): number {
  let total = 0;
  // Per window of four weeks, as the planner works: the same clients, the same day sizes.
  const windows = new Map<number, tours.TourDay[]>();
  const first = calendar.isoToDayNumber(result.start);
  for (const day of result.days) {
    const w = Math.floor((calendar.isoToDayNumber(day.date) - first) / 28);
    windows.set(w, [...(windows.get(w) ?? []), day]);
  }
  for (const days of windows.values()) {
    const stops = days
      .flatMap((d) => d.stops)
      .sort((a, b) => tours.angleFrom(base, a) - tours.angleFrom(base, b) || (a.id < b.id ? -1 : 1));
    let k = 0;
    for (const day of days) {
      let prev = base;
      for (const s of stops.slice(k, k + day.stops.length)) {
        total += tours.haversineKm(prev, s);
        prev = s;
      }
      if (day.stops.length > 0) total += tours.haversineKm(prev, base);
      k += day.stops.length;
    }
  }
  return total;
}

export async function run(): Promise<void> {
  const demo = generateDemo(1, { today: TODAY });
  const portfolio = parse.parsePortfolio(demo.clients);
  const planned = plan.buildPlan(portfolio.clients, {
    capacity: { perChannel: { visit: 828, call: 1500 }, prospecting: { visits: 166 } },
  });
  const refs = portfolio.clients.map((c) => ({ id: c.id, name: c.name }));
  const contacts = tracking.parseContacts(demo.contacts, refs);
  const cal = calendar.createWorkCalendar({ country: "FR" });
  const dayBefore = calendar.dayNumberToIso(calendar.isoToDayNumber(TODAY) - 1);
  const tracked = tracking.trackClients({
    plan: planned.clients.map((c) => {
      const client = portfolio.clients.find((x) => x.id === c.id);
      return {
        id: c.id,
        segment: c.segment,
        planned: c.planned,
        salesN: client?.salesN ?? null,
        salesN1: client?.salesN1 ?? null,
        potential: client?.potential ?? null,
      };
    }),
    contacts: contacts.contacts,
    period: { start: demo.period.start, end: dayBefore },
    asOf: dayBefore,
    calendar: cal,
  });
  const index = await tours.loadFranceIndex();
  const geo = tours.geocodeClients(
    index,
    portfolio.clients.map((c) => ({ id: c.id, row: c.row, postalCode: c.postalCode, city: c.city })),
  );
  const clients = tours.tourClientsOf(tracked.clients, geo.placed);
  const base = tours.placeBase(index, "44000") as tours.LatLon;
  const input = {
    clients,
    base,
    start: TODAY,
    perDay: 4,
    isWorkingDay: (iso: string) => cal.isWorkingDay(iso),
  };

  for (const [label, weeks, goal] of [
    ["four weeks", 4, 300],
    ["a year", 52, 2000],
  ] as const) {
    let result = tours.planTours({ ...input, weeks });
    const times = timeRuns(
      () => {
        result = tours.planTours({ ...input, weeks });
      },
      weeks === 4 ? 7 : 3,
    );
    const stops = result.days.reduce((n, d) => n + d.stops.length, 0);
    const sweep = sweepKm(base, result);
    console.log(
      `tours, ${label}, ${clients.length} clients, 4 a day: ${fmt(median(times))} median (goal ≤ ${goal} ms); ` +
        `${result.days.length} days, ${stops} visits, ${result.unscheduled.length} unscheduled; ` +
        `${result.km.toFixed(0)} km against ${sweep.toFixed(0)} km by plain angular sweep (${((result.km / sweep - 1) * 100).toFixed(1)} %)`,
    );
  }

  const places = demo.clients.slice(1);
  const many = Array.from({ length: 10_000 }, (_, i) => {
    const r = places[i % places.length] ?? [];
    return { id: `G${i}`, row: i + 2, postalCode: r[2], city: String(r[3] ?? "") };
  });
  const table = (await import("../src/core/tours/data/postcodesFr")).POSTCODES_FR;
  // Cold: the table parsed afresh on every run (what the first tour of a session pays).
  const geoTimes = timeRuns(() => {
    tours.geocodeClients(tours.parsePostcodeTable(table), many);
  }, 7);
  console.log(
    `geocoding 10,000 clients by postal code and city, table of ${table.length.toLocaleString("en")} characters parsed each run: ${fmt(median(geoTimes))} median (goal ≤ 100 ms)`,
  );
}
