/** Building a team's data through the sync API, and reading the director's team view. */
import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { PushResponse, TeamView } from "../../../src/contract";
import type { Org, OrgName } from "./org";

/** One new row's mutation (base version 0), fields given as plain values. */
export const syncRow = (table: string, fields: Record<string, unknown>) => ({
  mutationId: randomUUID(),
  table,
  rowId: randomUUID(),
  baseVersion: 0,
  fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { value: v }])),
});

export async function pushAs(
  app: FastifyInstance,
  org: Org,
  who: OrgName,
  mutations: ReturnType<typeof syncRow>[],
): Promise<void> {
  const res = await app.inject({
    method: "POST",
    url: "/sync/push",
    headers: org[who].auth,
    payload: { mutations },
  });
  expect(res.json<PushResponse>().results.every((r) => r.status === "applied")).toBe(true);
}

/** The director's view of the whole organisation for 2026, as of the domain page's worked date. */
export async function directorView(app: FastifyInstance, org: Org): Promise<TeamView> {
  const res = await app.inject({
    url: `/teams/${org.director.id}/view?year=2026&asOf=2026-06-30`,
    headers: org.director.auth,
  });
  expect(res.statusCode).toBe(200);
  return res.json<TeamView>();
}
