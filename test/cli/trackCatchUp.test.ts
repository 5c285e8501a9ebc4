/**
 * cadence track, issue 18: the catch-up per channel against what a day holds (text and --json), the
 * remote share and dated leave read back from the plan's Settings — a file of `cadence plan` and a plan
 * workbook — with the core as the oracle.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import * as calendar from "../../src/core/calendar";
import * as tracking from "../../src/core/tracking";
import type { PlanSettings } from "../../src/core/workbook/planSettings";
import * as schema from "../../src/core/workbook/schema";
import { cadence } from "../support/cli";

const dir = mkdtempSync(path.join(os.tmpdir(), "cadence-catchup-"));
const PORTFOLIO = [
  "Code client;Raison sociale;CA N-1;CA N;Potentiel",
  "R;Rivière SARL;100000;110000;150000",
  "K;Kiosque SA;100000;50000;120000",
  "S;Sud Négoce;40000;42000;60000",
  "P;Prospect SAS;0;0;40000",
].join("\n");
const EXPORT = ["Date;Client;Type d'activité", "02/03/2026;R;Visite", "03/03/2026;R;Appel sortant"].join(
  "\n",
);
const AS_OF = "2026-09-30";

interface CatchUpJson {
  channel: string;
  remaining: number;
  perDay: number | null;
  holds: number;
  reachable: boolean;
  cannotMake: number;
}
interface TrackJson {
  elapsedShare: number;
  remainingDays: number;
  catchUp: CatchUpJson[];
}

const files = (): { portfolio: string; contacts: string } => {
  const portfolio = path.join(dir, "portfolio.csv");
  const contacts = path.join(dir, "export.csv");
  writeFileSync(portfolio, PORTFOLIO);
  writeFileSync(contacts, EXPORT);
  return { portfolio, contacts };
};

/** The core's catch-up for the remaining contacts the command reported, over the settings' frame. */
function oracle(settings: PlanSettings, json: TrackJson): tracking.CatchUpLine[] {
  const frame = tracking.trackingFrame(settings, AS_OF);
  const remaining = Object.fromEntries(json.catchUp.map((l) => [l.channel, l.remaining]));
  return tracking.catchUpByChannel(remaining, json.remainingDays, frame.holds);
}

const settings2026 = (over: Partial<PlanSettings>): PlanSettings => ({
  ...tracking.defaultPlanSettings("2026-01-01"),
  ...over,
});

const elapsed = calendar.createWorkCalendar({ country: "FR" }).workingDaysBetween("2026-01-01", AS_OF);

describe("cadence track: catch-up per channel and the plan's recorded settings", () => {
  test("a plan file records the remote share and dated leave; track skips the leave and gives remote channels their verdict", async () => {
    const { portfolio, contacts } = files();
    const plan = path.join(dir, "plan.xlsx");
    const planned = await cadence(
      "plan",
      portfolio,
      "--year",
      "2026",
      "--leave",
      "2026-08-03:2026-08-21",
      "--remote-share",
      "0.2",
      "--out",
      plan,
    );
    expect(planned.err).toBe("");
    // The file's Settings sheet holds them under the plan workbook's names (round trip through the file).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(plan);
    const rows = new Map<string, unknown>();
    wb.getWorksheet("Settings")?.eachRow((r) => rows.set(r.getCell(1).text, r.getCell(2).value));
    expect(rows.get("Cadence_LeavePeriods")).toBe("2026-08-03:2026-08-21");
    expect(rows.get("Cadence_RemoteShare")).toBe(0.2);

    const r = await cadence("track", plan, "--contacts", contacts, "--as-of", AS_OF, "--json");
    expect(r.err).toBe("");
    const json = JSON.parse(r.out) as TrackJson;
    // 15 working days of August leave are out of the calendar: e = (elapsed − 15) / (252 − 15).
    expect(json.elapsedShare).toBeCloseTo((elapsed - 15) / 237, 4);
    const recorded = settings2026({
      leavePeriods: [{ start: "2026-08-03", end: "2026-08-21" }],
      remoteShare: 0.2,
    });
    const expected = oracle(recorded, json);
    expect(json.catchUp.map((l) => l.channel)).toEqual(expected.map((l) => l.channel));
    json.catchUp.forEach((l, i) => {
      const e = expected[i];
      expect(l.holds).toBeCloseTo(e.holds, 4);
      expect(l.perDay).toBeCloseTo(e.perDay ?? NaN, 4);
      expect([l.reachable, l.cannotMake]).toEqual([e.reachable, e.cannotMake]);
    });
    const call = json.catchUp.find((l) => l.channel === "call");
    expect(call).toMatchObject({ reachable: true, cannotMake: 0 });
    expect(call?.holds).toBeGreaterThan(0);

    const text = await cadence("track", plan, "--contacts", contacts, "--as-of", AS_OF);
    expect(text.out).toContain(`catch-up per channel (${json.remainingDays} working days left):`);
    expect(text.out).toMatch(/Outbound call: \d+ left, \d+\.\d\d a day against \d+\.\d\d a day can hold\n/);
  });

  test("without remote time the calls cannot be made this year, said per channel (en and fr)", async () => {
    const { portfolio, contacts } = files();
    const plan = path.join(dir, "plan-field.xlsx");
    // A fixed visit capacity says nothing of remote time: the norms' calls stand in the plan, no remote day holds them.
    expect((await cadence("plan", portfolio, "--year", "2026", "--capacity", "100", "--out", plan)).err).toBe(
      "",
    );
    const r = await cadence("track", plan, "--contacts", contacts, "--as-of", AS_OF, "--json");
    const json = JSON.parse(r.out) as TrackJson;
    const call = json.catchUp.find((l) => l.channel === "call");
    expect(call).toMatchObject({ holds: 0, reachable: false });
    expect(call?.cannotMake).toBe(call?.remaining);
    expect(json.catchUp.find((l) => l.channel === "visit")).toMatchObject({ reachable: true });
    const en = await cadence("track", plan, "--contacts", contacts, "--as-of", AS_OF);
    expect(en.out).toContain(`Outbound call: ${call?.remaining} left, `);
    expect(en.out).toContain(`: ${call?.remaining} cannot be made this year`);
    const fr = await cadence("track", plan, "--contacts", contacts, "--as-of", AS_OF, "--lang", "fr");
    expect(fr.out).toContain(`rattrapage par canal (${json.remainingDays} jours ouvrés restants) :`);
    expect(fr.out).toContain(`: ${call?.remaining} ne pourront pas être faits cette année`);
  });

  test("a plan workbook's named settings (as the pane writes them) are read: remote share, dated leave; a bad one is exit 2 naming it", async () => {
    const file = path.join(dir, "workbook.xlsx");
    expect((await cadence("template", "--lang", "fr", "--year", "2026", "--out", file)).code).toBe(0);
    const col = (id: string): number => schema.table("Clients").columns.findIndex((c) => c.id === id) + 1;
    const edit = async (change: (wb: ExcelJS.Workbook) => void): Promise<void> => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      change(wb);
      await wb.xlsx.writeFile(file);
    };
    const setNamed = (wb: ExcelJS.Workbook, name: string, value: string | number): void => {
      const [sheet = "", cell = ""] = (wb.definedNames.getRanges(name).ranges[0] ?? "").split("!");
      wb.getWorksheet(sheet.replace(/^'|'$/g, ""))!.getCell(cell.replace(/\$/g, "")).value = value;
    };
    await edit((wb) => {
      const ws = wb.getWorksheet("Clients")!;
      ws.getCell(2, col("id")).value = "C1";
      ws.getCell(2, col("name")).value = "Alpha";
      ws.getCell(2, col("salesN")).value = 1000;
      ws.getCell(2, col("segment")).value = "Fidéliser";
      ws.getCell(2, col("planned.visit")).value = 100;
      ws.getCell(2, col("planned.call")).value = 40;
      setNamed(wb, "Cadence_RemoteShare", 0.2);
      setNamed(wb, "Cadence_LeavePeriods", "du 03/08/2026 au 21/08/2026");
    });
    const contacts = path.join(dir, "c1.csv");
    writeFileSync(contacts, ["Date;Code client;Canal", "02/03/2026;C1;visit"].join("\n"));
    const r = await cadence("track", file, "--contacts", contacts, "--as-of", AS_OF, "--json");
    expect(r.err).toBe("");
    const json = JSON.parse(r.out) as TrackJson;
    expect(json.elapsedShare).toBeCloseTo((elapsed - 15) / 237, 4);
    const recorded = settings2026({
      leavePeriods: [{ start: "2026-08-03", end: "2026-08-21" }],
      remoteShare: 0.2,
    });
    const call = json.catchUp.find((l) => l.channel === "call");
    const expected = oracle(recorded, json).find((l) => l.channel === "call");
    expect(call?.holds).toBeCloseTo(expected?.holds ?? NaN, 4);
    expect(call?.holds).toBeGreaterThan(0);

    await edit((wb) => {
      setNamed(wb, "Cadence_LeavePeriods", "du 03/08/2026 au 31/02/2026");
    });
    const bad = await cadence("track", file, "--contacts", contacts, "--as-of", AS_OF);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("Congés datés: 'du 03/08/2026 au 31/02/2026' is not a real date");
  });
});
