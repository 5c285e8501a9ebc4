/**
 * The N+1 view: for each manager, the consolidated figures of the reps reporting to them plus the
 * rituals: steering reviews held in the as-of month (up to asOf), reps not reviewed yet this month,
 * action plans open and overdue (open with a due date before asOf). An action belongs to a manager's
 * team when its owner is the manager or one of their reps. A status reads as closed when it says
 * done / closed / cancelled (FR or EN); anything else is open.
 */
import * as tracking from "../tracking";
import type { ConsolidationOptions, RepInput, TeamView } from "./team";
import { consolidateTeam, mergeTeams } from "./team";

export interface Review {
  managerId: string;
  repId: string;
  /** ISO date, or an Excel serial / French date as the sheet holds it. */
  date: string | number;
}

export interface ActionItem {
  owner: string;
  dueDate: string | number | null;
  status: string;
}

export interface Rituals {
  reviewsThisMonth: number;
  repsReviewed: string[];
  repsNotReviewed: string[];
  actionsOpen: number;
  actionsOverdue: number;
  /** Open actions whose due date is blank or unreadable (they cannot be overdue). */
  actionsUndated: number;
}

export interface ManagerView {
  managerId: string;
  team: TeamView;
  rituals: Rituals;
}

export interface DirectorView {
  asOf: string;
  /** Managers in id order; reps without a manager are grouped under managerId "". */
  managers: ManagerView[];
  /** All teams merged. */
  total: TeamView;
}

const CLOSED = new Set([
  "done",
  "closed",
  "close",
  "cancelled",
  "canceled",
  "complete",
  "completed",
  "fait",
  "faite",
  "termine",
  "terminee",
  "clos",
  "cloture",
  "cloturee",
  "annule",
  "annulee",
  "realise",
  "realisee",
]);

export const isOpenAction = (status: string): boolean => !CLOSED.has(tracking.normaliseText(status));

export function ritualsOf(
  managerId: string,
  repIds: readonly string[],
  reviews: readonly Review[],
  actions: readonly ActionItem[],
  asOf: string,
): Rituals {
  const month = asOf.slice(0, 7);
  const reviewed = new Set<string>();
  let reviewsThisMonth = 0;
  for (const r of reviews) {
    const date = tracking.parseDateCell(r.date);
    if (r.managerId !== managerId || date === null || date.slice(0, 7) !== month || date > asOf) continue;
    reviewsThisMonth++;
    reviewed.add(r.repId);
  }
  const team = new Set([managerId, ...repIds]);
  let actionsOpen = 0;
  let actionsOverdue = 0;
  let actionsUndated = 0;
  for (const a of actions) {
    if (!team.has(a.owner) || !isOpenAction(a.status)) continue;
    actionsOpen++;
    const due = tracking.parseDateCell(a.dueDate);
    if (due === null) actionsUndated++;
    else if (due < asOf) actionsOverdue++;
  }
  const sorted = [...repIds].sort();
  return {
    reviewsThisMonth,
    repsReviewed: sorted.filter((id) => reviewed.has(id)),
    repsNotReviewed: sorted.filter((id) => !reviewed.has(id)),
    actionsOpen,
    actionsOverdue,
    actionsUndated,
  };
}

export interface DirectorInput {
  reps: readonly RepInput[];
  reviews?: readonly Review[];
  actions?: readonly ActionItem[];
  asOf: string;
}

export function directorView(input: DirectorInput, options: ConsolidationOptions = {}): DirectorView {
  const groups = new Map<string, RepInput[]>();
  for (const rep of input.reps) {
    const key = rep.managerId ?? "";
    const list = groups.get(key) ?? [];
    list.push(rep);
    groups.set(key, list);
  }
  const managers = [...groups.keys()].sort().map((managerId): ManagerView => {
    const reps = groups.get(managerId) ?? [];
    return {
      managerId,
      team: consolidateTeam(reps, options),
      rituals: ritualsOf(
        managerId,
        reps.map((r) => r.repId),
        input.reviews ?? [],
        input.actions ?? [],
        input.asOf,
      ),
    };
  });
  const total = managers.reduce<TeamView>(
    (acc, m) => mergeTeams(acc, m.team, options),
    consolidateTeam([], options),
  );
  return { asOf: input.asOf, managers, total };
}
