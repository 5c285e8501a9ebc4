/**
 * Who is due, and who comes first (domain.md, "Tour plans"): next due = last contact + 365 /
 * planned visits a year; a planned client never contacted is due at once; overdue = due before the
 * period's first day. Priority: overdue (longest first), then At risk clients under plan, then the
 * others by due date; ties by id.
 */
import { dayNumberToIso } from "../calendar";

export type StopReason =
  | { code: "appointment"; prospect: boolean }
  | { code: "neverContacted"; prospect: boolean }
  | { code: "overdue"; days: number; dueDate: string; prospect: boolean }
  | { code: "atRiskUnder"; dueDate: string; prospect: boolean }
  | { code: "due"; dueDate: string; prospect: boolean };

export interface Urgency {
  /** 0 overdue (never contacted included), 1 At risk under plan, 2 the others. */
  rank: 0 | 1 | 2;
  /** Day number the next visit is due (−Infinity when never contacted). */
  due: number;
}

/** Day number of the next due visit: last contact + 365 / planned visits, −∞ when never contacted. */
export function dueDay(lastContactDay: number | null, plannedVisits: number): number {
  if (lastContactDay === null) return Number.NEGATIVE_INFINITY;
  return lastContactDay + 365 / plannedVisits;
}

/** Overdue when due before the first day of the period (a due day is compared by its date). */
export const isOverdueAt = (due: number, periodStart: number): boolean => Math.floor(due) < periodStart;

export function urgencyOf(due: number, atRiskUnder: boolean, periodStart: number): Urgency {
  if (isOverdueAt(due, periodStart)) return { rank: 0, due };
  return { rank: atRiskUnder ? 1 : 2, due };
}

/** Negative when a comes before b. */
export function compareUrgency(a: Urgency & { id: string }, b: Urgency & { id: string }): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.due !== b.due) return a.due < b.due ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function reasonOf(u: Urgency, periodStart: number, prospect: boolean): StopReason {
  if (u.due === Number.NEGATIVE_INFINITY) return { code: "neverContacted", prospect };
  const dueDate = dayNumberToIso(Math.floor(u.due));
  if (u.rank === 0) return { code: "overdue", days: periodStart - Math.floor(u.due), dueDate, prospect };
  if (u.rank === 1) return { code: "atRiskUnder", dueDate, prospect };
  return { code: "due", dueDate, prospect };
}

/** The reason as a rep reads it, French or English. */
export function reasonText(r: StopReason, lang: "fr" | "en"): string {
  const fr = lang === "fr";
  let text: string;
  switch (r.code) {
    case "appointment":
      text = fr ? "rendez-vous" : "appointment";
      break;
    case "neverContacted":
      text = fr ? "jamais contacté : à voir dès que possible" : "never contacted: due at once";
      break;
    case "overdue":
      text = fr
        ? `en retard de ${r.days} jour${r.days > 1 ? "s" : ""} (prévu le ${r.dueDate})`
        : `overdue by ${r.days} day${r.days > 1 ? "s" : ""} (due ${r.dueDate})`;
      break;
    case "atRiskUnder":
      text = fr
        ? `en érosion, sous le plan (prévu le ${r.dueDate})`
        : `at risk, under plan (due ${r.dueDate})`;
      break;
    case "due":
      text = fr ? `à voir le ${r.dueDate}` : `due on ${r.dueDate}`;
      break;
  }
  return r.prospect ? (fr ? `prospect, ${text}` : `prospect, ${text}`) : text;
}
