import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { cadence } from "../support/cli";

const dir = mkdtempSync(path.join(os.tmpdir(), "cadence-plan-"));

const HEADER = ["Code client", "Raison sociale", "Code postal", "CA N-1", "CA N", "Potentiel"];
function portfolio(n: number): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (let i = 1; i <= n; i++) {
    const id = `C${String(i).padStart(3, "0")}`;
    const prospect = i % 10 === 0;
    const salesN1 = prospect ? 0 : 1000 * ((i * 37) % 50) + 500;
    const salesN = prospect ? 0 : Math.round(salesN1 * (0.7 + ((i * 13) % 60) / 100));
    rows.push([
      id,
      `Client ${i} SARL`,
      `69${String(i).padStart(3, "0")}`,
      salesN1,
      salesN,
      salesN * 2 + 5000,
    ]);
  }
  return rows;
}

async function writeXlsx(file: string, rows: (string | number)[][], withTable = true): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Portefeuille");
  ws.getCell("A1").value = "Mon portefeuille 2026";
  if (withTable) {
    ws.addTable({ name: "Clients", ref: "A3", columns: HEADER.map((name) => ({ name })), rows });
  } else {
    ws.addRow([]);
    ws.addRow(HEADER);
    rows.forEach((r) => ws.addRow(r));
  }
  await wb.xlsx.writeFile(file);
}

interface PlanJson {
  capacity: number;
  segments: Record<string, number>;
  clients: { id: string; segment: string; planned: number }[];
}

describe("cadence plan", () => {
  test("plans a real workbook's first table: scaled norms use the clients' capacity exactly, every client kept", async () => {
    const file = path.join(dir, "portfolio.xlsx");
    await writeXlsx(file, portfolio(120));
    const r = await cadence("plan", file, "--capacity", "500", "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as PlanJson;
    expect(json.capacity).toBe(500);
    expect(json.clients).toHaveLength(120);
    const sum = (list: PlanJson["clients"]): number => list.reduce((s, c) => s + c.planned, 0);
    // 20 % of 500 is reserved for prospects; the 108 clients' norms ask for more than the other 400.
    expect(sum(json.clients.filter((c) => c.segment !== "prospect"))).toBe(400);
    // 12 prospects × 2 visits ask for less than the reserve of 100: their norms stand.
    expect(sum(json.clients.filter((c) => c.segment === "prospect"))).toBe(24);
    expect(Object.values(json.segments).reduce((a, b) => a + b, 0)).toBe(120);
    expect(json.segments.prospect).toBe(12);
    for (const c of json.clients) expect(Number.isInteger(c.planned)).toBe(true);
  });

  test("optimized method from the working-day calendar, written to .xlsx with input columns kept", async () => {
    const file = path.join(dir, "portfolio-range.xlsx");
    await writeXlsx(file, portfolio(60), false);
    const out = path.join(dir, "plan.xlsx");
    const r = await cadence(
      "plan",
      file,
      "--year",
      "2026",
      "--per-day",
      "4",
      "--method",
      "optimized",
      "--out",
      out,
      "--lang",
      "fr",
    );
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("828"); // 207 field days × 4 visits (domain.md's worked example)
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Plan")!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 6)).toEqual(HEADER);
    expect(header).toContain("Segment");
    expect(header).toContain("Prévu Visite terrain");
    expect(ws.getRow(2).getCell(1).value).toBe("C001");
    expect(ws.actualRowCount).toBe(61);
  });

  test("reads a French CSV with ';' and French number formats", async () => {
    const file = path.join(dir, "clients.csv");
    const lines = [
      HEADER.join(";"),
      ...portfolio(30).map((r) =>
        r.map((v) => (typeof v === "number" ? `${v.toLocaleString("fr-FR")},00 €` : v)).join(";"),
      ),
    ];
    writeFileSync(file, `\uFEFF${lines.join("\n")}\n`);
    const r = await cadence("plan", file, "--capacity", "100", "--method", "optimized", "--json");
    expect(r.err).toBe("");
    const json = JSON.parse(r.out) as PlanJson;
    expect(json.clients).toHaveLength(30);
    expect(json.segments.prospect).toBe(3);
    // The optimized method uses the clients' 80 exactly; the 3 prospects stop at their ceiling of
    // 2 × their norm of 2 visits, so 8 of the 20 reserved stay spare.
    const planned = (prospect: boolean): number =>
      json.clients.filter((c) => (c.segment === "prospect") === prospect).reduce((s, c) => s + c.planned, 0);
    expect(planned(false)).toBe(80);
    expect(planned(true)).toBe(12);
  });

  test("largest remainder compares exactly: norms 15, 1, 4, 15 on 25 visits give a 11, b 1, c 3, d 10", async () => {
    const file = path.join(dir, "exact.csv");
    const rows = [
      "Code client;CA N-1;CA N;Norme visites",
      "a;9000;9000;15",
      "b;8000;8000;1",
      "c;7000;7000;4",
      "d;6000;6000;15",
    ];
    writeFileSync(file, `${rows.join("\n")}\n`);
    const r = await cadence("plan", file, "--capacity", "25", "--prospecting", "0", "--json");
    expect(r.err).toBe("");
    const json = JSON.parse(r.out) as PlanJson;
    expect(Object.fromEntries(json.clients.map((c) => [c.id, c.planned]))).toEqual({
      a: 11,
      b: 1,
      c: 3,
      d: 10,
    });
  });

  test("--remote-share, --mode priority, --floor and --months: one pool per kind of day, unfunded calls said", async () => {
    const file = path.join(dir, "rules.csv");
    const rows = [
      "Code client;CA N-1;CA N-1 même période;CA N;Potentiel",
      "R1;50000;45000;40000;60000", // −11 % same period, class A on CA N-1: at risk
      "R2;40000;;38000;45000",
      "M1;300;;290;400",
      "M2;200;;150;300", // −25 % but class C on CA N-1: not at risk
      "P1;0;;0;5000",
    ];
    writeFileSync(file, `${rows.join("\n")}\n`);
    const base = ["plan", file, "--year", "2026", "--json", "--months", "9", "--lang", "fr"];
    const r = await cadence(...base, "--remote-share", "0.2", "--mode", "priority", "--floor");
    expect(r.err).toBe("");
    const json = JSON.parse(r.out) as PlanJson & {
      mode: string;
      constrained: boolean;
      remote: { days: number; visitEquivalents: number };
      unfunded: unknown;
      leftAtZero: string[];
      notes: string[];
    };
    const seg = Object.fromEntries(json.clients.map((c) => [c.id, c.segment]));
    expect(seg.R1).toBe("atRisk");
    expect(seg.M2).not.toBe("atRisk");
    expect(json.mode).toBe("priority");
    // 252 − 25 − 20 = 207 days available; 41 at the desk, 166 in the field.
    expect(json.remote.days).toBe(41);
    expect(json.capacity).toBe(664);
    expect(json.unfunded).toBeNull();
    expect(json.constrained).toBe(false);
    // Without remote time, the norms' calls are unfunded and planned at zero, the visits unchanged.
    const noRemote = JSON.parse((await cadence(...base)).out) as Omit<typeof json, "clients" | "unfunded"> & {
      unfunded: { days: number; contacts: Record<string, number> };
      clients: { id: string; plannedByChannel: Partial<Record<string, number>> }[];
    };
    expect(noRemote.capacity).toBe(828);
    expect(noRemote.unfunded.contacts.call).toBeGreaterThan(0);
    expect(noRemote.constrained).toBe(true);
    expect(noRemote.clients.every((c) => (c.plannedByChannel.call ?? 0) === 0)).toBe(true);
    expect(noRemote.notes.join(" ")).toContain("jours à distance non financés");
    const bad = await cadence(...base, "--mode", "random");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--mode must be proportional or priority");
  });

  test("--leave and --rtt take dated periods: their working days, each counted once", async () => {
    const file = path.join(dir, "dated.csv");
    writeFileSync(file, "Code client;CA N-1;CA N\nA;100;100\n");
    const r = await cadence(
      "plan",
      file,
      "--year",
      "2026",
      "--json",
      "--leave",
      "2026-08-03:2026-08-21",
      "--rtt",
      "2026-08-21:2026-08-24",
    );
    expect(r.err).toBe("");
    // 252 − 15 leave − 1 RTT (Aug 21 is leave already) − 20 non-field = 216 field days × 4.
    expect((JSON.parse(r.out) as PlanJson).capacity).toBe(864);
    const bad = await cadence("plan", file, "--leave", "2026-08-21:2026-08-03");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--leave: '2026-08-21:2026-08-03' ends before it starts");
  });

  test("bad input names the file, row and column, exits 2 and leaves no output file", async () => {
    const file = path.join(dir, "bad.csv");
    const rows = portfolio(5).map((r) => r.join(","));
    rows[2] = "C003,Client 3,69003,1000,n/a,5000";
    writeFileSync(file, [HEADER.join(","), ...rows].join("\n"));
    const out = path.join(dir, "bad-plan.xlsx");
    const r = await cadence("plan", file, "--capacity", "50", "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain("bad.csv");
    expect(r.err).toMatch(/row 4, column 'CA N'/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes("bad-plan"))).toEqual([]);
  });

  test("a missing file, a wrong extension and a bad option are clear errors with exit 2", async () => {
    expect((await cadence("plan", path.join(dir, "nope.xlsx"))).err).toMatch(
      /nope\.xlsx: cannot read the file/,
    );
    const txt = path.join(dir, "list.ods");
    writeFileSync(txt, "x");
    const wrong = await cadence("plan", txt);
    expect([wrong.code, wrong.err]).toEqual([2, expect.stringMatching(/unsupported file type '\.ods'/)]);
    const bad = await cadence("plan", txt, "--capacity", "lots");
    expect([bad.code, bad.err]).toEqual([2, expect.stringMatching(/--capacity must be a number/)]);
  });
});

test("row numbers in messages are the file's own, blank lines included", async () => {
  const file = path.join(dir, "blank-lines.csv");
  writeFileSync(
    file,
    [HEADER.join(","), "C001,A,69001,100,200,300", "", "C002,B,69002,100,n/a,300", ""].join("\n"),
  );
  const r = await cadence("plan", file, "--capacity", "10");
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/row 4, column 'CA N'/);
});
