/** domain.md, Capacity and Allocation: remote pool, unfunded time, by priority, floor, ceiling. */
import fc from "fast-check";
import * as plan from "../../../src/core/plan";
import type { Client } from "../../../src/core/types";
import { DEFAULT_NORMS } from "../../../src/core/norms";
import { DEFAULT_CHANNELS } from "../../../src/core/types";
import { client } from "../../support/clients";

const forced = (id: string, segment: string, extra: Partial<Client> = {}): Client =>
  client(id, { salesN1: 1000, salesN: 1000, potential: 2000, segmentOverride: segment, ...extra });

const visits = (r: plan.PlanResult): Record<string, number> =>
  Object.fromEntries(r.clients.map((c) => [c.id, c.planned.visit ?? 0]));

describe("the remote pool", () => {
  test("worked example: 1,734 calls with no remote time are 145 unfunded remote days; visits untouched", () => {
    const clients = Array.from({ length: 289 }, (_, i) =>
      forced(`c${String(i).padStart(3, "0")}`, "retain", { normOverride: { visit: 2, call: 6 } }),
    );
    const r = plan.buildPlan(clients, {
      capacity: {
        perChannel: { visit: 1000 },
        prospecting: { visits: 0 },
        remote: { visitEquivalents: 0, perDay: 3 },
      },
    });
    expect(r.unfunded).toEqual({ contacts: { call: 1734 }, visitEquivalents: 433.5, days: 145 });
    expect(r.constrained).toBe(true);
    expect(r.clients.every((c) => c.planned.visit === 2 && c.planned.call === 0)).toBe(true);
    expect(r.notesFr.join(" ")).toContain("145 jours à distance non financés");
    expect(r.notes.join(" ")).toContain("145 remote days not funded");
  });

  test("remote channels share the remote visit-equivalents by weight, never more", () => {
    const clients = [
      forced("a", "retain", { normOverride: { visit: 4, call: 40, video: 10 } }),
      forced("b", "retain", { normOverride: { visit: 4, call: 20, video: 10 } }),
    ];
    // Weighted remote demand: calls 60 × 0.25 = 15, video 20 × 0.5 = 10 → 25 VE asked for 10.
    const r = plan.buildPlan(clients, {
      capacity: {
        perChannel: { visit: 8 },
        prospecting: { visits: 0 },
        remote: { visitEquivalents: 10, perDay: 3 },
      },
    });
    const calls = r.clients.reduce((s, c) => s + (c.planned.call ?? 0), 0);
    const video = r.clients.reduce((s, c) => s + (c.planned.video ?? 0), 0);
    expect(calls).toBe(24); // 10 × 15/25 = 6 VE = 24 calls
    expect(video).toBe(8); // 4 VE = 8 video calls
    expect(calls * 0.25 + video * 0.5).toBeLessThanOrEqual(10);
    expect(r.unfunded).toBeNull();
    expect(r.constrained).toBe(true);
  });
});

describe("when capacity is short", () => {
  const clients = [
    forced("r1", "retain", { normOverride: { visit: 10 } }),
    forced("r2", "retain", { normOverride: { visit: 10 } }),
    forced("k1", "atRisk", { normOverride: { visit: 8 } }),
    forced("d1", "develop", { normOverride: { visit: 12 } }),
    forced("m1", "maintain", { normOverride: { visit: 3 } }),
    forced("m2", "maintain", { normOverride: { visit: 3 } }),
  ];
  const capacity = { perChannel: { visit: 33 }, prospecting: { visits: 0 } };

  test("by priority: Retain and At risk in full, Develop scaled, Maintain at the floor", () => {
    const r = plan.buildPlan(clients, {
      capacity,
      mode: "priority",
      floor: true,
      channels: DEFAULT_CHANNELS.slice(0, 1),
    });
    // 33 − 2 floors for Maintain = 31: Retain 20, At risk 8, Develop gets 3.
    expect(visits(r)).toEqual({ r1: 10, r2: 10, k1: 8, d1: 3, m1: 1, m2: 1 });
    expect(r.mode).toBe("priority");
    expect(r.constrained).toBe(true);
    expect(r.floored).toEqual(["m1", "m2"]);
    expect(r.leftAtZero).toEqual([]);
  });

  test("without the floor, by priority lists the clients left at zero", () => {
    const r = plan.buildPlan(clients, { capacity, mode: "priority", channels: DEFAULT_CHANNELS.slice(0, 1) });
    expect(visits(r)).toEqual({ r1: 10, r2: 10, k1: 8, d1: 5, m1: 0, m2: 0 });
    expect(r.leftAtZero).toEqual(["m1", "m2"]);
    expect(r.notesFr.join(" ")).toContain("laissé(s) à zéro : m1, m2");
  });

  test("proportional scaling with the floor keeps every active client at one contact or more", () => {
    const many = Array.from({ length: 30 }, (_, i) => forced(`x${String(i).padStart(2, "0")}`, "maintain"));
    const r = plan.buildPlan([...clients, ...many], {
      capacity: { perChannel: { visit: 40 }, prospecting: { visits: 0 } },
      floor: true,
      channels: DEFAULT_CHANNELS.slice(0, 1),
    });
    expect(r.clients.every((c) => (c.planned.visit ?? 0) >= 1)).toBe(true);
    expect(r.clients.reduce((s, c) => s + (c.planned.visit ?? 0), 0)).toBe(40);
    expect(r.leftAtZero).toEqual([]);
  });

  test("the floor goes on a call when the remote pool has time", () => {
    const r = plan.buildPlan(clients, {
      capacity: {
        perChannel: { visit: 33 },
        prospecting: { visits: 0 },
        remote: { visitEquivalents: 5, perDay: 3 },
      },
      mode: "priority",
      floor: true,
    });
    const m1 = r.clients.find((c) => c.id === "m1");
    expect(m1?.planned.visit).toBe(0);
    expect(m1?.planned.call).toBe(1);
    expect(visits(r)).toEqual({ r1: 10, r2: 10, k1: 8, d1: 5, m1: 0, m2: 0 });
  });

  test("says truthfully whether the capital constrains (also when it is 0)", () => {
    const fits = plan.buildPlan(clients, {
      capacity: { perChannel: { visit: 100 }, prospecting: { visits: 0 } },
      channels: DEFAULT_CHANNELS.slice(0, 1),
    });
    expect(fits.constrained).toBe(false);
    const none = plan.buildPlan(clients, {
      capacity: { perChannel: { visit: 0 }, prospecting: { visits: 0 } },
      channels: DEFAULT_CHANNELS.slice(0, 1),
    });
    expect(none.constrained).toBe(true);
    expect(none.leftAtZero).toHaveLength(6);
    const floorless = plan.buildPlan(clients, {
      capacity: { perChannel: { visit: 3 }, prospecting: { visits: 0 } },
      floor: true,
      channels: DEFAULT_CHANNELS.slice(0, 1),
    });
    expect(floorless.notes.join(" ")).toContain("cannot keep one contact for 3 more active client(s)");
    expect(floorless.clients.reduce((s, c) => s + (c.planned.visit ?? 0), 0)).toBe(3);
  });

  test("a prospecting reserve with no prospect is reported as spare", () => {
    const r = plan.buildPlan(clients, {
      capacity: { perChannel: { visit: 100 }, prospecting: { visits: 20 } },
      channels: DEFAULT_CHANNELS.slice(0, 1),
    });
    const reserve = r.pools.find((p) => p.pool === "prospects");
    expect(reserve?.result.spare).toBe(20);
    expect(r.notes.join(" ")).toContain("no prospect to use it: 20 spare");
    expect(r.notesFr.join(" ")).toContain("aucun prospect pour l'utiliser : 20 disponibles");
  });
});

describe("the optimized ceiling", () => {
  test("34 prospects without potential share the reserve evenly, at most 2 × their norm", () => {
    const prospects = Array.from({ length: 34 }, (_, i) =>
      client(`p${String(i).padStart(2, "0")}`, { salesN: 0, salesN1: 0 }),
    );
    const r = plan.buildPlan(prospects, {
      method: "optimized",
      capacity: { perChannel: { visit: 50 }, prospecting: { visits: 50 } },
      channels: DEFAULT_CHANNELS.slice(0, 1),
    });
    const v = Object.values(visits(r)).sort((a, b) => a - b);
    expect(v.filter((x) => x === 1)).toHaveLength(18);
    expect(v.filter((x) => x === 2)).toHaveLength(16);
    const big = plan.buildPlan(prospects, {
      method: "optimized",
      capacity: { perChannel: { visit: 160 }, prospecting: { visits: 160 } },
      channels: DEFAULT_CHANNELS.slice(0, 1),
    });
    expect(Object.values(visits(big)).every((x) => x === 4)).toBe(true); // prospect norm 2 × 2
    expect(big.pools.find((p) => p.pool === "prospects")?.result.spare).toBe(160 - 136);
  });
});

describe("properties", () => {
  const segments = ["retain", "atRisk", "develop", "maintain"];
  const portfolio = fc.array(
    fc.record({
      segment: fc.constantFrom(...segments),
      visit: fc.integer({ min: 0, max: 15 }),
      call: fc.integer({ min: 0, max: 10 }),
      video: fc.integer({ min: 0, max: 4 }),
      active: fc.boolean(),
      max: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
    }),
    { minLength: 1, maxLength: 25 },
  );
  const toClients = (
    rows: {
      segment: string;
      visit: number;
      call: number;
      video: number;
      active: boolean;
      max: number | null;
    }[],
  ): Client[] =>
    rows.map((r, i) =>
      client(`c${String(i).padStart(2, "0")}`, {
        salesN: r.active ? 100 : 0,
        salesN1: r.active ? 100 : 0,
        segmentOverride: r.segment,
        normOverride: { visit: r.visit, call: r.call, video: r.video },
        max: r.max,
      }),
    );

  test("Σ allocations ≤ each pool's capacity; the optimized ceiling holds", () => {
    fc.assert(
      fc.property(
        portfolio,
        fc.integer({ min: 0, max: 150 }),
        fc.integer({ min: 0, max: 40 }),
        fc.constantFrom("norms", "optimized"),
        fc.constantFrom("proportional", "priority"),
        fc.boolean(),
        (rows, visitCap, remoteVe, method, mode, floor) => {
          const clients = toClients(rows);
          let r: plan.PlanResult;
          try {
            r = plan.buildPlan(clients, {
              capacity: {
                perChannel: { visit: visitCap },
                prospecting: { visits: 0 },
                remote: { visitEquivalents: remoteVe, perDay: 3 },
              },
              method: method,
              mode: mode,
              floor,
            });
          } catch (e) {
            // Only the floor or maximums can make a pool infeasible; the error says so.
            expect((e as Error).name).toBe("InfeasibleAllocationError");
            return;
          }
          const sum = (ch: string): number => r.clients.reduce((s, c) => s + (c.planned[ch] ?? 0), 0);
          expect(sum("visit")).toBeLessThanOrEqual(visitCap);
          expect(sum("call") * 0.25 + sum("video") * 0.5 + sum("digital") * 0.1).toBeLessThanOrEqual(
            remoteVe + 1e-9,
          );
          if (method === "optimized") {
            r.clients.forEach((c, i) => {
              const row = rows[i];
              // The ceiling is 2 × the segment's norm (not the row's override), at least 1, unless a max.
              const norm = DEFAULT_NORMS[row.segment] ?? {};
              const capVisit = row.max ?? Math.max(1, 2 * (norm.visit ?? 0));
              expect(c.planned.visit ?? 0).toBeLessThanOrEqual(Math.max(capVisit, floor ? 1 : 0));
              expect(c.planned.call ?? 0).toBeLessThanOrEqual(Math.max(1, 2 * (norm.call ?? 0)));
              expect(c.planned.video ?? 0).toBeLessThanOrEqual(Math.max(1, 2 * (norm.video ?? 0)));
            });
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  test("by priority never gives a later segment a larger share of its norms than an earlier one", () => {
    fc.assert(
      fc.property(portfolio, fc.integer({ min: 0, max: 150 }), (rows, visitCap) => {
        const clients = toClients(rows.map((r) => ({ ...r, max: null })));
        const r = plan.buildPlan(clients, {
          capacity: { perChannel: { visit: visitCap }, prospecting: { visits: 0 } },
          mode: "priority",
          channels: DEFAULT_CHANNELS.slice(0, 1),
        });
        const share = segments.map((s) => {
          const members = r.clients.filter((c) => c.segment === s);
          const norm = members.reduce((t, c) => t + (c.norm.visit ?? 0), 0);
          const got = members.reduce((t, c) => t + (c.planned.visit ?? 0), 0);
          return norm === 0 ? null : got / norm;
        });
        const present = share.filter((x): x is number => x !== null);
        for (let k = 1; k < present.length; k++)
          expect(present[k]).toBeLessThanOrEqual((present[k - 1] ?? 0) + 1e-12);
      }),
      { numRuns: 300 },
    );
  });
});
