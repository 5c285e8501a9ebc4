/**
 * Runs the store as a process: open the database, migrate, listen, and on SIGTERM/SIGINT stop
 * accepting, finish requests in flight, then close the pool.
 */
import type { FastifyInstance } from "fastify";
import pino from "pino";
import { createServer, type ServerOptions } from "./app";
import { openDatabase, type DatabaseOptions } from "./db/connect";
import { migrateToLatest } from "./db/migrations";

export interface RunOptions extends DatabaseOptions, Omit<ServerOptions, "db" | "logger"> {
  port?: number;
  host?: string;
  /** Install SIGTERM/SIGINT handlers (default true). */
  handleSignals?: boolean;
  logLevel?: string;
  /** After this, connections still open are cut; default 10 s. */
  shutdownTimeoutMs?: number;
}

export interface RunningStore {
  app: FastifyInstance;
  url: string;
  stop(): Promise<void>;
}

export async function runStore(options: RunOptions = {}): Promise<RunningStore> {
  const logger = pino({ level: options.logLevel ?? process.env.LOG_LEVEL ?? "info" });
  const store = await openDatabase(options);
  const applied = await migrateToLatest(store.db, store.schema);
  logger.info({ dialect: store.dialect, applied }, "database ready");
  const app = await createServer({ ...options, db: store, logger });
  app.addHook("onClose", async () => {
    await store.close();
  });
  const url = await app.listen({ port: options.port ?? 4000, host: options.host ?? "127.0.0.1" });
  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => (stopping ??= closeGracefully(app, options.shutdownTimeoutMs ?? 10_000));
  if (options.handleSignals !== false) {
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      process.once(signal, () => {
        logger.info({ signal }, "shutting down");
        void stop().then(() => {
          process.exitCode = 0;
        });
      });
    }
  }
  return { app, url, stop };
}

/**
 * Stops accepting, lets requests in flight finish, then closes the database. Keep-alive
 * connections that fall idle meanwhile are closed at once instead of after their timeout.
 */
async function closeGracefully(app: FastifyInstance, timeoutMs: number): Promise<void> {
  const closing = app.close();
  const sweep = setInterval(() => {
    app.server.closeIdleConnections();
  }, 50);
  const deadline = setTimeout(() => {
    app.server.closeAllConnections();
  }, timeoutMs);
  try {
    await closing;
  } finally {
    clearInterval(sweep);
    clearTimeout(deadline);
  }
}
