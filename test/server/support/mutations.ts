import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { Mutation, PushResponse } from "../../../src/contract";

/** A mutation setting `values` on a row, with bases (default: none, i.e. null). */
export function mutation(
  table: string,
  rowId: string,
  baseVersion: number,
  values: Record<string, unknown>,
  bases: Record<string, unknown> = {},
): Mutation {
  const fields: Mutation["fields"] = {};
  for (const [name, value] of Object.entries(values)) fields[name] = { base: bases[name] ?? null, value };
  return { mutationId: randomUUID(), table, rowId, baseVersion, fields };
}

/** Pushes `mutations` through `app` with `auth` headers; the push itself must answer 200. */
export async function pushOk(
  app: FastifyInstance,
  auth: Record<string, string>,
  mutations: readonly unknown[],
): Promise<PushResponse> {
  const res = await app.inject({ method: "POST", url: "/sync/push", headers: auth, payload: { mutations } });
  expect(res.statusCode).toBe(200);
  return res.json<PushResponse>();
}
