/**
 * `cadence team` the README's way: `npx cadence serve` on a SQLite file, the org's rows pushed over
 * HTTP, then `npx cadence team --server URL --year 2026 --as-of D --json | --out` with CADENCE_TOKEN:
 * a manager gets `{ year, asOf, reps, team }`, a director `{ year, asOf, managers }`, each figure the
 * core's on the same rows (support/coreOracle); bad input exits 2, an unreachable store 1.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { PushResponse } from "../../src/contract";
import { coreOracle, rounded } from "../server/support/coreOracle";
import { seedOrg, type Org, type OrgName } from "../server/support/org";
import { openTestStore, type TestStore } from "../server/support/stores";
import { syncRow } from "../server/support/teamFixture";

const ROOT = path.resolve(__dirname, "..", "..");
const dir = mkdtempSync(path.join(os.tmpdir(), "cadence-team-"));

function npxCadence(
  token: string | null,
  ...args: string[]
): { code: number | null; out: string; err: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  if (token === null) delete env.CADENCE_TOKEN;
  else env.CADENCE_TOKEN = token;
  const r = spawnSync("npx", ["--no-install", "cadence", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env,
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      s.close(() => {
        resolve(port);
      });
    });
  });
}

describe("cadence team against a real cadence serve", () => {
  let t: TestStore;
  let org: Org;
  let server: ChildProcess;
  let url: string;

  async function push(who: OrgName, mutations: ReturnType<typeof syncRow>[]): Promise<void> {
    const res = await fetch(`${url}/sync/push`, {
      method: "POST",
      headers: { ...org[who].auth, "content-type": "application/json" },
      body: JSON.stringify({ mutations }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as PushResponse;
    expect(body.results.map((r) => r.status)).toEqual(mutations.map(() => "applied"));
  }

  beforeAll(async () => {
    t = await openTestStore("sqlite");
    org = await seedOrg(t.store.db);
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    server = spawn(
      "npx",
      ["--no-install", "cadence", "serve", "--port", String(port), "--db", t.location.sqlitePath!],
      {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: "1" },
        // The access log goes to stdout: ignored, so a full pipe never blocks the server.
        stdio: ["ignore", "ignore", "pipe"],
        // Its own process group: npx does not pass a signal on to the cadence it runs, so the
        // whole group is stopped at the end (a signal to npx alone left cadence serve running).
        detached: true,
      },
    );
    await new Promise<void>((resolve, reject) => {
      let err = "";
      server.stderr?.on("data", (chunk: Buffer) => {
        err += chunk.toString();
        if (err.includes("listening on")) resolve();
      });
      server.once("exit", (code) => {
        reject(new Error(`cadence serve exited ${code}: ${err}`));
      });
    });
    const client = (fields: Record<string, unknown>) => syncRow("clients", { year: 2026, ...fields });
    const a = client({ segment: "develop", plannedVisit: 10 });
    const b = client({ segment: "atRisk", plannedVisit: 4, plannedCall: 4 });
    const u = client({ segment: "prospect" });
    const r = client({ segment: "retain", plannedVisit: 2, capFactor: 2 });
    const on = (c: { rowId: string }, channel: string, n: number, from = 10) =>
      Array.from({ length: n }, (_, k) =>
        syncRow("contacts", {
          clientId: c.rowId,
          date: `2026-0${1 + (k % 5)}-${String(from + (k % 15)).padStart(2, "0")}`,
          channel,
        }),
      );
    await push("rep1", [
      syncRow("plans", { year: 2026, capacity: { visit: 16, call: 4, country: "FR", region: "67" } }),
      a,
      b,
      u,
      r,
      ...on(a, "visit", 5),
      ...on(a, "call", 20),
      ...on(u, "visit", 1),
      ...on(r, "visit", 4),
    ]);
    const c = client({ segment: "retain", plannedVisit: 8 });
    await push("rep2", [syncRow("plans", { year: 2026, capacity: { visit: 8 } }), c, ...on(c, "video", 6)]);
    const d = client({ segment: "maintain", plannedVisit: 3 });
    await push("rep3", [syncRow("plans", { year: 2026, capacity: { visit: 3 } }), d]);
    await push("manager1", [
      syncRow("reviews", { repId: org.rep1.id, managerId: org.manager1.id, date: "2026-06-12" }),
      syncRow("actions", {
        repId: org.rep1.id,
        action: "Visite conjointe",
        status: "open",
        dueDate: "2026-06-01",
      }),
      syncRow("actions", {
        repId: org.rep2.id,
        action: "Relance",
        status: "Terminée",
        dueDate: "2026-05-01",
      }),
    ]);
  }, 180_000);

  afterAll(async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      if (server.pid !== undefined) process.kill(-server.pid, "SIGTERM");
      await exited;
    }
    await t.drop();
  });

  test("a manager's --json is the team view, every figure the core's", async () => {
    const r = npxCadence(
      org.manager1.token,
      "team",
      "--server",
      url,
      "--year",
      "2026",
      "--as-of",
      "2026-06-30",
      "--json",
    );
    expect([r.code, r.err]).toEqual([0, ""]);
    const json = JSON.parse(r.out) as { year: number; asOf: string; reps: unknown[]; team: unknown };
    expect(Object.keys(json)).toEqual(["year", "asOf", "reps", "team"]);
    const oracle = await coreOracle(t.store.db, org.manager1.id, 2026, "2026-06-30");
    expect(rounded(json)).toEqual(
      rounded({
        year: 2026,
        asOf: "2026-06-30",
        reps: oracle.reps.map(({ elapsedShare: _e, ...r }) => r),
        team: oracle.team,
      }),
    );
    // Reps come by name (the core's order), whatever their ids.
    const reps = json.reps as { rep: string; attainment: number; reach: number; utilisation: object }[];
    expect(reps.map((r) => r.rep)).toEqual([...reps.map((r) => r.rep)].sort());
    const rep1 = reps[0];
    // A: 5 visits + 20 calls = 10 of 10; B: none of 5; R: 4 of 2, cap factor 2 → 4; attainment 14 / 17.
    expect(rep1).toMatchObject({ rep: "rep1", reach: 2 / 3, utilisation: { call: 1, visit: 1 } });
    expect(rep1.attainment).toBeCloseTo(14 / 17, 12);
  }, 120_000);

  test("a director's --json is the N+1 view; --out writes the N+1 sheet", async () => {
    const out = path.join(dir, "n1.xlsx");
    const r = npxCadence(
      org.director.token,
      "team",
      "--server",
      url,
      "--year",
      "2026",
      "--as-of",
      "2026-06-30",
      "--json",
      "--out",
      out,
    );
    expect([r.code, r.err]).toEqual([0, ""]);
    const json = JSON.parse(r.out) as {
      managers: {
        manager: string;
        reviewsThisMonth: number;
        actionsOpen: number;
        actionsOverdue: number;
        attainment: number;
      }[];
    };
    expect(Object.keys(json)).toEqual(["year", "asOf", "managers"]);
    const oracle = await coreOracle(t.store.db, org.director.id, 2026, "2026-06-30");
    expect(rounded(json.managers)).toEqual(rounded(oracle.managers.map(({ managerId: _m, ...m }) => m)));
    expect(
      json.managers.map((m) => [m.manager, m.reviewsThisMonth, m.actionsOpen, m.actionsOverdue]),
    ).toEqual([
      ["manager1", 1, 1, 1],
      ["manager2", 0, 0, 0],
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("N+1")!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const m1 = (ws.getRow(2).values as unknown[]).slice(1);
    expect(m1[0]).toBe("manager1");
    expect(m1[header.indexOf("Attainment")]).toBeCloseTo(json.managers[0].attainment, 4);
    expect(m1[header.indexOf("Reviews this month")]).toBe(1);
  }, 120_000);

  test("bad input exits 2 with a message; an unreachable store exits 1", async () => {
    const badDate = npxCadence(
      org.manager1.token,
      "team",
      "--server",
      url,
      "--year",
      "2026",
      "--as-of",
      "2026-02-30",
      "--json",
    );
    expect([badDate.code, badDate.out]).toEqual([2, ""]);
    expect(badDate.err).toMatch(/--as-of must be a calendar date/);
    const noToken = npxCadence(null, "team", "--server", url, "--year", "2026", "--as-of", "2026-06-30");
    expect(noToken.code).toBe(2);
    expect(noToken.err).toMatch(/CADENCE_TOKEN/);
    const rep = npxCadence(
      org.rep1.token,
      "team",
      "--server",
      url,
      "--year",
      "2026",
      "--as-of",
      "2026-06-30",
    );
    expect(rep.code).toBe(2);
    expect(rep.err).toMatch(/for managers and directors/);
    const down = npxCadence(
      org.manager1.token,
      "team",
      "--server",
      `http://127.0.0.1:${await freePort()}`,
      "--year",
      "2026",
      "--as-of",
      "2026-06-30",
    );
    expect(down.code).toBe(1);
    expect(down.err).toMatch(/cannot be reached/);
  }, 240_000);
});
