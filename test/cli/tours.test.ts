import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import * as calendar from "../../src/core/calendar";
import * as tours from "../../src/core/tours";
import { franceIndex } from "../../src/core/tours/franceIndex";
import { cadence } from "../support/cli";

const dir = mkdtempSync(path.join(os.tmpdir(), "cadence-tours-"));
const ROOT = path.join(__dirname, "..", "..");

// Twelve clients around Nantes and Angers, one with CRM coordinates, one with an unknown postal code.
const PORTFOLIO = [
  "Code client;Raison sociale;Code postal;Ville;CA N-1;CA N;Potentiel;Latitude;Longitude",
  "A01;Alpha;44000;Nantes;90000;95000;150000;;",
  "A02;Bravo;44100;Nantes;70000;72000;120000;;",
  "A03;Charlie;49000;Angers;60000;20000;90000;;",
  "A04;Delta;49100;Angers;50000;52000;80000;;",
  "A05;Echo;44300;Nantes;40000;41000;70000;47.2500;-1.5200",
  "A06;Foxtrot;44400;Rezé;30000;31000;60000;;",
  "A07;Golf;49300;Cholet;20000;8000;50000;;",
  "A08;Hotel;85000;La Roche-sur-Yon;15000;15500;40000;;",
  "A09;India;44600;Saint-Nazaire;12000;12500;30000;;",
  "A10;Juliet;99999;Nowhere;10000;10500;25000;;",
  "P01;Kilo;53000;Laval;0;0;40000;;",
  "P02;Lima;72000;Le Mans;0;0;35000;;",
].join("\n");

const CONTACTS = [
  "Date;Code client;Type de contact;Objet",
  "2026-03-02;A01;Visite;revue",
  "2026-10-05;A01;Visite;revue",
  "2026-06-10;A02;Visite;point",
  "2026-01-15;A03;Visite;point",
  "2026-12-01;A04;Appel;point",
  "2026-11-20;A05;Visite;point",
  "2026-02-11;A06;Visite;point",
  "2026-05-05;A08;Visite;point",
].join("\n");

let plan = "";
let contacts = "";

beforeAll(async () => {
  const input = path.join(dir, "clients.csv");
  writeFileSync(input, PORTFOLIO);
  plan = path.join(dir, "plan.xlsx");
  const r = await cadence("plan", input, "--year", "2026", "--per-day", "4", "--out", plan);
  expect(r.err).toBe("");
  contacts = path.join(dir, "export.csv");
  writeFileSync(contacts, CONTACTS);
});

interface ToursJson {
  days: { date: string; stops: { id: string; lat: number; lon: number; reason: string }[]; km: number }[];
  unscheduled: { id: string; reason: string }[];
  notGeocoded: { id: string; row: number; postalCode: string }[];
}

describe("cadence tours", () => {
  // A child process through npx and tsx: slow on a loaded machine, hence its own timeout.
  test("run the README way (npx cadence tours … --json): the JSON contract, km = the great-circle round trip", async () => {
    const { stdout } = await promisify(execFile)(
      "npx",
      [
        "cadence",
        "tours",
        plan,
        "--contacts",
        contacts,
        "--from",
        "2027-01-04",
        "--weeks",
        "2",
        "--base",
        "44000",
        "--per-day",
        "3",
        "--json",
      ],
      { cwd: ROOT, timeout: 240_000 },
    );
    const json = JSON.parse(stdout) as ToursJson;
    expect(Object.keys(json)).toEqual(["days", "unscheduled", "notGeocoded"]);
    expect(json.notGeocoded).toEqual([{ id: "A10", row: 11, postalCode: "99999" }]);
    const base = tours.placeBase(franceIndex(), "44000") as tours.LatLon;
    const cal = calendar.createWorkCalendar({ country: "FR" });
    const working = calendar.eachDay("2027-01-04", "2027-01-17").filter((d) => cal.isWorkingDay(d));
    expect(json.days.map((d) => d.date)).toEqual(working);
    const seen = new Set<string>();
    for (const day of json.days) {
      expect(Object.keys(day)).toEqual(["date", "stops", "km"]);
      expect(day.stops.length).toBeLessThanOrEqual(3);
      let prev = base;
      let km = 0;
      for (const stop of day.stops) {
        expect(Object.keys(stop)).toEqual(["id", "lat", "lon", "reason"]);
        expect(stop.reason).not.toBe("");
        km += tours.haversineKm(prev, stop);
        prev = stop;
        seen.add(stop.id);
      }
      if (day.stops.length > 0) km += tours.haversineKm(prev, base);
      expect(day.km).toBeCloseTo(km, 6);
    }
    // The CRM's coordinates are used where the file has them.
    const echo = json.days.flatMap((d) => d.stops).find((s) => s.id === "A05");
    if (echo !== undefined) expect([echo.lat, echo.lon]).toEqual([47.25, -1.52]);
    // Never contacted (A07, A09, the prospects) are due at once: overdue, so visited in the two weeks.
    for (const id of ["A07", "A09"]) expect(seen.has(id)).toBe(true);
    expect(json.days.flatMap((d) => d.stops).find((s) => s.id === "A07")?.reason).toBe(
      "never contacted: due at once",
    );
  }, 300_000);

  test("places fixed appointments first and writes the Tours sheet with its day totals (--out)", async () => {
    const rdv = path.join(dir, "rdv.csv");
    writeFileSync(rdv, "Date;Client\n2027-01-06;Hotel\n");
    const out = path.join(dir, "tours.xlsx");
    const r = await cadence(
      "tours",
      plan,
      "--contacts",
      contacts,
      "--from",
      "2027-01-04",
      "--weeks",
      "1",
      "--base",
      "44000",
      "--appointments",
      rdv,
      "--json",
      "--out",
      out,
      "--lang",
      "fr",
    );
    expect(r.err).toBe("");
    const json = JSON.parse(r.out) as ToursJson;
    const wednesday = json.days.find((d) => d.date === "2027-01-06");
    expect(wednesday?.stops.find((s) => s.id === "A08")?.reason).toBe("rendez-vous");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet("Tournées");
    expect(sheet).toBeDefined();
    const rows = (sheet?.getSheetValues() ?? [])
      .slice(1)
      .map((row) => (Array.isArray(row) ? row.slice(1) : []));
    expect(rows[0]).toEqual([...tours.TOUR_SHEET_HEADERS.fr]);
    for (const day of json.days.filter((d) => d.stops.length > 0)) {
      const dayRows = rows.filter((row) => row[0] === day.date);
      expect(dayRows).toHaveLength(day.stops.length + 1);
      const total = dayRows.at(-1) ?? [];
      expect(total[8]).toBeCloseTo(day.km, 1);
      expect(total[9]).toBeCloseTo(day.km * 1.3, 1);
    }
  });

  test.each([
    [["--from", "2027-13-01"], /--from must be a date/],
    [["--base", "99999"], /--base: '99999' is not a known French postal code/],
    [["--weeks", "0"], /--weeks must be 1 to 104/],
    [["--per-day", "2.5"], /--per-day must be a whole number/],
  ])("bad input %j: exit 2, a message naming it, no output file", async (bad, message) => {
    const out = path.join(dir, `bad-${bad[0]}.xlsx`);
    const args = { "--from": "2027-01-04", "--weeks": "2", "--base": "44000", "--per-day": "4" } as Record<
      string,
      string
    >;
    args[bad[0]] = bad[1];
    const r = await cadence(
      "tours",
      plan,
      "--contacts",
      contacts,
      ...Object.entries(args).flat(),
      "--out",
      out,
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  test("the plan's recorded dated leave (cadence plan --leave) and --leave in French dates are days without tours", async () => {
    const input = path.join(dir, "clients-leave.csv");
    writeFileSync(input, PORTFOLIO);
    const leavePlan = path.join(dir, "plan-leave.xlsx");
    const planned = await cadence(
      ...["plan", input, "--year", "2026", "--per-day", "4", "--leave", "2026-11-09:2026-11-13"],
      ...["--out", leavePlan],
    );
    expect(planned.err).toBe("");
    const r = await cadence(
      ...["tours", leavePlan, "--contacts", contacts, "--from", "2026-11-02", "--weeks", "3"],
      ...["--base", "44000", "--leave", "du 16/11/2026 au 17/11/2026", "--json"],
    );
    expect(r.err).toBe("");
    const dates = (JSON.parse(r.out) as ToursJson).days.map((d) => d.date);
    // Nov 11 is a holiday; Nov 9–13 the plan's leave; Nov 16–17 the --leave.
    expect(dates).toEqual([
      "2026-11-02",
      "2026-11-03",
      "2026-11-04",
      "2026-11-05",
      "2026-11-06",
      "2026-11-18",
      "2026-11-19",
      "2026-11-20",
    ]);
  });

  test("a bad appointment row: exit 2 naming its row and column", async () => {
    const rdv = path.join(dir, "rdv-bad.csv");
    writeFileSync(rdv, "Date;Client\n2027-01-06;Hotel\nsoon;Alpha\n2027-01-07;Zulu\n");
    const r = await cadence(
      "tours",
      plan,
      "--contacts",
      contacts,
      "--from",
      "2027-01-04",
      "--weeks",
      "1",
      "--base",
      "44000",
      "--appointments",
      rdv,
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/row 3, column 'Date'/);
    expect(r.err).toMatch(/row 4, column 'Client'.*Zulu/);
  });
});
