/** Coherence flags in the team view (domain.md, Consolidation): intensity per segment against the team median, utilisation. */
import type { FastifyInstance } from "fastify";
import type { TeamView } from "../../src/contract";
import { createServer } from "../../src/server/app";
import { seedOrg, type Org } from "./support/org";
import { directorView, pushAs, syncRow } from "./support/teamFixture";
import { DIALECTS, openTestStore, type TestStore } from "./support/stores";

describe.each(DIALECTS)("team view coherence on %s", (dialect) => {
  let t: TestStore;
  let app: FastifyInstance;
  let org: Org;
  let view: TeamView;

  const retain = (visits: number) =>
    syncRow("clients", { year: 2026, segment: "retain", plannedVisit: visits, plannedWeighted: visits });

  beforeAll(async () => {
    t = await openTestStore(dialect);
    org = await seedOrg(t.store.db);
    app = await createServer({ db: t.store, rateLimit: false });
    // Retain intensities per client: rep1 10, rep2 40, rep3 10 → team median 10; rep2 is above 1.5×.
    await pushAs(app, org, "rep1", [
      syncRow("plans", { year: 2026, capacity: { visit: 20 } }),
      retain(10),
      retain(10),
    ]);
    await pushAs(app, org, "rep2", [syncRow("plans", { year: 2026, capacity: { visit: 40 } }), retain(40)]);
    await pushAs(app, org, "rep3", [retain(10)]);
    view = await directorView(app, org);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  test("flags the rep far from the median, and a plan without capacity; a coherent rep has no flag", () => {
    const flags = view.reps.flatMap((r) => r.flags.map((f) => [r.repId, f.kind, f.segment] as const));
    expect(flags).toContainEqual([org.rep2.id, "intensityHigh", "retain"]);
    expect(flags).toContainEqual([org.rep3.id, "noCapacity", null]);
    expect(view.reps.find((r) => r.repId === org.rep1.id)?.flags).toEqual([]);
    const high = view.reps.flatMap((r) => r.flags).find((f) => f.kind === "intensityHigh")!;
    expect([high.value, high.reference]).toEqual([40, 10]);
    expect(high.message).toMatch(/^rep2, retain: intensity 40/);
    expect(high.messageFr).toMatch(/médiane de l'équipe 10/);
  });
});
