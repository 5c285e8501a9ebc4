import type { Command } from "commander";
import { databaseOptionsFrom } from "../../server/db/connect";
import { runStore } from "../../server/lifecycle";
import { CliError } from "../errors";
import { intOption } from "../options";

interface ServeOptions {
  port: number;
  host: string;
  db?: string;
  corsOrigin?: string;
}

/** `cadence serve`: the shared store (SQLite by default; DATABASE_URL=postgres://… for PostgreSQL). */
export function register(program: Command): void {
  program
    .command("serve")
    .description("Run the shared store / Lancer le serveur partagé")
    .option("--port <port>", "port to listen on", intOption("--port"), 4000)
    .option("--host <host>", "interface to listen on", "127.0.0.1")
    .option("--db <file|url>", "SQLite file or postgres:// URL (default: DATABASE_URL or ./data/cadence.db)")
    .option("--cors-origin <origins>", "comma-separated add-in origins (default https://localhost:3000)")
    .action(async (opts: ServeOptions) => {
      if (opts.port < 1 || opts.port > 65535) throw new CliError(`--port must be 1–65535, not ${opts.port}`);
      const tenants = (process.env.ENTRA_TENANTS ?? "").split(",").filter((t) => t !== "");
      const audience = process.env.ENTRA_AUDIENCE;
      const running = await runStore({
        ...databaseOptionsFrom(opts.db),
        port: opts.port,
        host: opts.host,
        ...(opts.corsOrigin !== undefined ? { corsOrigin: opts.corsOrigin.split(",") } : {}),
        ...(tenants.length && audience !== undefined ? { entra: { tenants, audience } } : {}),
      });
      process.stderr.write(`Cadence store listening on ${running.url}\n`);
      // Keep the command pending until the server closes (SIGTERM/SIGINT).
      await new Promise<void>((resolve) => running.app.server.once("close", resolve));
    });
}
