/**
 * GET /teams/:managerId/steering: what the monthly steering reviews start from (last review, reviews
 * of the month, open actions), and a review recorded through /sync/push as the manager — the store's
 * access rules, on both databases; the N+1 view counts the review.
 */
import type { FastifyInstance } from "fastify";
import type { SteeringView } from "../../src/contract";
import { createServer } from "../../src/server/app";
import { seedOrg, type Org, type OrgName } from "./support/org";
import { directorView, pushAs, syncRow } from "./support/teamFixture";
import { DIALECTS, openTestStore, type TestStore } from "./support/stores";

describe.each(DIALECTS)("steering on %s", (dialect) => {
  let t: TestStore;
  let app: FastifyInstance;
  let org: Org;

  const get = (who: OrgName, managerId: string, asOf = "2026-06-30") =>
    app.inject({ url: `/teams/${managerId}/steering?asOf=${asOf}`, headers: org[who].auth });

  beforeAll(async () => {
    t = await openTestStore(dialect);
    org = await seedOrg(t.store.db);
    app = await createServer({ db: t.store, rateLimit: false });
    await pushAs(app, org, "manager1", [
      syncRow("reviews", {
        repId: org.rep1.id,
        date: "2026-05-28",
        kpis: { attainment: 0.4 },
        decisions: "May",
      }),
      syncRow("reviews", {
        repId: org.rep1.id,
        date: "2026-06-12",
        kpis: { attainment: 0.5 },
        decisions: "June: call the at-risk clients",
      }),
      syncRow("reviews", { repId: org.rep1.id, date: "2026-07-02", decisions: "after the as-of date" }),
      syncRow("actions", {
        repId: org.rep1.id,
        clientId: "C1",
        action: "Visit C1",
        owner: "rep1",
        dueDate: "2026-06-20",
        status: "open",
      }),
      syncRow("actions", {
        repId: org.rep1.id,
        clientId: "C2",
        action: "Done already",
        owner: "rep1",
        dueDate: "2026-06-01",
        status: "Fait",
      }),
    ]);
    await pushAs(app, org, "rep2", [
      syncRow("actions", {
        repId: org.rep2.id,
        clientId: "D1",
        action: "Rep's own",
        owner: "rep2",
        dueDate: "2026-07-15",
        status: "",
      }),
    ]);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  test("the manager gets each rep's last review up to asOf, the month's reviews and the open actions", async () => {
    const res = await get("manager1", org.manager1.id);
    expect(res.statusCode).toBe(200);
    const view = res.json<SteeringView>();
    expect(view.reps.map((r) => r.rep)).toEqual(["rep1", "rep2"]);
    const [rep1, rep2] = view.reps;
    expect(rep1.lastReview).toMatchObject({
      date: "2026-06-12",
      managerId: org.manager1.id,
      decisions: "June: call the at-risk clients",
      kpis: { attainment: 0.5 },
    });
    expect(rep1.reviewsThisMonth).toBe(1);
    expect(rep1.openActions.map((a) => a.action)).toEqual(["Visit C1"]);
    expect(rep2).toMatchObject({ lastReview: null, reviewsThisMonth: 0 });
    expect(rep2.openActions.map((a) => [a.action, a.dueDate])).toEqual([["Rep's own", "2026-07-15"]]);
    // As of May, June's review is not there yet.
    const may = (await get("manager1", org.manager1.id, "2026-05-31")).json<SteeringView>();
    expect(may.reps[0]?.lastReview?.decisions).toBe("May");
  });

  test("the director reads it and counts the review in the N+1 view; reps and other managers are refused", async () => {
    expect((await get("director", org.manager1.id)).statusCode).toBe(200);
    expect((await get("rep1", org.manager1.id)).statusCode).toBe(403);
    expect((await get("manager2", org.manager1.id)).statusCode).toBe(403);
    expect((await get("manager1", org.manager1.id, "2026-02-30")).statusCode).toBe(400);
    const n1 = await directorView(app, org);
    const m1 = n1.managers.find((m) => m.managerId === org.manager1.id);
    expect(m1).toMatchObject({ reviewsThisMonth: 1, actionsOpen: 2 });
    expect(m1?.flags.map((f) => f.kind)).not.toContain("noReview");
    expect(n1.managers.find((m) => m.managerId === org.manager2.id)?.flags.map((f) => f.kind)).toContain(
      "noReview",
    );
  });

  test("a manager cannot record a review of a rep outside their team", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/sync/push",
      headers: org.manager2.auth,
      payload: {
        mutations: [syncRow("reviews", { repId: org.rep1.id, date: "2026-06-15", decisions: "not mine" })],
      },
    });
    expect(res.json<{ results: { status: string }[] }>().results.map((r) => r.status)).not.toContain(
      "applied",
    );
    const view = (await get("manager1", org.manager1.id)).json<SteeringView>();
    expect(view.reps[0]?.reviewsThisMonth).toBe(1);
  });
});
