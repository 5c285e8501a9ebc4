/** The team and N+1 views against hand-computed figures (domain.md, Tracking and Consolidation). */
import type { FastifyInstance } from "fastify";
import type { TeamView } from "../../src/contract";
import { createServer } from "../../src/server/app";
import { elapsedShare } from "../../src/server/team/view";
import { seedOrg, type Org, type OrgName } from "./support/org";
import { directorView, pushAs, syncRow } from "./support/teamFixture";
import { DIALECTS, openTestStore, type TestStore } from "./support/stores";

test("elapsed share follows the worked example: 123 of 252 working days at 2026-06-30", () => {
  expect(elapsedShare(2026, "2026-06-30")).toBeCloseTo(123 / 252, 10);
  expect(elapsedShare(2026, "2025-12-31")).toBe(0);
  expect(elapsedShare(2026, "2027-03-01")).toBe(1);
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
      row("plans", { year: 2026, capacity: { weighted: 100 } }),
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

  test("per rep: planned, actual, earned, attainment, reach, coverage, Over/Under, symptoms", () => {
    const rep1 = view.reps.find((r) => r.repId === org.rep1.id)!;
    expect(rep1.totals).toMatchObject({
      clients: 4,
      plannedClients: 3,
      plannedVisit: 22,
      plannedWeighted: 22,
      capacity: 100,
      contacts: 10,
      reached: 3,
      under: 2,
      over: 1,
      onTrack: 0,
      saturatedTopAccounts: 1,
      neglectedAtRisk: 1,
    });
    expect(rep1.totals.actualWeighted).toBeCloseTo(9.25, 10);
    expect(rep1.totals.earnedWeighted).toBeCloseTo(7, 10);
    expect(rep1.totals.attainment).toBeCloseTo(7 / 22, 10);
    expect(rep1.totals.utilisation).toBeCloseTo(0.22, 10);
    expect(rep1.totals.reach).toBeCloseTo(1, 10);
    expect(rep1.totals.coverage).toBeCloseTo(1 / 3, 10);
    expect(rep1.utilisationFlag).toBe(true);
    expect(rep1.segments.retain).toMatchObject({ clients: 2, under: 1, over: 1, plannedWeighted: 14 });
    expect(rep1.segments.atRisk).toMatchObject({ clients: 1, under: 1, contacts: 0 });
  });

  test("N+1: per manager, team figures plus reviews this month and open/overdue actions", () => {
    expect(view.elapsedShare).toBeCloseTo(123 / 252, 10);
    const m1 = view.managers.find((m) => m.managerId === org.manager1.id)!;
    expect(m1).toMatchObject({ reps: 2, reviewsThisMonth: 1, actionsOpen: 2, actionsOverdue: 1 });
    expect(m1.totals.clients).toBe(5);
    const m2 = view.managers.find((m) => m.managerId === org.manager2.id)!;
    expect(m2).toMatchObject({ reps: 1, reviewsThisMonth: 0, actionsOpen: 0 });
    const director = view.managers.find((m) => m.managerId === org.director.id)!;
    expect(director.reps).toBe(3);
    expect(view.totals.clients).toBe(5);
    expect(view.reps.map((r) => r.repId).sort()).toEqual([org.rep1.id, org.rep2.id, org.rep3.id].sort());
  });
});
