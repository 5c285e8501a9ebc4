import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { isCalendarDate, TeamView, TeamViewQuery } from "../../contract";
import { can } from "../access";
import { actorOf, denial } from "../app";
import type { DB } from "../db/schema";
import { ApiError } from "../errors";
import { teamView } from "../team/view";
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
      const view = await teamView(db, managerId, request.query);
      if (view === null) throw new ApiError("PERSON_NOT_FOUND", { id: managerId });
      return view;
    },
  );
}
