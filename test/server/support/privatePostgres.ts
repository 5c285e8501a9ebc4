/**
 * A private, throwaway PostgreSQL cluster for tests that must stop or restart the server: the shared
 * one at 127.0.0.1:5432 serves other suites in parallel and is never touched. The cluster lives in a
 * fresh temporary directory, listens on loopback on a free port, trusts local connections, keeps
 * fsync on, and is stopped and removed by stop() — or, failing that, when the process exits.
 */
import { execFile, execFileSync, spawnSync } from "node:child_process";
import {
  appendFileSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

export const PG_BIN = process.env.CADENCE_PG_BIN ?? "/usr/lib/postgresql/15/bin";
const RUNUSER = "/usr/sbin/runuser";
const OS_USER = "postgres";

export type ShutdownMode = "fast" | "immediate";

export interface PrivatePostgres {
  readonly port: number;
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  readonly url: string;
  /**
   * `pg_ctl restart -m <mode>`: fast = clean shutdown, immediate = crash and WAL recovery. Runs in a
   * child process, so this process keeps serving (and failing) requests meanwhile.
   */
  restart(mode: ShutdownMode): Promise<void>;
  /** `pg_ctl stop -m <mode>` (the server stays down until start()). */
  shutdown(mode: ShutdownMode): Promise<void>;
  start(): Promise<void>;
  /** Stops the cluster (immediate) and removes its directory; safe to call twice. */
  stop(): void;
  /** The server log so far (for failure messages). */
  log(): string;
}

/** A loopback port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address === null || typeof address === "string") reject(new Error("no port assigned"));
        else resolve(address.port);
      });
    });
  });
}

/** initdb and postgres refuse to run as root: as root, run them as the postgres OS user. */
function asOwner(): { prefix: string[]; uid: number | null; gid: number | null } {
  if (process.getuid?.() !== 0) return { prefix: [], uid: null, gid: null };
  if (!existsSync(RUNUSER))
    throw new Error(`${RUNUSER} is missing: needed to run PostgreSQL as "${OS_USER}" when tests run as root`);
  const id = (flag: string): number =>
    Number(execFileSync("id", [flag, OS_USER], { encoding: "utf8" }).trim());
  try {
    return { prefix: [RUNUSER, "-u", OS_USER, "--"], uid: id("-u"), gid: id("-g") };
  } catch {
    throw new Error(`The OS user "${OS_USER}" is missing: needed to run PostgreSQL when tests run as root`);
  }
}

function requireBinaries(): void {
  const missing = ["initdb", "pg_ctl", "postgres"].filter((b) => !existsSync(path.join(PG_BIN, b)));
  if (missing.length > 0)
    throw new Error(`PostgreSQL binaries missing in ${PG_BIN}: ${missing.join(", ")} (set CADENCE_PG_BIN)`);
}

/** Runs a PostgreSQL program (as its owner), synchronously: exit hooks cannot wait for promises. */
function runPg(prefix: readonly string[], bin: string, args: readonly string[]) {
  const [cmd, ...rest] = [...prefix, path.join(PG_BIN, bin), ...args];
  return spawnSync(cmd, rest, { encoding: "utf8", timeout: 30_000 });
}

const PREFIX = "cadence-pg-";
const OWNER_FILE = "owner.pid";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error: unknown) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Clusters left by a test process that was killed outright (SIGKILL skips the exit hook). */
function sweepAbandoned(prefix: string[]): void {
  for (const name of readdirSync(os.tmpdir())) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = path.join(os.tmpdir(), name);
    const ownerFile = path.join(dir, OWNER_FILE);
    if (!existsSync(ownerFile) || alive(Number(readFileSync(ownerFile, "utf8")))) continue;
    const data = path.join(dir, "data");
    if (existsSync(path.join(data, "postmaster.pid")))
      runPg(prefix, "pg_ctl", ["stop", "-D", data, "-m", "immediate", "-w"]);
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  requireBinaries();
  const owner = asOwner();
  sweepAbandoned(owner.prefix);
  const dir = mkdtempSync(path.join(os.tmpdir(), PREFIX));
  writeFileSync(path.join(dir, OWNER_FILE), String(process.pid));
  const data = path.join(dir, "data");
  const sockets = path.join(dir, "sock");
  const logFile = path.join(dir, "server.log");
  mkdirSync(sockets);
  if (owner.uid !== null && owner.gid !== null) {
    for (const p of [dir, sockets]) chownSync(p, owner.uid, owner.gid);
  }
  const run = (bin: string, args: string[]): void => {
    const result = runPg(owner.prefix, bin, args);
    if (result.status !== 0) {
      const tail = existsSync(logFile) ? readFileSync(logFile, "utf8").slice(-2000) : "";
      throw new Error(
        `${bin} ${args.join(" ")} failed (${result.status ?? result.signal ?? result.error?.message}): ` +
          `${result.stderr}${result.stdout}\n${tail}`,
      );
    }
  };

  const runAsync = (args: string[]): Promise<void> =>
    new Promise((resolve, reject) => {
      const [cmd, ...rest] = [...owner.prefix, path.join(PG_BIN, "pg_ctl"), ...args];
      execFile(cmd, rest, { timeout: 30_000 }, (error, stdout, stderr) => {
        if (error) reject(new Error(`pg_ctl ${args.join(" ")} failed: ${error.message}${stderr}${stdout}`));
        else resolve();
      });
    });

  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    process.removeListener("exit", stop);
    try {
      if (existsSync(path.join(data, "postmaster.pid")))
        run("pg_ctl", ["stop", "-D", data, "-m", "immediate", "-w"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  // A worker that dies without running afterAll still takes its cluster down.
  process.once("exit", stop);

  try {
    run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-instructions"]);
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      // In postgresql.conf rather than on the command line, so a plain `pg_ctl start` keeps them.
      appendFileSync(
        path.join(data, "postgresql.conf"),
        [
          "listen_addresses = '127.0.0.1'",
          `port = ${port}`,
          `unix_socket_directories = '${sockets}'`,
          "fsync = on",
          "max_connections = 30",
          "shared_buffers = 16MB",
          "",
        ].join("\n"),
      );
      try {
        run("pg_ctl", ["start", "-D", data, "-l", logFile, "-w", "-t", "30"]);
        break;
      } catch (error: unknown) {
        // Another process may have taken the port between freePort() and the start: try another.
        if (attempt >= 3) throw error;
      }
    }
    return {
      port,
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      restart: (mode) => runAsync(["restart", "-D", data, "-l", logFile, "-m", mode, "-w", "-t", "30"]),
      shutdown: (mode) => runAsync(["stop", "-D", data, "-m", mode, "-w", "-t", "30"]),
      start: () => runAsync(["start", "-D", data, "-l", logFile, "-w", "-t", "30"]),
      stop,
      log: () => (existsSync(logFile) ? readFileSync(logFile, "utf8") : ""),
    };
  } catch (error: unknown) {
    stop();
    throw error;
  }
}
