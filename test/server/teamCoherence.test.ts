/** Coherence flags in the team view (domain.md, Consolidation): intensity per segment against the team median, utilisation. */
import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { PushResponse, TeamView } from "../../src/contract";
import { createServer } from "../../src/server/app";
import { seedOrg, type Org, type OrgName } from "./support/org";
import { DIALECTS, openTestStore, type TestStore } from "./support/stores";

describe.each(DIALECTS)("team view coherence on %s", (dialect) => {
  let t: TestStore;
  let app: FastifyInstance;
  let org: Org;
  let view: TeamView;

  const row = (table: string, fields: Record<string, unknown>) => ({
    mutationId: randomUUID(),
    table,
    rowId: randomUUID(),
    baseVersion: 0,
    fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { value: v }])),
  });
  const push = async (who: OrgName, mutations: ReturnType<typeof row>[]): Promise<void> => {
    const res = await app.inject({
      method: "POST",
      url: "/sync/push",
      headers: org[who].auth,
      payload: { mutations },
    });
    expect(res.json<PushResponse>().results.every((r) => r.status === "applied")).toBe(true);
  };
  const retain = (visits: number) =>
    row("clients", { year: 2026, segment: "retain", plannedVisit: visits, plannedWeighted: visits });

  beforeAll(async () => {
    t = await openTestStore(dialect);
    org = await seedOrg(t.store.db);
    app = await createServer({ db: t.store, rateLimit: false });
    // Retain intensities per client: rep1 10, rep2 40, rep3 10 → team median 10; rep2 is above 1.5×.
    await push("rep1", [row("plans", { year: 2026, capacity: { weighted: 20 } }), retain(10), retain(10)]);
    await push("rep2", [row("plans", { year: 2026, capacity: { weighted: 40 } }), retain(40)]);
    await push("rep3", [retain(10)]);
    const res = await app.inject({
      url: `/teams/${org.director.id}/view?year=2026&asOf=2026-06-30`,
      headers: org.director.auth,
    });
    expect(res.statusCode).toBe(200);
    view = res.json<TeamView>();
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  test("flags the rep far from the median, and a plan without capacity; a coherent rep has no flag", () => {
    const kinds = view.coherence.map((f) => [f.repId, f.kind, f.segment]);
    expect(kinds).toContainEqual([org.rep2.id, "intensityHigh", "retain"]);
    expect(kinds).toContainEqual([org.rep3.id, "noCapacity", null]);
    expect(view.coherence.filter((f) => f.repId === org.rep1.id)).toEqual([]);
    const high = view.coherence.find((f) => f.kind === "intensityHigh")!;
    expect([high.value, high.reference]).toEqual([40, 10]);
    expect(high.message).toMatch(/^rep2, retain: intensity 40/);
    expect(high.messageFr).toMatch(/médiane de l'équipe 10/);
  });
});
