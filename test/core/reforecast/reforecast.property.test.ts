import * as fc from "fast-check";
import * as calendar from "../../../src/core/calendar";
import * as reforecast from "../../../src/core/reforecast";
import * as tracking from "../../../src/core/tracking";

// The property tests (issue 15, domain.md "Scenarios and re-forecast").
const fr = calendar.createWorkCalendar({ country: "FR" });
const period = { start: "2026-01-01", end: "2026-12-31" };
const CHANNELS = ["visit", "call", "video"] as const;
const SEGMENTS = ["retain", "develop", "atRisk", "maintain", "prospect"];

const dayOf = (n: number): string => calendar.dayNumberToIso(calendar.isoToDayNumber("2025-10-01") + n);

const clientArb = fc.record({
  segment: fc.constantFrom(...SEGMENTS),
  visit: fc.integer({ min: 0, max: 30 }),
  call: fc.integer({ min: 0, max: 20 }),
  video: fc.integer({ min: 0, max: 5 }),
  potential: fc.option(fc.integer({ min: 1, max: 500_000 }), { nil: null }),
  salesN: fc.integer({ min: 0, max: 200_000 }),
});

const caseArb = fc.record({
  clients: fc.array(clientArb, { minLength: 1, maxLength: 25 }),
  contacts: fc.array(
    fc.record({
      client: fc.nat(),
      day: fc.integer({ min: 0, max: 500 }),
      channel: fc.constantFrom(...CHANNELS),
    }),
    { maxLength: 120 },
  ),
  // As-of dates from 2025-10-01 (before the period) to 2027-02-13 (after it).
  asOf: fc.integer({ min: 0, max: 500 }),
  capacity: fc.record({
    visit: fc.integer({ min: 0, max: 400 }),
    call: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
  }),
  method: fc.constantFrom("norms" as const, "optimized" as const),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function run(c: Case): { input: tracking.TrackingResult; r: reforecast.Reforecast } {
  const plan: tracking.PlanRow[] = c.clients.map((x, i) => ({
    id: `C${String(i).padStart(3, "0")}`,
    segment: x.segment,
    planned: { visit: x.visit, call: x.call, video: x.video },
    salesN: x.salesN,
    salesN1: x.salesN,
    potential: x.potential,
  }));
  const made = c.contacts.map((k) => ({
    clientId: plan[k.client % plan.length].id,
    date: dayOf(k.day),
    channel: k.channel,
  }));
  const input = tracking.trackClients({ plan, contacts: made, period, asOf: dayOf(c.asOf), calendar: fr });
  const capacity = c.capacity.call === undefined ? { visit: c.capacity.visit } : c.capacity;
  return { input, r: reforecast.reforecast({ tracking: input, capacity, method: c.method }) };
}

const sumOf = (r: reforecast.Reforecast, field: "demand" | "remaining", ch: string): number =>
  r.clients.reduce((s, c) => s + (c[field][ch] ?? 0), 0);

describe("re-forecast properties", () => {
  test("before the period starts the re-forecast equals the baseline", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { r } = run({ ...c, asOf: c.asOf % 92 }); // 2025-10-01 … 2025-12-31
        expect(r.started).toBe(false);
        for (const client of r.clients) expect(client.remaining).toEqual(client.baseline);
      }),
      { numRuns: 150 },
    );
  });

  test("remaining contacts are whole and never negative, and never above the remaining demand", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { r } = run(c);
        for (const client of r.clients)
          for (const ch of r.channels) {
            const n = client.remaining[ch] ?? 0;
            expect(Number.isInteger(n)).toBe(true);
            expect(n).toBeGreaterThanOrEqual(0);
            expect(n).toBeLessThanOrEqual(client.demand[ch] ?? 0);
          }
      }),
      { numRuns: 200 },
    );
  });

  test("their sum equals the remaining capacity whenever the demands exceed it; else the demands stand", () => {
    const scaled = { norms: 0, optimized: 0 };
    fc.assert(
      fc.property(caseArb, (c) => {
        const { input, r } = run(c);
        for (const line of r.byChannel) {
          const left = r.remainingCapacity[line.channel];
          const demand = sumOf(r, "demand", line.channel);
          if (r.started && left !== undefined) {
            expect(left).toBe(Math.floor((line.capacity ?? 0) * (1 - input.elapsed.share) + 1e-9));
            if (demand > left) {
              expect(sumOf(r, "remaining", line.channel)).toBe(left);
              scaled[r.method]++;
            }
          }
          if (left === undefined || demand <= left)
            for (const client of r.clients)
              expect(client.remaining[line.channel]).toBe(client.demand[line.channel]);
        }
      }),
      { numRuns: 200 },
    );
    // The cases drawn do reach the scaling, by both methods.
    expect(scaled.norms).toBeGreaterThan(10);
    expect(scaled.optimized).toBeGreaterThan(10);
  });

  test("the baseline and done are the tracking's, untouched; demand = max(0, baseline − done)", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { input, r } = run(c);
        r.clients.forEach((client, i) => {
          const t = input.clients[i];
          for (const ch of r.channels) {
            expect(client.baseline[ch]).toBe(t.planned[ch]);
            expect(client.done[ch]).toBe(t.actual[ch]);
            if (r.started)
              expect(client.demand[ch]).toBe(Math.max(0, (t.planned[ch] ?? 0) - (t.actual[ch] ?? 0)));
          }
        });
      }),
      { numRuns: 100 },
    );
  });
});
