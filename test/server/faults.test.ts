/**
 * Faults, bounded and on loopback: the store runs as a child process (tsx) and is killed with
 * SIGKILL while a client pushes; after a restart no acknowledged write is lost or duplicated.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { memoryStorage, patTokenProvider, SyncClient } from "../../src/sync";
import { seedOrg, type Org } from "./support/org";
import { DIALECTS, openTestStore, type TestStore } from "./support/stores";

const ROOT = path.resolve(__dirname, "../..");
// node --import tsx: one process, so SIGKILL hits the server itself (the tsx CLI would fork a child).

function startStore(t: TestStore, port: number): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "warn" };
  const args = ["--import", "tsx", path.join(ROOT, "src/cli/main.ts"), "serve", "--port", String(port)];
  if (t.location.databaseUrl !== undefined) {
    env.DATABASE_URL = t.location.databaseUrl;
    env.CADENCE_PG_SCHEMA = t.location.pgSchema;
  } else {
    args.push("--db", t.location.sqlitePath!);
  }
  const child = spawn(process.execPath, args, { env, cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  return new Promise((resolve, reject) => {
    let err = "";
    const timer = setTimeout(() => {
      reject(new Error(`store did not start: ${err}`));
    }, 20_000);
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString();
      if (err.includes("listening on")) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once("exit", (code) => {
      reject(new Error(`store exited (${code}): ${err}`));
    });
  });
}

function stopped(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    child.once("exit", () => {
      resolve();
    });
  });
}

describe.each(DIALECTS)("SIGKILL mid-push on %s", (dialect) => {
  let t: TestStore;
  let org: Org;
  let child: ChildProcess | null = null;

  beforeAll(async () => {
    t = await openTestStore(dialect);
    org = await seedOrg(t.store.db);
  });
  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill("SIGKILL");
      await stopped(child);
    }
    await t.drop();
  });

  test("every acknowledged mutation survives, none is applied twice", async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    child = await startStore(t, port);
    const client = new SyncClient({
      baseUrl: `http://127.0.0.1:${port}`,
      tokens: patTokenProvider(org.rep1.token),
      storage: memoryStorage(),
      retry: { attempts: 60, baseDelayMs: 100, maxDelayMs: 400 },
      batchSize: 20,
    });
    const acked = new Map<string, string>();
    const expected = new Map<string, string>();
    const pushes = (async () => {
      for (let round = 0; round < 30; round++) {
        for (let k = 0; k < 20; k++) {
          const rowId = randomUUID();
          const value = `r${round}-${k}`;
          expected.set(rowId, value);
          await client.enqueue("clients", rowId, 0, { name: { base: null, value } });
        }
        for (const r of await client.push())
          if (r.status === "applied") acked.set(r.rowId, expected.get(r.rowId)!);
      }
    })();
    // Let some pushes land, kill the store without warning, and bring it back.
    while (acked.size < 100) await new Promise((resolve) => setTimeout(resolve, 20));
    const killedAfter = acked.size;
    child.kill("SIGKILL");
    await stopped(child);
    child = await startStore(t, port);
    await pushes;
    expect(killedAfter).toBeLessThan(600);
    expect(acked.size).toBe(600);
    const rows = await t.store.db
      .selectFrom("clients" as "people")
      .select(["id", "name"])
      .where("id", "in", [...acked.keys()])
      .execute();
    expect(new Map(rows.map((r) => [r.id, r.name]))).toEqual(acked);
    const perMutation = await t.store.db
      .selectFrom("change_log")
      .select(["mutation_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("row_id", "in", [...acked.keys()])
      .groupBy("mutation_id")
      .execute();
    expect(perMutation).toHaveLength(600);
    expect(perMutation.every((r) => r.n === 1)).toBe(true);
    child.kill("SIGTERM");
    await stopped(child);
  });
});
