import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { TeamView, TeamViewQuery } from "../../contract";
import { can } from "../access";
import { actorOf, denial } from "../app";
import type { DB } from "../db/schema";
import { ApiError } from "../errors";
import { teamView } from "../team/view";
import { audit } from "../changes/sequence";

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
