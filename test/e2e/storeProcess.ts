/**
 * A real `cadence serve` for end-to-end tests: started as users start it (node bin/cadence.js, a
 * temporary SQLite file, a loopback port, the test page's origin allowed by CORS), stopped with
 * SIGKILL (the store's crash) or SIGTERM, and started again on the same port and file.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../support/build";

const CLI = path.join(ROOT, "bin", "cadence.js");

export interface DemoToken {
  name: string;
  role: string;
  token: string;
}

export interface StoreProcess {
  url: string;
  db: string;
  start(): Promise<void>;
  /** Stops the store: "SIGKILL" as a crash, "SIGTERM" as a shutdown. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Bearer-authenticated JSON call to the store (as another program, a manager's script…). */
  api<T>(token: string, method: "GET" | "POST", route: string, body?: unknown): Promise<T>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  return port;
}

/** `cadence demo-org --db <file>`: the demo manager and reps, with their tokens as printed. */
export function demoOrg(db: string): Promise<DemoToken[]> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CLI, "demo-org", "--db", db], { cwd: ROOT }, (error, stdout) => {
      if (error !== null) {
        reject(new Error(`cadence demo-org failed: ${error.message}`));
        return;
      }
      resolve(
        [...stdout.matchAll(/^ {2}(.+) \((\w+)\): (\S+)$/gm)].map((m) => ({
          name: m[1],
          role: m[2],
          token: m[3],
        })),
      );
    });
  });
}

export async function storeProcess(corsOrigin: string): Promise<StoreProcess> {
  const db = path.join(mkdtempSync(path.join(os.tmpdir(), "cadence-e2e-store-")), "cadence.db");
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let log = "";

  const ready = async (deadline: number): Promise<void> => {
    for (;;) {
      if (child?.exitCode !== null && child?.exitCode !== undefined)
        throw new Error(`cadence serve exited (${child.exitCode}): ${log}`);
      try {
        const r = await fetch(`${url}/health`);
        if (r.ok) return;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) throw new Error(`cadence serve did not start in time: ${log}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  return {
    url,
    db,
    async start() {
      if (child !== null) throw new Error("The store is already running.");
      log = "";
      child = spawn(
        process.execPath,
        [CLI, "serve", "--port", String(port), "--db", db, "--cors-origin", corsOrigin],
        { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] },
      );
      child.stderr?.on("data", (chunk: Buffer) => {
        log = (log + chunk.toString()).slice(-4000);
      });
      await ready(Date.now() + 60_000);
    },
    async stop(signal = "SIGKILL") {
      const running = child;
      if (running === null) return;
      child = null;
      if (running.exitCode !== null) return;
      const exited = new Promise<void>((resolve) =>
        running.once("exit", () => {
          resolve();
        }),
      );
      running.kill(signal);
      await exited;
    },
    async api<T>(token: string, method: "GET" | "POST", route: string, body?: unknown): Promise<T> {
      const r = await fetch(`${url}${route}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await r.text();
      if (!r.ok) throw new Error(`${method} ${route}: ${r.status} ${text}`);
      return JSON.parse(text) as T;
    },
  };
}
