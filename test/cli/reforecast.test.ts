/**
 * `cadence reforecast` (issue 15): the --json contract, the Remaining columns of --out beside an
 * untouched baseline, and exit 2 with a message on bad input. The core's reforecast is the oracle.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import * as calendar from "../../src/core/calendar";
import * as reforecast from "../../src/core/reforecast";
import * as tracking from "../../src/core/tracking";
import type { CellValue } from "../../src/core/types";
import { cadence } from "../support/cli";

const ROOT = path.resolve(__dirname, "..", "..");
const dir = mkdtempSync(path.join(os.tmpdir(), "cadence-reforecast-"));
const PORTFOLIO = [
  "Code client;Raison sociale;CA N-1;CA N;Potentiel",
  "R;Rivière SARL;100000;110000;150000",
  "K;Kiosque SA;100000;50000;120000",
  "S;Sud Négoce;40000;42000;60000",
  "P;Prospect SAS;0;0;40000",
].join("\n");
const CONTACTS = [
  "Date;Client;Type d'activité;Objet",
  "02/03/2026;Rivière;Visite;revue",
  "03/03/2026;R;Visite;revue",
  "04/03/2026;K;Appel sortant;point",
  "20/05/2026;Inconnu SARL;Visite;?",
  "02/09/2026;S;Visite;after the as-of date",
].join("\n");

interface ReforecastJson {
  asOf: string;
  remainingCapacity: Record<string, number>;
  clients: {
    id: string;
    baseline: Record<string, number>;
    done: Record<string, number>;
    remaining: Record<string, number>;
  }[];
}

let plan = "";
let contacts = "";

beforeAll(async () => {
  const input = path.join(dir, "clients.csv");
  writeFileSync(input, PORTFOLIO);
  plan = path.join(dir, "plan.xlsx");
  contacts = path.join(dir, "export.csv");
  writeFileSync(contacts, CONTACTS);
  const r = await cadence("plan", input, "--year", "2026", "--capacity", "40", "--out", plan);
  expect(r.err).toBe("");
});

async function sheetRows(file: string): Promise<CellValue[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("Plan");
  const rows: CellValue[][] = [];
  ws?.eachRow((row) => {
    rows.push((row.values as CellValue[]).slice(1).map((v) => v ?? ""));
  });
  return rows;
}

describe("cadence reforecast", () => {
  test("--json: the issue's shape, the core's figures (norms: largest remainder in what is left)", async () => {
    const r = await cadence("reforecast", plan, "--contacts", contacts, "--as-of", "2026-06-30", "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as ReforecastJson;
    expect(Object.keys(json)).toEqual(["asOf", "remainingCapacity", "clients"]);
    expect(json.asOf).toBe("2026-06-30");
    // 40 visits × 129/252 working days left = 20.47 → 20.
    expect(json.remainingCapacity).toEqual({ visit: 20 });
    for (const c of json.clients) expect(Object.keys(c)).toEqual(["id", "baseline", "done", "remaining"]);
    // The plan's clients only, in its order (the new name of the export has no plan).
    expect(json.clients.map((c) => c.id)).toEqual(["R", "K", "S", "P"]);
    const R = json.clients[0];
    expect(R).toEqual({
      id: "R",
      baseline: { visit: 10, call: 6 },
      done: { visit: 2, call: 0 },
      // Remaining visit demands 8, 8, 10, 2 (Σ 28) into 20: 5.71, 5.71, 7.14, 1.43 → 6, 6, 7, 1.
      remaining: { visit: 6, call: 6 },
    });
    expect(json.clients.map((c) => c.remaining.visit)).toEqual([6, 6, 7, 1]);
    // Calls have no capacity in this plan: their remaining demand stands (K made one of its 8).
    expect(json.clients[1]?.remaining.call).toBe(7);

    // The core on the same plan rows and contacts is the oracle.
    const plannedRows: tracking.PlanRow[] = json.clients.map((c, i) => ({
      id: c.id,
      segment: ["retain", "atRisk", "retain", "prospect"][i] ?? "",
      planned: c.baseline,
      salesN: null,
      salesN1: null,
      potential: null,
    }));
    const made: tracking.ContactLike[] = [
      { date: "2026-03-02", clientId: "R", channel: "visit" },
      { date: "2026-03-03", clientId: "R", channel: "visit" },
      { date: "2026-03-04", clientId: "K", channel: "call" },
      { date: "2026-09-02", clientId: "S", channel: "visit" },
    ];
    const oracle = reforecast.reforecast({
      tracking: tracking.trackClients({
        plan: plannedRows,
        contacts: made,
        period: { start: "2026-01-01", end: "2026-12-31" },
        asOf: "2026-06-30",
        calendar: calendar.createWorkCalendar({ country: "FR" }),
      }),
      capacity: { visit: 40 },
      method: "norms",
    });
    expect(json.clients.map((c) => c.remaining)).toEqual(oracle.clients.map((c) => c.remaining));
    expect(json.remainingCapacity).toEqual(oracle.remainingCapacity);
  });

  test("before the period starts the re-forecast is the baseline; the text summary goes per segment", async () => {
    const r = await cadence("reforecast", plan, "--contacts", contacts, "--as-of", "2025-12-15", "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as ReforecastJson;
    expect(json.remainingCapacity).toEqual({ visit: 40 });
    for (const c of json.clients) expect(c.remaining).toEqual(c.baseline);

    const text = await cadence(
      "reforecast",
      plan,
      "--contacts",
      contacts,
      "--as-of",
      "2026-06-30",
      "--lang",
      "fr",
    );
    expect(text.code).toBe(0);
    expect(text.out).toContain("reste à faire au 2026-06-30");
    expect(text.out).toContain("capacité restante : visit 20");
    expect(text.out).toMatch(
      /Fidéliser \(2\): référence visit 20, call 12; réalisé visit 2, call 0; reste visit 18, call 12; replanifié visit 13, call 12/,
    );
  });

  test("--out writes Remaining columns beside the baseline, whose cells are untouched; a second run writes over them", async () => {
    const out = path.join(dir, "reforecast.xlsx");
    const r = await cadence(
      "reforecast",
      plan,
      "--contacts",
      contacts,
      "--as-of",
      "2026-06-30",
      "--out",
      out,
    );
    expect(r.err).toBe("");
    expect(r.out).toContain(`plan written to ${out}`);
    const before = await sheetRows(plan);
    const after = await sheetRows(out);
    const header = after[0] ?? [];
    const lastPlanned = Math.max(...header.map((h, i) => (String(h).startsWith("Planned ") ? i : -1)));
    expect(header.slice(lastPlanned + 1, lastPlanned + 3)).toEqual([
      "Remaining Field visit",
      "Remaining Outbound call",
    ]);
    // Every cell of the plan as it was, the baseline's first, is in the output, shifted past the two new columns.
    before.forEach((row, r) => {
      row.forEach((v, c) => {
        expect(after[r]?.[c <= lastPlanned ? c : c + 2]).toEqual(v);
      });
    });
    expect(after.slice(1).map((row) => row[lastPlanned + 1])).toEqual([6, 6, 7, 1]);
    // The plan's settings travel on, its prospecting reserve included (20 % of 40).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const settings = new Map<string, unknown>();
    wb.getWorksheet("Settings")?.eachRow((row) => settings.set(row.getCell(1).text, row.getCell(2).value));
    expect(settings.get("capacity.visit")).toBe(40);
    expect(settings.get("prospectingVisits")).toBe(8);

    // Re-forecast again from the written file, later in the year: same baseline, columns replaced.
    const again = path.join(dir, "reforecast2.xlsx");
    const r2 = await cadence(
      "reforecast",
      out,
      "--contacts",
      contacts,
      "--as-of",
      "2026-09-30",
      "--json",
      "--out",
      again,
    );
    expect(r2.code).toBe(0);
    const json = JSON.parse(r2.out) as ReforecastJson;
    expect(json.clients.map((c) => c.baseline.visit)).toEqual([10, 8, 10, 2]);
    const later = await sheetRows(again);
    expect(later[0]).toHaveLength(header.length);
    expect(later.slice(1).map((row) => row[lastPlanned + 1])).toEqual(
      json.clients.map((c) => c.remaining.visit),
    );
    expect(later.map((row) => row.slice(0, lastPlanned + 1))).toEqual(
      after.map((row) => row.slice(0, lastPlanned + 1)),
    );
  });

  test("--method optimized re-plans what is left by the optimisation, within each remaining demand", async () => {
    const r = await cadence(
      "reforecast",
      plan,
      "--contacts",
      contacts,
      "--as-of",
      "2026-06-30",
      "--json",
      "--method",
      "optimized",
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as ReforecastJson;
    const visits = json.clients.map((c) => c.remaining.visit);
    expect(visits.reduce((s, x) => s + x, 0)).toBe(20);
    json.clients.forEach((c) => {
      expect(c.remaining.visit).toBeLessThanOrEqual(c.baseline.visit - c.done.visit);
    });
  });

  test("bad input exits 2 with a message naming it, and writes nothing", async () => {
    const out = path.join(dir, "never.xlsx");
    const badDate = await cadence(
      "reforecast",
      plan,
      "--contacts",
      contacts,
      "--as-of",
      "30/06/2026",
      "--out",
      out,
    );
    expect(badDate.code).toBe(2);
    expect(badDate.err).toContain("--as-of must be a date YYYY-MM-DD, not '30/06/2026'");
    const noDate = await cadence("reforecast", plan, "--contacts", contacts);
    expect(noDate.code).toBe(2);
    expect(noDate.err).toContain("--as-of");
    const method = await cadence(
      "reforecast",
      plan,
      "--contacts",
      contacts,
      "--as-of",
      "2026-06-30",
      "--method",
      "random",
    );
    expect(method.code).toBe(2);
    expect(method.err).toContain("--method must be norms or optimized, not 'random'");
    const noContacts = await cadence("reforecast", plan, "--as-of", "2026-06-30");
    expect(noContacts.code).toBe(2);
    expect(noContacts.err).toContain("--contacts <file> is required");
    const badExport = path.join(dir, "bad.csv");
    writeFileSync(badExport, "Date;Client;Canal\n31/02/2026;R;Visite\n");
    const badRow = await cadence(
      "reforecast",
      plan,
      "--contacts",
      badExport,
      "--as-of",
      "2026-06-30",
      "--out",
      out,
    );
    expect(badRow.code).toBe(2);
    expect(badRow.err).toMatch(/row 2, column 'Date'/);
    const missing = await cadence(
      "reforecast",
      path.join(dir, "nope.xlsx"),
      "--contacts",
      contacts,
      "--as-of",
      "2026-06-30",
    );
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("nope.xlsx");
    expect(existsSync(out)).toBe(false);
  });

  test("npx cadence reforecast prints what the in-process CLI prints", async () => {
    const args = ["reforecast", plan, "--contacts", contacts, "--as-of", "2026-06-30", "--json"];
    const r = spawnSync("npx", ["--no-install", "cadence", ...args], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
      timeout: 120_000,
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const inProcess = await cadence(...args);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(inProcess.out));
  }, 120_000);
});
