import * as allocation from "../../../src/core/allocation";
import * as norms from "../../../src/core/norms";
import * as plan from "../../../src/core/plan";
import * as scenarios from "../../../src/core/scenarios";
import type { Client } from "../../../src/core/types";
import { DEFAULT_CHANNELS } from "../../../src/core/types";
import { client as base } from "../../support/clients";

const client = (id: string, salesN1: number, salesN: number, potential: number | null): Client =>
  base(id, { salesN1, salesN, potential });

const clients: Client[] = [
  client("a", 100, 120, 200), // retain
  client("b", 50, 40, 400), // at risk
  client("c", 30, 30, 500), // develop
  client("d", 0, 0, 50), // prospect
];

const tight: plan.PlanOptions = { capacity: { perChannel: { visit: 12 }, prospecting: { visits: 0 } } };
const ample: plan.PlanOptions = { capacity: { perChannel: { visit: 40 }, prospecting: { visits: 2 } } };

describe("compareScenarios", () => {
  const comparison = scenarios.compareScenarios(clients, [
    { name: "tight", options: tight },
    { name: "ample", options: ample },
    { name: "optimized", options: { ...ample, method: "optimized" } },
  ]);

  test("each scenario's figures are its plan's: capacity, planned per segment and channel, left at zero", () => {
    const [t, a] = comparison.scenarios;
    const planT = plan.buildPlan(clients, tight);
    expect(t.name).toBe("tight");
    expect(t.capacity.visit).toBe(12);
    expect(t.total.visit).toBe(planT.clients.reduce((s, c) => s + (c.planned.visit ?? 0), 0));
    expect(t.planned.retain.visit).toBe(planT.clients[0].planned.visit);
    expect(a.leftAtZero).toBe(plan.buildPlan(clients, ample).leftAtZero.length);
    // No prospecting reserve in the tight scenario: the prospect gets no visit.
    expect(t.planned.prospect.visit).toBe(0);
    expect(a.planned.prospect.visit).toBeGreaterThan(0);
  });

  test("utilisation compares like with like: planned visits / visit capacity", () => {
    for (const s of comparison.scenarios)
      expect(s.utilisation.visit).toBeCloseTo((s.total.visit ?? 0) / (s.capacity.visit ?? 1), 12);
    // Calls have no capacity: no utilisation for them.
    expect(comparison.scenarios[0].utilisation.call).toBeUndefined();
  });

  test("expected response: Σ value × r(weighted planned) around the weighted norm (the optimized model)", () => {
    const p = plan.buildPlan(clients, ample);
    const expected = p.clients.reduce((s, c, i) => {
      const r = plan.responseFor(c.segment, undefined);
      return r === null
        ? s
        : s +
            plan.clientValue(clients[i]) *
              allocation.adbudg(c.weightedPlanned, norms.weighted(c.norm, DEFAULT_CHANNELS), r);
    }, 0);
    expect(comparison.scenarios[1].expectedResponse).toBeCloseTo(expected, 9);
    // More capacity cannot lower the response of the same method.
    expect(comparison.scenarios[1].expectedResponse).toBeGreaterThan(
      comparison.scenarios[0].expectedResponse,
    );
  });

  test("the clients whose plan changes most come first, with their weighted plan per scenario", () => {
    const changes = comparison.changes;
    expect(changes.length).toBeGreaterThan(0);
    for (let k = 1; k < changes.length; k++)
      expect(changes[k - 1].change).toBeGreaterThanOrEqual(changes[k].change);
    for (const c of changes) {
      expect(c.weighted).toHaveLength(3);
      expect(c.change).toBeCloseTo(Math.max(...c.weighted) - Math.min(...c.weighted), 12);
    }
    expect(
      scenarios.compareScenarios(clients, [
        { name: "x", options: tight },
        { name: "y", options: tight },
      ]).changes,
    ).toEqual([]);
  });
});
