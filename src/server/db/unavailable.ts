/**
 * Errors that say the database is out of reach for a moment (restarting, failing over, refusing
 * connections, locked) rather than that the request or the server is wrong: the API answers them with
 * 503 and Retry-After, so clients retry instead of reporting an internal error.
 */

/** PostgreSQL SQLSTATEs: connection exceptions (08…), shutdown and start-up (57P01–57P03), too many connections. */
const PG_STATES = /^(08\d{3}|57P0[1-3]|53300)$/;
/** Node's socket errors on the way to the database, and SQLite's lock timeouts. */
const SYSTEM_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "SQLITE_BUSY",
]);
/**
 * node-postgres reports a cut connection, a client left broken by one (a rollback after the cut) and a
 * connect timeout by message only.
 */
const MESSAGES = [
  /connection terminated/i,
  /has encountered a connection error and is not queryable/i,
  /client was closed and is not queryable/i,
  /timeout exceeded when trying to connect/i,
  /connection refused/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = "code" in error ? String(error.code) : "";
  if (PG_STATES.test(code) || SYSTEM_CODES.has(code)) return true;
  // By shape, not instanceof: errors made in Node's own realm (sockets) fail instanceof under Jest.
  if ("errors" in error && Array.isArray(error.errors) && error.errors.some((e) => isDatabaseUnavailable(e)))
    return true;
  if ("cause" in error && error.cause !== error && isDatabaseUnavailable(error.cause)) return true;
  const message = "message" in error ? String(error.message) : "";
  return MESSAGES.some((m) => m.test(message));
}
