/**
 * better-sqlite3 handed to Kysely with its prepared statements reused. Kysely prepares every query
 * anew, and preparing a small statement costs about as much as running it (≈ 14 % of the server's
 * time under the mixed-load benchmark). Statements are kept by SQL text, least recently used first
 * out; one busy with an open iterator is never handed out twice.
 */
import type BetterSqlite3 from "better-sqlite3";
import type { SqliteDatabase } from "kysely";

export const STATEMENT_CACHE_SIZE = 500;

export function withStatementCache(
  handle: BetterSqlite3.Database,
  size = STATEMENT_CACHE_SIZE,
): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => {
      cache.clear();
      handle.close();
    },
    prepare(sql: string) {
      const hit = cache.get(sql);
      if (hit !== undefined) {
        if (hit.busy) return handle.prepare(sql);
        // Map order is insertion order: re-inserting marks the statement most recently used.
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const statement = handle.prepare(sql);
      if (cache.size >= size) {
        const oldest = cache.keys().next();
        if (oldest.done !== true) cache.delete(oldest.value);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}
