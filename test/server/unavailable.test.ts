/** Which database errors are a passing outage (503, retried) and which are the server's own fault (500). */
import { runInNewContext } from "node:vm";
import { isDatabaseUnavailable } from "../../src/server/db/unavailable";

const withCode = (code: string, message = "boom"): Error => Object.assign(new Error(message), { code });
/** An error made in another realm, as Node's sockets make them under Jest: not `instanceof Error` here. */
const foreign = (code: string, message: string): unknown =>
  runInNewContext(`Object.assign(new Error(${JSON.stringify(message)}), { code: ${JSON.stringify(code)} })`);

test.each([
  ["a refused connection", withCode("ECONNREFUSED")],
  ["a reset socket", withCode("ECONNRESET")],
  [
    "PostgreSQL shutting down (57P01)",
    withCode("57P01", "terminating connection due to administrator command"),
  ],
  ["PostgreSQL crash recovery (57P02)", withCode("57P02")],
  ["PostgreSQL starting up (57P03)", withCode("57P03", "the database system is starting up")],
  ["a connection exception (08006)", withCode("08006")],
  ["too many connections (53300)", withCode("53300")],
  ["SQLite locked past its timeout", withCode("SQLITE_BUSY", "database is locked")],
  ["a cut connection", new Error("Connection terminated unexpectedly")],
  ["a connect timeout", new Error("timeout exceeded when trying to connect")],
  ["a rollback on a cut client", new Error("Client has encountered a connection error and is not queryable")],
  ["every address refused", new AggregateError([withCode("ECONNREFUSED"), withCode("ECONNREFUSED")])],
  ["a refused connection from another realm", foreign("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5432")],
  ["a cut connection from another realm", foreign("", "Connection terminated unexpectedly")],
  ["an outage wrapped as a cause", new Error("push failed", { cause: foreign("ECONNREFUSED", "refused") })],
])("%s is an outage", (_, error) => {
  expect(isDatabaseUnavailable(error)).toBe(true);
});

test.each([
  ["a syntax error (42601)", withCode("42601", "syntax error")],
  ["a unique violation (23505)", withCode("23505")],
  ["SQLite constraint", withCode("SQLITE_CONSTRAINT_UNIQUE")],
  ["a plain bug", new TypeError("x is undefined")],
  ["a bug wrapping a bug", new Error("push failed", { cause: new TypeError("x is undefined") })],
  ["a string", "nope"],
  ["null", null],
])("%s is not", (_, error) => {
  expect(isDatabaseUnavailable(error)).toBe(false);
});
