/**
 * The README's way of running the CLI: `npx cadence …` from the checkout. npx starts bin/cadence.js
 * through a shim named `cadence`, so this catches a CLI that only runs under one file name (it used to
 * print nothing and exit 0). `--no-install` keeps npx from ever asking the registry: the checkout's own
 * bin is what must answer.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cadence } from "../support/cli";

const ROOT = path.resolve(__dirname, "..", "..");
const dir = mkdtempSync(path.join(os.tmpdir(), "cadence-npx-"));

function npxCadence(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync("npx", ["--no-install", "cadence", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const PORTFOLIO = [
  "Code client;Raison sociale;CA N-1;CA N;Potentiel",
  "R;Rivière SARL;100000;110000;150000",
  "K;Kiosque SA;100000;50000;120000",
  "S;Sud Négoce;40000;42000;60000",
  "P;Prospect SAS;0;0;40000",
].join("\n");

describe("npx cadence from the checkout", () => {
  it("prints the help, naming every command", () => {
    const r = npxCadence("--help");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: cadence/);
    for (const command of ["plan", "track", "consolidate", "template", "serve"])
      expect(r.out).toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
  }, 120_000);

  it("plans a portfolio as the in-process CLI does", async () => {
    const input = path.join(dir, "clients.csv");
    writeFileSync(input, PORTFOLIO);
    const args = ["plan", input, "--year", "2027", "--capacity", "60", "--json"];
    const r = npxCadence(...args);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const viaNpx = JSON.parse(r.out) as { capacity: number; clients: { id: string; planned: number }[] };
    expect(viaNpx.clients.map((c) => c.id)).toEqual(["R", "K", "S", "P"]);
    expect(viaNpx.capacity).toBe(60);
    const inProcess = await cadence(...args);
    expect(inProcess.code).toBe(0);
    expect(viaNpx).toEqual(JSON.parse(inProcess.out));
  }, 120_000);

  it("tracks with the catch-up per channel, the dated leave and remote share the plan file recorded (issue 18)", async () => {
    const input = path.join(dir, "clients-track.csv");
    writeFileSync(input, PORTFOLIO);
    const plan = path.join(dir, "plan-track.xlsx");
    const planned = npxCadence(
      ...["plan", input, "--year", "2026", "--leave", "03/08/2026-21/08/2026", "--remote-share", "0.2"],
      ...["--out", plan],
    );
    expect(planned.err).toBe("");
    const contacts = path.join(dir, "export-track.csv");
    writeFileSync(contacts, "Date;Client;Type d'activité\n02/03/2026;R;Visite\n03/03/2026;R;Appel sortant\n");
    const args = ["track", plan, "--contacts", contacts, "--as-of", "2026-09-30", "--json"];
    const r = npxCadence(...args);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const viaNpx = JSON.parse(r.out) as { catchUp: { channel: string; holds: number; reachable: boolean }[] };
    expect(viaNpx.catchUp.find((l) => l.channel === "call")).toMatchObject({ reachable: true });
    expect(viaNpx).toEqual(JSON.parse((await cadence(...args)).out));
  }, 120_000);

  it("exits 2 with the message on bad input, and writes nothing", () => {
    const out = path.join(dir, "never.xlsx");
    const r = npxCadence("plan", path.join(dir, "missing.csv"), "--capacity", "10", "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/missing\.csv/);
    expect(existsSync(out)).toBe(false);
  }, 120_000);
});
