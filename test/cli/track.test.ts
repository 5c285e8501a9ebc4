import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { cadence } from "../support/cli";

const dir = mkdtempSync(path.join(os.tmpdir(), "cadence-track-"));
const HEADER = "Code client;Raison sociale;CA N-1;CA N;Potentiel";
// R: Retain (share 0.73, potential A); K: At risk (trend −50 %); P: Prospect (no sales).
const PORTFOLIO = [
  HEADER,
  "R;Rivière SARL;100000;110000;150000",
  "K;Kiosque SA;100000;50000;120000",
  "P;Prospect SAS;0;0;40000",
].join("\n");

function contacts(visitsToR: number, visitsToK: number): string {
  const lines = ["Date;Client;Type d'activité;Objet"];
  for (let i = 0; i < visitsToR; i++)
    lines.push(`${String(2 + i).padStart(2, "0")}/03/2026;Rivière;Visite;revue`);
  for (let i = 0; i < visitsToK; i++) lines.push(`15/04/2026;K;RDV;point`);
  lines.push("20/05/2026;Inconnu SARL;Appel sortant;?");
  return lines.join("\n");
}

interface TrackJson {
  asOf: string;
  attainment: number;
  reach: number;
  coverage: number;
  saturatedTop: string[];
  neglectedAtRisk: string[];
  unmatchedContacts: number;
  newNames: { name: string; contacts: number }[];
  clients: { id: string; actual: number; pace: number | null; status: string }[];
}

async function planFile(name: string, rep: string): Promise<string> {
  const input = path.join(dir, `${name}.csv`);
  writeFileSync(input, PORTFOLIO);
  const out = path.join(dir, `${name}.xlsx`);
  const r = await cadence("plan", input, "--year", "2026", "--capacity", "100", "--out", out, "--rep", rep);
  expect(r.err).toBe("");
  return out;
}

describe("cadence track", () => {
  test("tracks a plan against a CRM export: pace, status and the two symptoms (domain.md)", async () => {
    const plan = await planFile("plan-a", "Alice");
    const export1 = path.join(dir, "export.csv");
    writeFileSync(export1, contacts(12, 1));
    const out = path.join(dir, "tracked.xlsx");
    const r = await cadence(
      "track",
      plan,
      "--contacts",
      export1,
      "--as-of",
      "2026-06-30",
      "--json",
      "--out",
      out,
    );
    expect(r.err).toBe("");
    const json = JSON.parse(r.out) as TrackJson;
    expect(json.asOf).toBe("2026-06-30");
    const byId = new Map(json.clients.map((c) => [c.id, c]));
    // R planned 10 visits + 6 calls = 11.5 visit-eq.; e = 123/252; 12 visits → pace 12 / (11.5 × 0.488) = 2.14.
    expect(byId.get("R")?.actual).toBe(12);
    expect(byId.get("R")?.pace).toBeCloseTo(12 / (11.5 * (123 / 252)), 3);
    expect(byId.get("R")?.status).toBe("Over");
    // K planned 8 visits + 8 calls = 10 visit-eq.; 1 visit → Under.
    expect(byId.get("K")?.status).toBe("Under");
    expect(json.saturatedTop).toEqual(["R"]);
    expect(json.neglectedAtRisk).toEqual(["K"]);
    expect(json.reach).toBeCloseTo(2 / 3, 4);
    // The contact with a client not in the plan is a new name, counted as prospecting.
    expect(json.unmatchedContacts).toBe(0);
    expect(json.newNames).toHaveLength(1);
    // Attainment caps R's earned at 1.0 × its weighted plan: (min(12, 11.5) + 1) / (11.5 + 10 + 2.75).
    expect(json.attainment).toBeCloseTo(12.5 / 24.25, 3);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const header = (wb.getWorksheet("Plan")!.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(
      expect.arrayContaining(["Code client", "Segment", "Planned Field visit", "Pace", "Status"]),
    );
    // Statuses read as the workbook and the functions write them.
    const statusCol = header.indexOf("Status") + 1;
    const statuses = wb.getWorksheet("Plan")!.getColumn(statusCol).values.slice(2);
    expect(statuses).toEqual(expect.arrayContaining(["Over", "Under"]));
    expect(
      statuses.every((s) => typeof s === "string" && ["Under", "On track", "Over", "No plan"].includes(s)),
    ).toBe(true);
  });

  test("consolidates two reps' plans into a team view with the symptoms counted", async () => {
    const a = await planFile("plan-alice", "Alice");
    const b = await planFile("plan-bob", "Bob");
    const ea = path.join(dir, "alice.csv");
    writeFileSync(ea, contacts(12, 1));
    const eb = path.join(dir, "bob.csv");
    writeFileSync(eb, "Date;Client;Type d'activité\n");
    const out = path.join(dir, "team.xlsx");
    const r = await cadence(
      "consolidate",
      a,
      b,
      "--contacts",
      ea,
      eb,
      "--as-of",
      "2026-06-30",
      "--json",
      "--out",
      out,
    );
    expect(r.err).toMatch(/alice\.csv: 1 contact row\(s\) matched no plan/);
    const json = JSON.parse(r.out) as {
      reps: { rep: string; clients: number; saturatedTop: number; neglectedAtRisk: number }[];
    };
    expect(json.reps.map((x) => x.rep)).toEqual(["plan-alice", "plan-bob"]);
    expect(json.reps[0]).toMatchObject({ clients: 3, saturatedTop: 1, neglectedAtRisk: 1 });
    expect(json.reps[1]?.saturatedTop).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  test("a file without a plan, or a contacts export without dates, is a clear error with exit 2 and no output", async () => {
    const raw = path.join(dir, "raw.csv");
    writeFileSync(raw, PORTFOLIO);
    const export1 = path.join(dir, "e.csv");
    writeFileSync(export1, contacts(1, 1));
    const out = path.join(dir, "never.xlsx");
    const noPlan = await cadence("track", raw, "--contacts", export1, "--out", out);
    expect([noPlan.code, noPlan.err]).toEqual([2, expect.stringMatching(/no plan in this file/)]);
    const plan = await planFile("plan-c", "Carol");
    const noDates = path.join(dir, "nodates.csv");
    writeFileSync(noDates, "Client;Canal\nR;Visite\n");
    const bad = await cadence("track", plan, "--contacts", noDates, "--out", out);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/nodates\.csv/);
    expect(existsSync(out)).toBe(false);
  });
});
