import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { sql, type Kysely } from "kysely";
import {
  FIELD_BOUNDS,
  isCalendarDate,
  SteeringQuery,
  SteeringView,
  TeamView,
  TeamViewQuery,
} from "../../contract";
import { can } from "../access";
import { columnOf } from "../db/columns";
import type { DB } from "../db/schema";
import { actorOf, denial } from "../request";
import { ApiError } from "../errors";
import { subordinateIds } from "../people";
import { teamView } from "../team/view";
import { steeringView } from "../team/steering";
import { audit } from "../changes/sequence";
import { RequestValidationError } from "../validation";

const Params = Type.Object({ managerId: Type.String({ maxLength: 200 }) }, { additionalProperties: false });

export function registerTeamRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  app.get<{ Params: { managerId: string }; Querystring: TeamViewQuery }>(
    "/teams/:managerId/view",
    {
      schema: {
        summary: "Team and N+1 views of a manager's subtree",
        params: Params,
        querystring: TeamViewQuery,
        response: { 200: TeamView },
      },
    },
    async (request) => {
      const { asOf } = request.query;
      if (asOf !== undefined && !isCalendarDate(asOf)) {
        throw new RequestValidationError("querystring", [
          { path: "/asOf", message: `expected a calendar date YYYY-MM-DD, got ${asOf}` },
        ]);
      }
      const actor = actorOf(request);
      const { managerId } = request.params;
      if (!can(actor, "read", { kind: "team", managerId })) {
        await audit(db, denial(request, actor.id, "denied", { action: "team.view", managerId }));
        throw new ApiError("FORBIDDEN");
      }
      let view;
      try {
        view = await teamView(db, managerId, request.query);
      } catch (error: unknown) {
        // PostgreSQL refuses a sum past the largest double (rows stored before the contract's bounds).
        if (typeof error === "object" && error !== null && "code" in error && error.code === "22003")
          throw await outOfRange(db, managerId);
        throw error;
      }
      if (view === null) throw new ApiError("PERSON_NOT_FOUND", { id: managerId });
      if (!allFinite(view)) throw await outOfRange(db, managerId);
      return view;
    },
  );

  app.get<{ Params: { managerId: string }; Querystring: SteeringQuery }>(
    "/teams/:managerId/steering",
    {
      schema: {
        summary: "What the steering reviews of a manager's reps start from: last review, open actions",
        params: Params,
        querystring: SteeringQuery,
        response: { 200: SteeringView },
      },
    },
    async (request) => {
      const { asOf } = request.query;
      if (!isCalendarDate(asOf)) {
        throw new RequestValidationError("querystring", [
          { path: "/asOf", message: `expected a calendar date YYYY-MM-DD, got ${asOf}` },
        ]);
      }
      const actor = actorOf(request);
      const { managerId } = request.params;
      if (!can(actor, "read", { kind: "team", managerId })) {
        await audit(db, denial(request, actor.id, "denied", { action: "team.steering", managerId }));
        throw new ApiError("FORBIDDEN");
      }
      const exists = await db
        .selectFrom("people")
        .select("id")
        .where("id", "=", managerId)
        .executeTakeFirst();
      if (exists === undefined) throw new ApiError("PERSON_NOT_FOUND", { id: managerId });
      return steeringView(db, managerId, asOf);
    },
  );
}

/** Whether every number of a response is finite (JSON has no Infinity: it would fail the response). */
export function allFinite(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === "number" && !Number.isFinite(v)) return false;
    if (v !== null && typeof v === "object")
      for (const item of Object.values(v) as unknown[]) stack.push(item);
  }
  return true;
}

/**
 * Figures overflowed: rows stored before the contract bounded numbers. Answered 422 naming the reps
 * and client rows to correct (clients whose numbers are beyond the contract's bounds), not 500.
 */
async function outOfRange(db: Kysely<DB>, managerId: string): Promise<ApiError> {
  const reps = await subordinateIds(db, managerId);
  const bounds = Object.entries(FIELD_BOUNDS.clients ?? {});
  const rows =
    reps.length === 0
      ? []
      : (
          await sql<{ id: string; rep_id: string }>`select id, rep_id from clients
          where rep_id in (${sql.join(reps.map((id) => sql`${id}`))}) and (${sql.join(
            bounds.map(
              ([field, [min, max]]) => sql`${sql.ref(columnOf(field))} not between ${min} and ${max}`,
            ),
            sql` or `,
          )}) limit 100`.execute(db)
        ).rows;
  return new ApiError("STORED_DATA_OUT_OF_RANGE", {
    managerId,
    clients: rows.map((r) => ({ id: r.id, repId: r.rep_id })),
  });
}
