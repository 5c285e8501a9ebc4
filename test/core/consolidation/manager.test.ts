import * as consolidation from "../../../src/core/consolidation";
import { trackSimple } from "./helpers";

const reps: consolidation.RepInput[] = [
  {
    repId: "r1",
    repName: "Rep 1",
    managerId: "m1",
    capacity: { visit: 20 },
    clients: trackSimple([{ id: "x1", segment: "retain", visits: 10, done: 10 }]),
  },
  {
    repId: "r2",
    repName: "Rep 2",
    managerId: "m1",
    capacity: { visit: 20 },
    clients: trackSimple([{ id: "x2", segment: "retain", visits: 10, done: 2 }]),
  },
  {
    repId: "r3",
    repName: "Rep 3",
    managerId: "m2",
    capacity: { visit: 10 },
    clients: trackSimple([{ id: "x3", segment: "atRisk", visits: 10, done: 0 }]),
  },
];

describe("directorView (N+1)", () => {
  const view = consolidation.directorView({
    reps,
    asOf: "2026-12-15",
    reviews: [
      { managerId: "m1", repId: "r1", date: "2026-12-03" },
      { managerId: "m1", repId: "r1", date: "10/12/2026" },
      { managerId: "m1", repId: "r2", date: "2026-11-28" }, // last month
      { managerId: "m1", repId: "r2", date: "2026-12-20" }, // after asOf
      { managerId: "m2", repId: "r3", date: 46361 }, // Excel serial of 2026-12-05
    ],
    actions: [
      { owner: "r1", dueDate: "2026-12-01", status: "Ouvert" },
      { owner: "r2", dueDate: "2026-12-31", status: "open" },
      { owner: "m1", dueDate: null, status: "En cours" },
      { owner: "r2", dueDate: "2026-11-01", status: "Terminé" },
      { owner: "r3", dueDate: "2026-12-14", status: "todo" },
      { owner: "someone-else", dueDate: "2026-01-01", status: "open" },
    ],
  });

  it("groups reps by manager with their consolidated team", () => {
    expect(view.managers.map((m) => [m.managerId, m.team.reps.map((r) => r.repId)])).toEqual([
      ["m1", ["r1", "r2"]],
      ["m2", ["r3"]],
    ]);
    expect(view.managers[0].team.sums.total.plannedWeighted).toBe(20);
    expect(view.total.sums.reps).toBe(3);
    expect(view.total.sums.total.plannedWeighted).toBe(30);
  });

  it("counts this month's steering reviews up to the as-of date and the reps not reviewed", () => {
    expect(view.managers[0].rituals).toMatchObject({
      reviewsThisMonth: 2,
      repsReviewed: ["r1"],
      repsNotReviewed: ["r2"],
    });
    expect(view.managers[1].rituals).toMatchObject({
      reviewsThisMonth: 1,
      repsReviewed: ["r3"],
      repsNotReviewed: [],
    });
  });

  it("counts open and overdue action plans of the manager and their reps", () => {
    expect(view.managers[0].rituals).toMatchObject({ actionsOpen: 3, actionsOverdue: 1, actionsUndated: 1 });
    expect(view.managers[1].rituals).toMatchObject({ actionsOpen: 1, actionsOverdue: 1, actionsUndated: 0 });
  });

  it("reads FR and EN closed statuses", () => {
    for (const s of ["Done", "Terminé", "clôturée", "Annulé", "cancelled", "Fait"])
      expect(consolidation.isOpenAction(s)).toBe(false);
    for (const s of ["Ouvert", "open", "En cours", ""]) expect(consolidation.isOpenAction(s)).toBe(true);
  });
});
