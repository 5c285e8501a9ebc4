/** Pure helpers for the action-plan list (no DOM). */
import { isCalendarDate } from "../../contract/tables";
import type { ActionRow } from "../../excel/gateway.types";
import type { ActionDraft } from "./ActionsView.types";

export type DraftProblem = "clientRequired" | "actionRequired" | "badDate";

export function emptyDraft(clientId = "", action = ""): ActionDraft {
  return { clientId, action, owner: "", due: "", status: "open" };
}

/** What is wrong with a draft before it is written, field by field. */
export function validateDraft(draft: ActionDraft): Partial<Record<keyof ActionDraft, DraftProblem>> {
  const problems: Partial<Record<keyof ActionDraft, DraftProblem>> = {};
  if (draft.clientId.trim() === "") problems.clientId = "clientRequired";
  if (draft.action.trim() === "") problems.action = "actionRequired";
  if (draft.due !== "" && !isIsoDate(draft.due)) problems.due = "badDate";
  return problems;
}

/** A real calendar day written YYYY-MM-DD: the store's own check, so a due date it accepts syncs. */
export const isIsoDate = isCalendarDate;

/** Open first, then by due date (blank last), then client id: the list reads as a to-do list. */
export function sortActions(rows: readonly ActionRow[]): ActionRow[] {
  const rank = (row: ActionRow): number => (row.status === "open" ? 0 : 1);
  return [...rows].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.due === "" ? 1 : 0) - (b.due === "" ? 1 : 0) ||
      a.due.localeCompare(b.due) ||
      a.clientId.localeCompare(b.clientId),
  );
}

/** Overdue: still open and due strictly before today (ISO strings compare as dates). */
export function isOverdue(row: ActionRow, today: string): boolean {
  return row.status === "open" && row.due !== "" && row.due < today;
}
