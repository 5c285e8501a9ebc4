/** Pure helpers for the action-plan list (no DOM). */
import { isCalendarDate } from "../../contract/tables";
import type { ActionRow } from "../../excel/gateway.types";
import type { ActionDraft } from "./ActionsView.types";

export type DraftProblem = "clientRequired" | "unknownClient" | "actionRequired" | "dueRequired" | "badDate";

export function emptyDraft(clientId = "", action = ""): ActionDraft {
  return { clientId, action, owner: "", due: "", status: "open" };
}

/**
 * What is wrong with a draft before it is written, field by field. An action plan is for a client of
 * the plan (when the Clients table could be read: `clients`, id → name) and has a due date.
 */
export function validateDraft(
  draft: ActionDraft,
  clients: ReadonlyMap<string, string> | null = null,
): Partial<Record<keyof ActionDraft, DraftProblem>> {
  const problems: Partial<Record<keyof ActionDraft, DraftProblem>> = {};
  const id = draft.clientId.trim();
  if (id === "") problems.clientId = "clientRequired";
  else if (clients !== null && !clients.has(id)) problems.clientId = "unknownClient";
  if (draft.action.trim() === "") problems.action = "actionRequired";
  if (draft.due === "") problems.due = "dueRequired";
  else if (!isIsoDate(draft.due)) problems.due = "badDate";
  return problems;
}

/** "C00001 · Dupont SA", or the code alone when the plan does not name it. */
export function clientLabel(id: string, clients: ReadonlyMap<string, string> | null): string {
  const name = clients?.get(id) ?? "";
  return name === "" ? id : `${id} · ${name}`;
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
