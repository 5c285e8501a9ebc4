/**
 * What a manager's steering reviews start from, per rep of the subtree: the latest review up to the
 * as-of date (its decisions and KPI snapshot), the reviews of the as-of month, and the open actions.
 * Whether an action is open is the core's rule (consolidation.isOpenAction).
 */
import { sql, type Kysely } from "kysely";
import * as consolidation from "../../core/consolidation";
import type { SteeringAction, SteeringRep, SteeringView } from "../../contract";
import type { DB } from "../db/schema";
import { subordinateIds } from "../people";

const text = (x: string | number | null): string | null => (x === null ? null : String(x));

function parsed(json: unknown): unknown {
  if (typeof json !== "string") return json ?? null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}

export async function steeringView(db: Kysely<DB>, managerId: string, asOf: string): Promise<SteeringView> {
  const below = await subordinateIds(db, managerId);
  const reps = below.length
    ? await db
        .selectFrom("people")
        .select(["id", "name"])
        .where("id", "in", below)
        .where("role", "=", "rep")
        .execute()
    : [];
  reps.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (reps.length === 0) return { managerId, asOf, reps: [] };
  const ids = sql.join(reps.map((r) => sql`${r.id}`));
  const [reviews, actions] = await Promise.all([
    sql<{
      id: string;
      rep_id: string;
      date: string;
      manager_id: string | null;
      decisions: string | null;
      kpis: unknown;
    }>`
      select id, rep_id, date, manager_id, decisions, kpis from reviews
      where deleted = 0 and rep_id in (${ids}) and date is not null and date <= ${asOf}
      order by date desc, id desc`.execute(db),
    sql<{
      id: string;
      rep_id: string;
      client_id: string | null;
      action: string | null;
      owner: string | null;
      due_date: string | null;
      status: string | null;
    }>`
      select id, rep_id, client_id, action, owner, due_date, status from actions
      where deleted = 0 and rep_id in (${ids})
      order by due_date, id`.execute(db),
  ]);
  const month = `${asOf.slice(0, 7)}-01`;
  return {
    managerId,
    asOf,
    reps: reps.map((rep): SteeringRep => {
      const mine = reviews.rows.filter((r) => r.rep_id === rep.id);
      const last = mine.at(0);
      return {
        repId: rep.id,
        rep: rep.name,
        lastReview:
          last === undefined
            ? null
            : {
                id: last.id,
                date: last.date,
                managerId: text(last.manager_id),
                decisions: text(last.decisions),
                kpis: parsed(last.kpis),
              },
        reviewsThisMonth: mine.filter((r) => r.date >= month).length,
        openActions: actions.rows
          .filter((a) => a.rep_id === rep.id && consolidation.isOpenAction(a.status ?? ""))
          .map((a): SteeringAction => ({
            id: a.id,
            clientId: text(a.client_id),
            action: text(a.action),
            owner: text(a.owner),
            dueDate: text(a.due_date),
            status: text(a.status),
          })),
      };
    }),
  };
}
