/**
 * Opens the store's database: a SQLite file (default) or PostgreSQL when a postgres:// URL is given.
 * Both go through Kysely, so the rest of the server is dialect-blind except where noted.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, sql } from "kysely";
import pg from "pg";
import { StorePostgresDialect, StoreSqliteDialect } from "./dialects";
import { migrateToLatest } from "./migrations";
import { withStatementCache } from "./statementCache";
import type { DB } from "./schema";

export type DialectName = "sqlite" | "postgres";

export interface Database {
  readonly db: Kysely<DB>;
  readonly dialect: DialectName;
  /** The PostgreSQL schema (null on SQLite). */
  readonly schema: string | null;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… switches to PostgreSQL; otherwise `sqlitePath` is used. */
  databaseUrl?: string | undefined;
  /** SQLite file (default ./data/cadence.db); ":memory:" for a throwaway store. */
  sqlitePath?: string | undefined;
  /** PostgreSQL schema to use (created if missing); default public. */
  pgSchema?: string | undefined;
  /** PostgreSQL pool size; default 10. */
  poolSize?: number | undefined;
  /** How long a request waits for a new PostgreSQL connection before failing (503); default 10 s. */
  connectTimeoutMs?: number | undefined;
}

export const DEFAULT_SQLITE_PATH = "./data/cadence.db";

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const url = options.databaseUrl;
  if (url !== undefined && isPostgresUrl(url)) return openPostgres(url, options);
  return openSqlite(options.sqlitePath ?? DEFAULT_SQLITE_PATH);
}

function openSqlite(file: string): Database {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const handle = new BetterSqlite3(file);
  handle.pragma("journal_mode = WAL");
  // FULL: an acknowledged push survives a power cut, not only a process crash.
  handle.pragma("synchronous = FULL");
  handle.pragma("foreign_keys = ON");
  handle.pragma("busy_timeout = 5000");
  const db = new Kysely<DB>({ dialect: new StoreSqliteDialect({ database: withStatementCache(handle) }) });
  return { db, dialect: "sqlite", schema: null, close: () => db.destroy() };
}

const SAFE_SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;

async function openPostgres(url: string, options: DatabaseOptions): Promise<Database> {
  const schema = options.pgSchema ?? "public";
  if (!SAFE_SCHEMA.test(schema)) throw new Error(`Invalid PostgreSQL schema name: ${schema}`);
  // Counts and sums come back as numbers, not strings (values stay far below 2^53).
  const fallback = pg.types.getTypeParser as (oid: number, format?: string) => (value: string) => unknown;
  const types = {
    getTypeParser: (oid: number, format?: string) =>
      oid === 20 || oid === 1700 ? (v: string) => Number(v) : fallback(oid, format),
  } as pg.CustomTypesConfig;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // A database host that stops answering fails requests (503, retried) instead of hanging them.
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    options: `-c search_path=${schema}`,
    types,
  });
  // A restarted or failed-over server terminates idle connections: the pool drops them and the next
  // query reconnects. Without a listener, that 'error' event would crash the whole process.
  pool.on("error", () => undefined);
  // A connection cut while checked out (mid-transaction) fails its query, which the request reports;
  // the client's own 'error' event must not crash the process either.
  pool.on("connect", (client) => {
    client.on("error", () => undefined);
  });
  const db = new Kysely<DB>({ dialect: new StorePostgresDialect({ pool }) });
  await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  return { db, dialect: "postgres", schema, close: () => db.destroy() };
}

/** Where the CLI's store lives: `--db` (a file or a postgres:// URL), else DATABASE_URL, else the default file. */
export function databaseOptionsFrom(
  dbOption: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): DatabaseOptions {
  if (dbOption !== undefined) {
    return isPostgresUrl(dbOption)
      ? { databaseUrl: dbOption, pgSchema: env.CADENCE_PG_SCHEMA }
      : { sqlitePath: dbOption };
  }
  const url = env.DATABASE_URL;
  if (url !== undefined && isPostgresUrl(url)) return { databaseUrl: url, pgSchema: env.CADENCE_PG_SCHEMA };
  return { sqlitePath: DEFAULT_SQLITE_PATH };
}

/** Opens and migrates: what every CLI command and `serve` do first. */
export async function openMigrated(options: DatabaseOptions): Promise<Database> {
  const store = await openDatabase(options);
  try {
    await migrateToLatest(store.db, store.schema);
    return store;
  } catch (error: unknown) {
    await store.close();
    throw error;
  }
}
