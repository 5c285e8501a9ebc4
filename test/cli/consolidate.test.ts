/**
 * `cadence consolidate`: four reps' plans, each using its visit capacity exactly with calls on top
 * (utilisation 100 %, no flag), one CRM export for the whole team (each contact to the plan holding
 * its client, the rest reported), `--json` in the shape every face prints; each rep's figures equal
 * `cadence track` on that rep's own contacts (the core, through another face).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TeamReport } from "../../src/core/consolidation";
import { cadence } from "../support/cli";

const dir = mkdtempSync(path.join(os.tmpdir(), "cadence-consolidate-"));
const REPS = ["alice", "bob", "carol", "dan"];

/** R: Retain (10 visits + 6 calls), K: At risk (8 visits + 8 calls); capacity 18 = the visits asked. */
async function planOf(rep: string): Promise<string> {
  const input = path.join(dir, `${rep}-portfolio.csv`);
  const p = rep.toUpperCase();
  writeFileSync(
    input,
    [
      "Code client;Raison sociale;CA N-1;CA N;Potentiel",
      `${p}-R;${rep} Rivière SARL;100000;110000;150000`,
      `${p}-K;${rep} Kiosque SA;100000;50000;120000`,
    ].join("\n"),
  );
  const out = path.join(dir, `${rep}.xlsx`);
  const r = await cadence(
    "plan",
    input,
    "--year",
    "2026",
    "--capacity",
    "18",
    "--prospecting",
    "0",
    "--out",
    out,
  );
  expect([r.code, r.err]).toEqual([0, ""]);
  return out;
}

/** Rep i: (i + 1) × 3 visits and 4 calls to R, i calls to K. */
function contactLines(rep: string, i: number): string[] {
  const p = rep.toUpperCase();
  const lines: string[] = [];
  for (let k = 0; k < (i + 1) * 3; k++) lines.push(`${String(2 + k).padStart(2, "0")}/03/2026;${p}-R;Visite`);
  for (let k = 0; k < 4; k++) lines.push(`1${k}/04/2026;${p}-R;Appel sortant`);
  for (let k = 0; k < i; k++) lines.push(`1${k}/05/2026;${p}-K;Appel sortant`);
  return lines;
}

describe("cadence consolidate", () => {
  let plans: string[];
  let teamExport: string;
  const own: string[] = [];

  beforeAll(async () => {
    plans = [];
    for (const rep of REPS) plans.push(await planOf(rep));
    const header = "Date;Client;Type d'activité";
    const all = [header];
    REPS.forEach((rep, i) => {
      const lines = contactLines(rep, i);
      all.push(...lines);
      const file = path.join(dir, `${rep}-own.csv`);
      writeFileSync(file, [header, ...lines].join("\n"));
      own.push(file);
    });
    all.push("20/05/2026;ZED-1;Visite");
    teamExport = path.join(dir, "team.csv");
    writeFileSync(teamExport, all.join("\n"));
  }, 60_000);

  test("one team-wide export: every rep gets its own contacts, the unmatched row is reported", async () => {
    const r = await cadence(
      "consolidate",
      ...plans,
      "--contacts",
      teamExport,
      "--as-of",
      "2026-06-30",
      "--json",
    );
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /team\.csv: 1 contact row\(s\) matched no plan of the team: row \d+ \(unknownClient\)/,
    );
    const json = JSON.parse(r.out) as TeamReport;
    expect([json.year, json.asOf]).toEqual([2026, "2026-06-30"]);
    expect(json.reps.map((x) => x.rep)).toEqual(REPS);
    for (const [i, rep] of json.reps.entries()) {
      // Visit capacity used exactly, calls on top: 100 %, never 119 %, and no utilisation flag.
      expect(rep.capacity).toEqual({ visit: 18 });
      expect(rep.planned).toEqual({ visit: 18, video: 0, call: 14, digital: 0, weighted: 21.5 });
      expect(rep.utilisation).toEqual({ visit: 1 });
      expect(rep.flags).toEqual([]);
      // Each rep's figures are `cadence track`'s on the rep's own contacts.
      const t = await cadence("track", plans[i], "--contacts", own[i], "--as-of", "2026-06-30", "--json");
      const k = JSON.parse(t.out) as { attainment: number; reach: number; coverage: number };
      expect(rep.attainment).toBeCloseTo(k.attainment, 4);
      expect(rep.reach).toBeCloseTo(k.reach, 4);
      expect(rep.coverage).toBeCloseTo(k.coverage, 4);
    }
    // alice: R earned min(3 + 1, 11.5) = 4, K 0 → 4 / 21.5; reach 1 of 2.
    expect(json.reps[0]).toMatchObject({ earned: 4, reach: 0.5 });
    expect(json.reps[0]?.attainment).toBeCloseTo(4 / 21.5, 12);
    // dan: R 12 + 1 = 13 capped at 11.5, K 3 × 0.25 → (11.5 + 0.75) / 21.5.
    expect(json.reps[3]?.earned).toBe(12.25);
    expect(json.team.capacity).toEqual({ visit: 72 });
    expect(json.team.utilisation).toEqual({ visit: 1 });
    expect(json.team.earned).toBeCloseTo(
      json.reps.reduce((s, x) => s + x.earned, 0),
      12,
    );
    expect(json.team.attainment).toBeCloseTo(json.team.earned / 86, 12);
  });

  test("bad input: two exports for four plans is exit 2 with a message", async () => {
    const r = await cadence("consolidate", ...plans, "--contacts", own[0], own[1], "--json");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/2 contacts files for 4 plans/);
    expect(r.out).toBe("");
    const badDate = await cadence("consolidate", ...plans, "--as-of", "30/06/2026");
    expect(badDate.code).toBe(2);
  });
});
