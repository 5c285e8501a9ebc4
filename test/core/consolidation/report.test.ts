/**
 * The team figures of domain.md (Tracking, Consolidation) on the worked cases, and the
 * shape every face prints (core/consolidation/report.ts).
 */
import * as fc from "fast-check";
import * as calendar from "../../../src/core/calendar";
import * as consolidation from "../../../src/core/consolidation";
import * as tracking from "../../../src/core/tracking";
import { fr } from "./helpers";

const year2026 = { start: "2026-01-01", end: "2026-12-31" };
const row = (id: string, planned: Record<string, number>, segment = "develop"): tracking.PlanRow => ({
  id,
  segment,
  planned,
  salesN: 100,
  salesN1: 100,
  potential: 100,
});
const on = (clientId: string, channel: string, n: number): tracking.ContactLike[] =>
  Array.from({ length: n }, (_, k) => ({
    clientId,
    channel,
    date: calendar.dayNumberToIso(calendar.isoToDayNumber("2026-01-05") + k),
  }));

function track(plan: tracking.PlanRow[], contacts: tracking.ContactLike[], asOf = "2026-12-31") {
  return tracking.trackClients({ plan, contacts, period: year2026, asOf, calendar: fr }).clients;
}

describe("the issue's rep: 10 visits planned, 5 visits and 20 calls made, one unplanned client visited", () => {
  // A: 10 visits planned; B: 4 visits planned, never contacted; U: no plan, visited once.
  const clients = track(
    [row("A", { visit: 10 }), row("B", { visit: 4 }), row("U", {})],
    [...on("A", "visit", 5), ...on("A", "call", 20), ...on("U", "visit", 1)],
  );
  const team = consolidation.consolidateTeam([
    { repId: "r", repName: "Rep", managerId: null, capacity: { visit: 14 }, clients },
  ]);

  it("earns the calls made instead of visits (every channel counts), capped per client at the plan", () => {
    const a = clients.find((c) => c.id === "A")!;
    expect(a.actualWeighted).toBe(10); // 5 × 1 + 20 × 0.25
    expect(a.earnedWeighted).toBe(10);
    expect(team.ratios.attainment).toBeCloseTo(10 / 14, 12); // 0.714
  });

  it("counts reach over planned clients only; the unplanned client apart", () => {
    expect(team.ratios.reach).toBe(0.5);
    expect(team.sums.total.contactedOutsidePlan).toBe(1);
    expect(team.sums.total.reached).toBe(1);
  });

  it("a per-client cap factor raises that client's cap only", () => {
    const more = track(
      [{ ...row("A", { visit: 10 }), capFactor: 1.5 }, row("B", { visit: 4 })],
      [...on("A", "visit", 14), ...on("B", "visit", 6)],
    );
    expect(more.map((c) => c.earnedWeighted)).toEqual([14, 4]);
  });
});

describe("utilisation like with like", () => {
  it("a plan using its visit capacity exactly is at 100 % whatever calls it also plans", () => {
    const clients = track([row("A", { visit: 20, call: 40 }), row("B", { visit: 30, call: 12 })], []);
    const team = consolidation.consolidateTeam([
      { repId: "r", repName: "Rep", managerId: null, capacity: { visit: 50 }, clients },
    ]);
    expect(team.reps[0]?.utilisation).toEqual({ visit: 1 });
    expect(team.coherence).toEqual([]);
    const withCalls = consolidation.consolidateTeam([
      { repId: "r", repName: "Rep", managerId: null, capacity: { visit: 50, call: 40 }, clients },
    ]);
    expect(withCalls.reps[0]?.utilisation).toEqual({ call: 52 / 40, visit: 1 });
    expect(withCalls.coherence.map((f) => [f.kind, f.channel])).toEqual([["utilisationHigh", "call"]]);
    expect(withCalls.coherence[0]?.message).toBe("Rep: outbound call utilisation 130 % is above 110 %.");
  });
});

describe("the report shape (consolidate --json, team --json, the store)", () => {
  const clients = track(
    [row("A", { visit: 10 }, "retain"), row("B", { visit: 8 }, "atRisk")],
    [...on("A", "visit", 14)],
  );
  const team = consolidation.consolidateTeam([
    { repId: "r1", repName: "Alice", managerId: "m", capacity: { visit: 18, call: 0 }, clients },
  ]);

  it("has exactly the issue's keys, ratios as fractions", () => {
    const report = consolidation.teamReport(team, 2026, "2026-12-31");
    expect(Object.keys(report)).toEqual(["year", "asOf", "reps", "team"]);
    const rep = report.reps[0];
    expect(Object.keys(rep).sort()).toEqual(
      [
        "rep",
        "clients",
        "capacity",
        "planned",
        "utilisation",
        "earned",
        "attainment",
        "reach",
        "coverage",
        "under",
        "over",
        "saturatedTop",
        "neglectedAtRisk",
        "flags",
      ].sort(),
    );
    expect(rep).toMatchObject({
      rep: "Alice",
      clients: 2,
      capacity: { visit: 18, call: 0 },
      planned: { visit: 18, video: 0, call: 0, digital: 0, weighted: 18 },
      utilisation: { visit: 1 },
      earned: 10,
      attainment: 10 / 18,
      reach: 0.5,
      coverage: 0.5,
      under: 1,
      over: 1,
      saturatedTop: 1,
      neglectedAtRisk: 1,
      flags: [],
    });
    const { rep: _rep, ...totals } = rep;
    expect(report.team).toEqual(totals);
  });

  it("a manager without a review this month is flagged in the N+1 line", () => {
    const rituals = consolidation.ritualsOf(
      "m",
      ["r1"],
      [],
      [{ owner: "r1", dueDate: "2026-01-10", status: "Ouvert" }],
      "2026-12-31",
    );
    const line = consolidation.managerReport("Marie", team, rituals);
    expect(line).toMatchObject({
      manager: "Marie",
      reps: 1,
      reviewsThisMonth: 0,
      actionsOpen: 1,
      actionsOverdue: 1,
    });
    expect(line.flags.map((f) => f.kind)).toEqual(["noReview"]);
    const reviewed = consolidation.ritualsOf(
      "m",
      ["r1"],
      [{ managerId: "m", repId: "r1", date: "2026-12-02" }],
      [],
      "2026-12-31",
    );
    expect(consolidation.managerReport("Marie", team, reviewed).flags).toEqual([]);
  });
});

describe("a team from per-segment sums equals the team from its clients (property)", () => {
  it("consolidateSums(segment sums of each rep) = consolidateTeam(reps)", () => {
    const arb = fc.array(
      fc.record({
        capacity: fc.record({ visit: fc.nat(60), call: fc.nat(60) }),
        clients: fc.array(
          fc.record({
            segment: fc.constantFrom("retain", "atRisk", "develop"),
            visit: fc.nat(12),
            call: fc.nat(8),
            visits: fc.nat(15),
            calls: fc.nat(15),
          }),
          { maxLength: 6 },
        ),
      }),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(arb, (reps) => {
        const inputs: consolidation.RepInput[] = reps.map((r, i) => {
          const plan = r.clients.map((c, k) =>
            row(`r${i}c${k}`, { visit: c.visit, call: c.call }, c.segment),
          );
          const contacts = r.clients.flatMap((c, k) => [
            ...on(`r${i}c${k}`, "visit", c.visits),
            ...on(`r${i}c${k}`, "call", c.calls),
          ]);
          return {
            repId: `r${i}`,
            repName: `R${i}`,
            managerId: null,
            capacity: r.capacity,
            clients: track(plan, contacts, "2026-06-30"),
          };
        });
        const direct = consolidation.teamReport(consolidation.consolidateTeam(inputs), 2026, "2026-06-30");
        const sums = consolidation.consolidateSums(
          inputs.map((r) => ({ ...r, bySegment: consolidation.segmentFiguresOf(r.clients) })),
        );
        const viaSums = consolidation.teamReport(sums, 2026, "2026-06-30");
        expect(
          JSON.parse(
            JSON.stringify(viaSums, (_k, v: unknown) =>
              typeof v === "number" ? Math.round(v * 1e9) / 1e9 : v,
            ),
          ),
        ).toEqual(
          JSON.parse(
            JSON.stringify(direct, (_k, v: unknown) =>
              typeof v === "number" ? Math.round(v * 1e9) / 1e9 : v,
            ),
          ),
        );
      }),
      { numRuns: 80 },
    );
  });
});
