import * as fc from "fast-check";
import * as consolidation from "../../../src/core/consolidation";
import type { SimpleClient } from "./helpers";
import { trackSimple } from "./helpers";

const rep = (
  repId: string,
  capacityVisits: number,
  clients: SimpleClient[],
  managerId: string | null = "M1",
): consolidation.RepInput => ({
  repId,
  repName: `Rep ${repId}`,
  managerId,
  capacity: { visit: capacityVisits },
  clients: trackSimple(clients),
});

const alice = rep("alice", 40, [
  { id: "a1", segment: "retain", visits: 10, done: 16 }, // Over → saturated top
  { id: "a2", segment: "retain", visits: 10, done: 10 },
  { id: "a3", segment: "atRisk", visits: 8, done: 2 }, // Under → neglected
  { id: "a4", segment: "prospect", visits: 0, done: 1 }, // NoPlan
]);
const bob = rep("bob", 20, [
  { id: "b1", segment: "retain", visits: 4, done: 4 },
  { id: "b2", segment: "atRisk", visits: 8, done: 8 },
]);
const carol = rep("carol", 30, [
  { id: "c1", segment: "retain", visits: 30, done: 0 },
  { id: "c2", segment: "atRisk", visits: 8, done: 0 },
]);

describe("consolidateTeam", () => {
  const team = consolidation.consolidateTeam([carol, alice, bob]);

  it("orders reps by name, then id, whatever their ids and the input order (sums and clients alike)", () => {
    const named = (r: consolidation.RepInput, repName: string): consolidation.RepInput => ({ ...r, repName });
    const input = [
      named(alice, "Zoé"),
      named(bob, "Anne"),
      named(carol, "Marc"),
      { ...named(bob, "Anne"), repId: "aaa" },
    ];
    const byClients = consolidation.consolidateTeam(input);
    expect(byClients.reps.map((r) => [r.repName, r.repId])).toEqual([
      ["Anne", "aaa"],
      ["Anne", "bob"],
      ["Marc", "carol"],
      ["Zoé", "alice"],
    ]);
    const sums = consolidation.consolidateSums(
      [...input].reverse().map((r) => ({
        repId: r.repId,
        repName: r.repName,
        managerId: r.managerId,
        capacity: r.capacity,
        bySegment: consolidation.segmentFiguresOf(r.clients),
      })),
    );
    expect(sums.reps.map((r) => r.repId)).toEqual(["aaa", "bob", "carol", "alice"]);
    expect(consolidation.teamReport(sums, 2026, "2026-06-30").reps.map((r) => r.rep)).toEqual([
      "Anne",
      "Anne",
      "Marc",
      "Zoé",
    ]);
  });

  it("gives per-rep figures: capacity, planned, utilisation, attainment, counts and symptoms", () => {
    expect(team.reps.map((r) => r.repId)).toEqual(["alice", "bob", "carol"]);
    const a = team.reps[0];
    expect(a.capacity).toEqual({ visit: 40 });
    expect(a.total.plannedWeighted).toBe(28);
    expect(a.utilisation).toEqual({ visit: 28 / 40 });
    // earned, capped per client at 1.0 × plan: a1 min(16, 10) + a2 10 + a3 2 = 22 of 28.
    expect(a.total.earnedWeighted).toBe(22);
    expect(a.ratios.attainment).toBe(22 / 28);
    expect(a.total).toMatchObject({
      clients: 4,
      plannedClients: 3,
      over: 1,
      under: 1,
      onTrack: 1,
      noPlan: 1,
      saturatedTopAccounts: 1,
      neglectedAtRisk: 1,
    });
    expect(a.ratios.reach).toBe(1);
    expect(a.ratios.coverage).toBe(2 / 3);
    expect(a.segments.map((s) => [s.segment, s.figures.clients, s.figures.plannedWeighted])).toEqual([
      ["atRisk", 1, 8],
      ["prospect", 1, 0],
      ["retain", 2, 20],
    ]);
  });

  it("sums the team and derives ratios from the sums", () => {
    expect(team.sums.reps).toBe(3);
    expect(team.sums.capacity).toEqual({ visit: 90 });
    expect(team.sums.total.plannedWeighted).toBe(28 + 12 + 38);
    expect(team.utilisation).toEqual({ visit: 78 / 90 });
    expect(team.sums.total.planned).toEqual({ visit: 78, video: 0, call: 0, digital: 0 });
    const retain = team.segments.find((s) => s.segment === "retain")!;
    expect(retain.figures.clients).toBe(4);
    expect(retain.ratios.intensity).toBe(54 / 4);
  });

  it("flags intensities far from the team median and utilisation outside 90–110 %", () => {
    // retain intensities: alice 10, bob 4, carol 30 → median 10: bob < 5, carol > 15.
    const kinds = team.coherence.map((f) => [f.repId, f.kind, f.segment ?? f.channel]);
    expect(kinds).toEqual([
      ["alice", "utilisationLow", "visit"],
      ["bob", "intensityLow", "retain"],
      ["bob", "utilisationLow", "visit"],
      ["carol", "intensityHigh", "retain"],
      ["carol", "utilisationHigh", "visit"],
    ]);
    const bobRetain = team.coherence.find((f) => f.repId === "bob" && f.segment === "retain")!;
    expect(bobRetain).toMatchObject({ value: 4, reference: 10 });
    expect(bobRetain.message).toContain("median");
    expect(bobRetain.messageFr).toContain("médiane");
    // French decimals with a comma, English with a point.
    expect(bobRetain.messageFr).toContain(
      "intensité 4,00 par client, sous 0,5 × la médiane de l'équipe 10,00.",
    );
    expect(bobRetain.message).toContain("intensity 4.00 per client is below 0.5×");
  });

  it("flags a plan without capacity", () => {
    const none = consolidation.consolidateTeam([
      rep("dan", 0, [{ id: "d1", segment: "retain", visits: 5, done: 0 }]),
    ]);
    expect(none.coherence.map((f) => f.kind)).toEqual(["noCapacity"]);
    expect(none.coherence[0]?.messageFr).toBe(
      "Rep dan : 5,00 équivalents-visites planifiés sans capital de visites.",
    );
    expect(none.utilisation).toEqual({});
  });

  it("medians: odd and even counts", () => {
    expect(consolidation.median([3, 1, 2])).toBe(2);
    expect(consolidation.median([4, 1, 3, 2])).toBe(2.5);
    expect(consolidation.median([])).toBeNull();
  });
});

/** Paths where two values differ, numbers compared to 1e-9 relative (float sums depend on their order). */
function differences(actual: unknown, expected: unknown, path = "$"): string[] {
  if (typeof expected === "number" && typeof actual === "number") {
    return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected))
      ? []
      : [`${path}: ${actual} ≠ ${expected}`];
  }
  if (expected !== null && typeof expected === "object" && actual !== null && typeof actual === "object") {
    const keysA = Object.keys(actual).sort().join(",");
    const keysE = Object.keys(expected).sort().join(",");
    if (keysA !== keysE) return [`${path}: keys ${keysA} ≠ ${keysE}`];
    return Object.keys(expected).flatMap((key) =>
      differences(
        (actual as Record<string, unknown>)[key],
        (expected as Record<string, unknown>)[key],
        `${path}.${key}`,
      ),
    );
  }
  return Object.is(actual, expected) ? [] : [`${path}: ${String(actual)} ≠ ${String(expected)}`];
}

const arbClient = fc.record({
  segment: fc.constantFrom("retain", "develop", "atRisk", "maintain", "prospect"),
  visits: fc.nat(15),
  done: fc.nat(25),
  calls: fc.nat(6),
});
const arbReps = fc.array(
  fc.record({ capacity: fc.nat(200), clients: fc.array(arbClient, { maxLength: 6 }) }),
  { minLength: 1, maxLength: 6 },
);

describe("consolidation is associative (property)", () => {
  it("merging reps one by one, in any order, equals consolidating them all at once", () => {
    fc.assert(
      fc.property(arbReps, fc.nat(), (reps, rotate) => {
        const inputs = reps.map((r, i) =>
          rep(
            `r${i}`,
            r.capacity,
            r.clients.map((c, k) => ({ ...c, id: `r${i}c${k}` })),
          ),
        );
        const all = consolidation.consolidateTeam(inputs);
        const k = rotate % inputs.length;
        const order = [...inputs.slice(k), ...inputs.slice(0, k)].reverse();
        const oneByOne = order.reduce(
          (acc, r) => consolidation.mergeTeams(acc, consolidation.consolidateTeam([r])),
          consolidation.consolidateTeam([]),
        );
        expect(differences(oneByOne, all)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
