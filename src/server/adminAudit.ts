/**
 * What the CLI does to people and tokens on the server's host (bootstrap and administration),
 * recorded in the change log like the API's own requests: who (the OS user), from where (the host).
 */
import os from "node:os";
import type { Kysely } from "kysely";
import { audit } from "./changes/sequence";
import type { DB } from "./db/schema";

export async function auditAdmin(
  db: Kysely<DB>,
  result: string,
  details: Record<string, unknown>,
): Promise<void> {
  let user = "unknown";
  try {
    user = os.userInfo().username;
  } catch {
    // No user name (a container without a passwd entry): the host still says where.
  }
  await audit(db, {
    actor_id: null,
    client_app: `cadence-cli (${user})`.slice(0, 200),
    ip: os.hostname(),
    mutation_id: null,
    table_name: null,
    row_id: null,
    rep_id: null,
    version: null,
    result,
    fields: JSON.stringify(details).slice(0, 1000),
    reason: null,
  });
}
