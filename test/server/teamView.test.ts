/** The team and N+1 views against hand-computed figures (domain.md, Tracking and Consolidation). */
import type { FastifyInstance } from "fastify";
import type { TeamView } from "../../src/contract";
import { createServer } from "../../src/server/app";
import { elapsedShare, planCapacityOf } from "../../src/server/team/view";
import { coreOracle, projected, rounded } from "./support/coreOracle";
import { seedOrg, type Org, type OrgName } from "./support/org";
import { directorView, pushAs, syncRow } from "./support/teamFixture";
import { DIALECTS, openTestStore, type TestStore } from "./support/stores";

test("elapsed share follows the worked example: 123 of 252 working days at 2026-06-30; Bas-Rhin 251", () => {
  expect(elapsedShare(2026, "2026-06-30")).toBeCloseTo(123 / 252, 10);
  expect(elapsedShare(2026, "2025-12-31")).toBe(0);
  expect(elapsedShare(2026, "2027-03-01")).toBe(1);
  // Good Friday (Apr 3) is off in Alsace-Moselle: 122 of 251.
  expect(elapsedShare(2026, "2026-06-30", "FR", "67")).toBeCloseTo(122 / 251, 10);
  expect(elapsedShare(2026, "2026-06-30", "XX")).toBeCloseTo(123 / 252, 10);
});

test("a plan's capacity document: channel counts, country and region; junk left out", () => {
  expect(planCapacityOf('{"visit":828,"call":400,"country":"FR","region":"67","weighted":1}')).toEqual({
    capacity: { visit: 828, call: 400 },
    country: "FR",
    region: "67",
  });
  expect(planCapacityOf('{"perChannel":{"video":10},"visit":-1}')).toEqual({
    capacity: { video: 10 },
    country: "FR",
    region: null,
  });
  expect(planCapacityOf("[1]")).toEqual({ capacity: {}, country: "FR", region: null });
  expect(planCapacityOf(null)).toEqual({ capacity: {}, country: "FR", region: null });
});

describe.each(DIALECTS)("team view on %s", (dialect) => {
  let t: TestStore;
  let app: FastifyInstance;
  let org: Org;
  let view: TeamView;

  const row = syncRow;
  const push = (who: OrgName, mutations: ReturnType<typeof syncRow>[]) => pushAs(app, org, who, mutations);

  beforeAll(async () => {
    t = await openTestStore(dialect);
    org = await seedOrg(t.store.db);
    app = await createServer({ db: t.store, rateLimit: false });
    const c1 = row("clients", { year: 2026, segment: "retain", plannedVisit: 12, plannedWeighted: 12 });
    const c2 = row("clients", { year: 2026, segment: "atRisk", plannedVisit: 8 });
    const c3 = row("clients", { year: 2026, segment: "retain", plannedVisit: 2 });
    const c4 = row("clients", { year: 2026, segment: "prospect" });
    const old = row("clients", { year: 2025, segment: "retain", plannedVisit: 50 });
    const contact = (client: { rowId: string }, date: string, channel = "visit", extra = {}) =>
      row("contacts", { clientId: client.rowId, date, channel, ...extra });
    await push("rep1", [
      row("plans", { year: 2026, capacity: { visit: 100 } }),
      c1,
      c2,
      c3,
      c4,
      old,
      ...["2026-01-10", "2026-02-10", "2026-03-10", "2026-04-10"].map((d) => contact(c1, d)),
      ...["2026-01-05", "2026-02-05", "2026-03-05", "2026-04-05", "2026-06-30"].map((d) => contact(c3, d)),
      contact(c4, "2026-05-05", "call"),
      contact(c1, "2026-07-01"), // after asOf
      contact(c1, "2025-12-31"), // before the year
      contact(c1, "2026-05-01", "visit", { deleted: true }),
      row("actions", { action: "Relancer", status: "open", dueDate: "2026-06-01" }),
    ]);
    await push("rep2", [row("clients", { year: 2026, segment: "maintain", plannedVisit: 3 })]);
    await push("manager1", [
      row("reviews", { repId: org.rep1.id, managerId: org.manager1.id, date: "2026-06-10" }),
      row("reviews", { repId: org.rep1.id, managerId: org.manager1.id, date: "2026-05-10" }),
      row("actions", {
        repId: org.rep1.id,
        action: "Visite conjointe",
        status: "open",
        dueDate: "2026-07-15",
      }),
      row("actions", { repId: org.rep2.id, action: "Fait", status: "done", dueDate: "2026-01-01" }),
    ]);
    view = await directorView(app, org);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  test("per rep: planned, earned, attainment, reach, coverage, Over/Under, symptoms (worked by hand)", () => {
    // As of 2026-06-30, e = 123/252. c1: 12 planned, 4 done: due 5.86, margin 1.17 → Under.
    // c2: 8 planned, none → Under. c3: 2 planned, 5 done: due 0.98, margin 1 → Over.
    // c4: no plan, one call: contacted outside the plan. Earned 4 + 0 + min(5, 2) = 6 of 22.
    const rep1 = view.reps.find((r) => r.repId === org.rep1.id)!;
    expect(rep1).toMatchObject({
      rep: "rep1",
      clients: 4,
      capacity: { visit: 100 },
      planned: { visit: 22, video: 0, call: 0, digital: 0, weighted: 22 },
      utilisation: { visit: 0.22 },
      earned: 6,
      under: 2,
      over: 1,
      saturatedTop: 1,
      neglectedAtRisk: 1,
      contactedOutsidePlan: 1,
    });
    expect(rep1.attainment).toBeCloseTo(6 / 22, 12);
    expect(rep1.reach).toBeCloseTo(2 / 3, 12);
    expect(rep1.coverage).toBeCloseTo(1 / 3, 12);
    expect(rep1.flags.map((f) => [f.kind, f.channel])).toEqual([["utilisationLow", "visit"]]);
    expect(rep1.flags[0]?.message).toBe("rep1: field visit utilisation 22 % is below 90 %.");
    const retain = rep1.segments.find((s) => s.segment === "retain")!;
    expect(retain).toMatchObject({ clients: 2, under: 1, over: 1, earned: 6 });
    expect(rep1.segments.find((s) => s.segment === "atRisk")).toMatchObject({
      clients: 1,
      under: 1,
      earned: 0,
    });
  });

  test("N+1: per manager, team figures plus reviews this month and open/overdue actions", () => {
    expect(view.managers.map((m) => m.manager)).toEqual(["manager1", "manager2"]);
    const m1 = view.managers.find((m) => m.managerId === org.manager1.id)!;
    expect(m1).toMatchObject({ reps: 2, reviewsThisMonth: 1, actionsOpen: 2, actionsOverdue: 1, clients: 5 });
    expect(m1.flags.map((f) => f.kind)).not.toContain("noReview");
    const m2 = view.managers.find((m) => m.managerId === org.manager2.id)!;
    expect(m2).toMatchObject({ reps: 1, reviewsThisMonth: 0, actionsOpen: 0 });
    expect(m2.flags.map((f) => f.kind)).toContain("noReview");
    expect(view.team.clients).toBe(5);
    expect(view.reps.map((r) => r.repId).sort()).toEqual([org.rep1.id, org.rep2.id, org.rep3.id].sort());
  });

  test("every figure equals the core's on the same rows", async () => {
    const oracle = await coreOracle(t.store.db, org.director.id, 2026, "2026-06-30");
    expect(rounded(projected(view))).toEqual(rounded(oracle));
  });
});
