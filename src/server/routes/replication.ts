import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { PullQuery, PullResponse, PushRequest, PushResponse } from "../../contract";
import { readableRepIds } from "../access";
import type { DB } from "../db/schema";
import { actorOf } from "../request";
import { pull } from "../changes/pull";
import { push } from "../changes/push";

const ConflictRow = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  mutationId: Type.String(),
  actorId: Type.String(),
  table: Type.String(),
  rowId: Type.String(),
  repId: Type.String(),
  field: Type.String(),
  base: Type.Unknown(),
  mine: Type.Unknown(),
  theirs: Type.Unknown(),
});

export function registerSyncRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  app.post<{ Body: PushRequest }>(
    "/sync/push",
    {
      schema: {
        summary: "Apply a batch of mutations in one transaction",
        body: PushRequest,
        response: { 200: PushResponse },
      },
    },
    async (request) => {
      const clientApp =
        request.body.clientApp ?? request.headers["x-cadence-client"]?.toString().slice(0, 200) ?? null;
      return push(db, { actor: actorOf(request), clientApp, ip: request.ip }, request.body.mutations);
    },
  );

  app.get<{ Querystring: PullQuery }>(
    "/sync/pull",
    {
      schema: {
        summary: "Rows changed after a sequence, in the caller's scope",
        querystring: PullQuery,
        response: { 200: PullResponse },
      },
    },
    async (request) => pull(db, actorOf(request), request.query.since, request.query.limit),
  );

  app.get<{ Querystring: PullQuery }>(
    "/sync/conflicts",
    {
      schema: {
        summary: "Recorded conflicts in the caller's scope",
        querystring: PullQuery,
        response: { 200: Type.Array(ConflictRow) },
      },
    },
    async (request) => {
      const scope = readableRepIds(actorOf(request));
      if (scope.length === 0) return [];
      const rows = await db
        .selectFrom("conflicts")
        .selectAll()
        .where("seq", ">", request.query.since)
        .where("rep_id", "in", scope)
        .orderBy("seq")
        .limit(request.query.limit ?? 1000)
        .execute();
      return rows.map((r) => ({
        seq: r.seq,
        at: r.at,
        mutationId: r.mutation_id,
        actorId: r.actor_id,
        table: r.table_name,
        rowId: r.row_id,
        repId: r.rep_id,
        field: r.field,
        base: JSON.parse(r.base ?? "null") as unknown,
        mine: JSON.parse(r.mine ?? "null") as unknown,
        theirs: JSON.parse(r.theirs ?? "null") as unknown,
      }));
    },
  );
}
