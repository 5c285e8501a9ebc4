/** The caller of a request and the audit entry of a refusal: what every route needs from a request. */
import type { FastifyRequest } from "fastify";
import type { Actor } from "./access";
import type { AuditEntry } from "./changes/sequence";
import { ApiError } from "./errors";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export function actorOf(request: FastifyRequest): Actor {
  if (request.actor === null) throw new ApiError("UNAUTHENTICATED");
  return request.actor;
}

/** An audit entry for a refused request. */
export const denial = requestEntry;

/** An audit entry about a request (its caller's app, address, method and url), with a result. */
export function requestEntry(
  request: FastifyRequest,
  actorId: string | null,
  result: string,
  details: unknown,
): AuditEntry {
  return {
    actor_id: actorId,
    client_app: request.headers["x-cadence-client"]?.toString().slice(0, 200) ?? null,
    ip: request.ip,
    mutation_id: null,
    table_name: null,
    row_id: null,
    rep_id: null,
    version: null,
    result,
    fields: JSON.stringify({ method: request.method, url: request.url.slice(0, 500) }),
    reason: details === undefined ? null : JSON.stringify(details).slice(0, 1000),
  };
}
