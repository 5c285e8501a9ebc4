import * as plan from "../../../src/core/plan";
import type { Client } from "../../../src/core/types";
import { client as base } from "../../support/clients";

const client = (
  id: string,
  salesN1: number,
  salesN: number,
  potential: number | null,
  extra: Partial<Client> = {},
): Client => base(id, { salesN1, salesN, potential, ...extra });

const clients: Client[] = [
  client("a", 100, 120, 200), // retain (share 0.6, potential A)
  client("b", 50, 40, 400), // at risk (trend −20 %)
  client("c", 30, 30, 500), // develop (share 0.06)
  client("d", 0, 0, 50), // prospect
  client("e", 5, 5, 20, { normOverride: { visit: 1 }, max: 1 }), // maintain, override and max
];

describe("buildPlan", () => {
  test("segments, takes norms, and scales visits within each pool; uncapped channels keep their norms", () => {
    const result = plan.buildPlan(clients, {
      capacity: { perChannel: { visit: 20 }, prospecting: { visits: 2 } },
    });
    expect(result.segments).toEqual({ retain: 1, atRisk: 1, develop: 1, prospect: 1, maintain: 1 });
    const visits = Object.fromEntries(result.clients.map((c) => [c.id, c.planned.visit]));
    expect(visits.d).toBe(2); // the prospecting reserve; norm 2 stands
    expect((visits.a ?? 0) + (visits.b ?? 0) + (visits.c ?? 0) + (visits.e ?? 0)).toBe(18);
    expect(visits.e).toBeLessThanOrEqual(1); // its own norm and max
    expect(result.uncapped).toEqual(["call"]);
    expect(result.clients.find((c) => c.id === "b")?.planned.call).toBe(8);
    expect(result.notes.join(" ")).toMatch(/No capacity given for call/);
    const a = result.clients.find((c) => c.id === "a")!;
    expect(a.weightedPlanned).toBeCloseTo((a.planned.visit ?? 0) + 6 * 0.25, 10);
    expect(a.explanation).toMatch(/^visit: norm 10 → \d+ \(scaled by/);
  });

  test("the optimized method uses each pool exactly and explains marginal values", () => {
    const result = plan.buildPlan(clients, {
      capacity: { perChannel: { visit: 40, call: 30 }, prospecting: { visits: 4 } },
      method: "optimized",
    });
    const total = (ch: string): number => result.clients.reduce((s, c) => s + (c.planned[ch] ?? 0), 0);
    expect(total("visit")).toBe(40);
    expect(total("call")).toBe(30);
    expect(result.pools.map((p) => `${p.channel}/${p.pool}`)).toEqual([
      "visit/clients",
      "visit/prospects",
      "call/all",
    ]);
    expect(result.clients.find((c) => c.id === "c")?.explanation).toMatch(/last one worth/);
  });

  test("the ABC method segments by class and needs norms for A, B and C", () => {
    const norms = { A: { visit: 10 }, B: { visit: 5 }, C: { visit: 2 } };
    const result = plan.buildPlan(clients, {
      segmentation: { method: "abc" },
      norms,
      capacity: { perChannel: { visit: 100 }, prospecting: { visits: 0 } },
    });
    expect(result.segments).toEqual({ A: 2, B: 1, C: 2 });
    expect(() =>
      plan.buildPlan(clients, {
        segmentation: { method: "abc" },
        capacity: { perChannel: {}, prospecting: { visits: 0 } },
      }),
    ).toThrow(/segment/i);
  });

  test("infeasible bounds surface the allocation's typed error with the numbers", () => {
    const bounded = clients.map((c) => ({ ...c, min: 10, max: null }));
    expect(() =>
      plan.buildPlan(bounded, { capacity: { perChannel: { visit: 20 }, prospecting: { visits: 0 } } }),
    ).toThrow(/20/);
  });
});

describe("segmentPortfolio", () => {
  test("ABC, cross ABC and forced segments explain themselves in English and French", () => {
    const forced = [...clients, client("f", 10, 10, 10, { segmentOverride: "develop" })];
    const byAbc = plan.segmentPortfolio(forced, { method: "abc" });
    expect(byAbc.get("a")?.reason).toMatch(/^ABC on salesN: 0\.0 % of the total before it → A$/);
    expect(byAbc.get("a")?.reasonFr).toMatch(/^ABC sur le CA N : 0,0 % du total avant lui → A$/);
    expect(byAbc.get("f")).toMatchObject({
      segment: "develop",
      flags: expect.arrayContaining(["override"]) as unknown,
    });
    expect(byAbc.get("f")?.reasonFr).toMatch(/^Forcé par la ligne/);
    const cross = plan.segmentPortfolio(forced, { method: "crossAbc" });
    expect(cross.get("c")?.reasonFr).toMatch(/^Case ABC croisée /);
  });
});
