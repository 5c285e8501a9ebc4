/**
 * One workbook, three faces, one oracle (issue 17): the Excel refresh (the gateway on the workbench),
 * the pane's Track figures (its read through the gateway, then the calendar engine) and `cadence
 * track --json` on the same workbook saved as a file each report exactly what the core's
 * trackWorkbook computes from the workbook's cells.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as tracking from "../../../src/core/tracking";
import type { CellValue, Grid } from "../../../src/core/types";
import { planSettingsOf, SETTING_NAMES } from "../../../src/core/workbook/planSettings";
import * as schema from "../../../src/core/workbook/schema";
import { computeFigures } from "../../../src/taskpane/engine/calendarEngine";
import { readTrackingTables } from "../../../src/taskpane/track/trackModel";
import { parseAddress } from "../../../src/excel/a1";
import type { Workbench } from "../../../src/workbench";
import { AS_OF, MONTH_EXPORT, trackingWorkbook } from "../../excel/trackingWorkbook";
import { cadence } from "../../support/cli";
import { nameValue, saveWorkbench } from "../../support/workbenchFile";

const dir = mkdtempSync(path.join(os.tmpdir(), "cadence-faces-"));
const round = (x: number | null, digits = 4): number | null =>
  x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits;

/** A table's cells straight from the sheet (header first), found by its place: the oracle's own read. */
function tableCells(wb: Workbench, name: schema.TableId): Grid {
  const t = wb.snapshot().tables.find((x) => x.name === name);
  if (t === undefined) throw new Error(`no table ${name}`);
  const rect = parseAddress(t.address);
  return wb
    .sheet(t.sheet)
    .values.slice(rect.r0, rect.r1 + 1)
    .map((row): CellValue[] => row.slice(rect.c0, rect.c1 + 1));
}

/** The core on the workbook's cells, columns found by their headers: the figures every face must give. */
function oracle(wb: Workbench): tracking.WorkbookTracking {
  return tracking.trackWorkbook({
    clients: { grid: tableCells(wb, "Clients") },
    contacts: { grid: tableCells(wb, "Contacts") },
    channels: { grid: tableCells(wb, "Channels") },
    settings: planSettingsOf((name) => nameValue(wb, name)),
    asOf: AS_OF,
  });
}

const col = (id: string): number => schema.table("Clients").columns.findIndex((c) => c.id === id);

describe("the same workbook through the three faces", () => {
  it("refresh's cells, the pane's figures and cadence track --json are the core's figures", async () => {
    const { wb, gateway } = await trackingWorkbook();
    // The month's update as the pane runs it: import, refresh.
    await gateway.importContacts({ csv: MONTH_EXPORT, sourceName: "crm.csv" });
    const refreshed = await gateway.refresh(AS_OF);
    const core = oracle(wb);
    expect(nameValue(wb, SETTING_NAMES.periodStart)).toBeDefined();

    // What makes this workbook a test: each face used to read it differently.
    const byId = new Map(core.result.clients.map((c) => [c.id, c]));
    expect(byId.get("C00002")?.planned.visit).toBe(9); // typed as text
    expect(core.channels.map((c) => c.weight)).toEqual([1, 0.4, 0.5, 0.1]); // the Channels table
    expect(byId.get("C00005")?.actual.visit).toBe(1); // the same contact twice in the log
    expect(byId.get("C00004")?.actual.visit).toBe(2); // named, not coded
    expect(byId.get("Zeta SAS")?.status).toBe("NoPlan"); // a new name
    expect(core.contacts.excluded.map((e) => e.value)).toEqual([]); // the import left the inbound call out
    expect(core.kpis.saturatedTopAccounts).toContain("C00001");
    expect(core.kpis.neglectedAtRisk).toContain("C00003");

    // 1. The Excel refresh: the Clients table's tracking columns, its counts and the dashboard's sources.
    const rows = wb.sheet("Clients").values.slice(1, 13);
    const plan = core.result.clients.slice(0, 12);
    expect(rows.map((r) => r[col("id")])).toEqual(plan.map((c) => c.id));
    rows.forEach((r, i) => {
      const c = plan[i];
      for (const ch of core.channels)
        expect([c.id, ch.id, r[col(`actual.${ch.id}`)]]).toEqual([c.id, ch.id, c.actual[ch.id]]);
      expect([c.id, r[col("pace")]]).toEqual([c.id, c.pace === null ? "" : round(c.pace, 3)]);
      expect([c.id, r[col("status")]]).toEqual([
        c.id,
        c.status === "NoPlan" ? "" : schema.statusText(c.status, "fr"),
      ]);
      expect([c.id, r[col("lastContact")]]).toEqual([
        c.id,
        c.lastContact === null ? "" : tracking.isoToExcelSerial(c.lastContact),
      ]);
    });
    expect(refreshed).toEqual({
      asOf: AS_OF,
      clients: 12,
      contacts: core.contacts.contacts.length,
      under: core.kpis.counts.Under,
      onTrack: core.kpis.counts.OnTrack,
      over: core.kpis.counts.Over,
    });
    const dashboard = wb.sheet("Tableau de bord").values;
    expect(dashboard.slice(1, 6).map((r) => r.slice(1, 3))).toEqual(
      tracking.plannedActualBySegment(core.result.clients),
    );
    expect(dashboard.slice(1, 12).map((r) => r.slice(4, 6))).toEqual(
      tracking.effortCurve(core.result.clients),
    );

    // 2. The pane: what the Track tab reads through the gateway, computed by the calendar engine.
    const pane = computeFigures(await readTrackingTables(gateway), AS_OF);
    expect(pane.result.clients).toEqual(core.result.clients);
    expect(pane.result.elapsed).toEqual(core.result.elapsed);
    expect(pane.kpis).toEqual(core.kpis);
    expect(pane.catchUp).toBe(core.catchUp);
    expect(pane.catchUpLines).toEqual(core.catchUpLines);
    expect(pane.frame.period).toEqual(core.frame.period);
    expect(pane.frame.holds).toEqual(core.frame.holds);
    expect(pane.contacts).toEqual(core.contacts);
    expect(pane.names).toEqual(core.clients.names);

    // 3. The CLI, on the workbook saved as a file.
    const file = path.join(dir, "plan.xlsx");
    await saveWorkbench(wb, file);
    const r = await cadence("track", file, "--as-of", AS_OF, "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const k = core.kpis;
    expect(JSON.parse(r.out)).toEqual({
      asOf: AS_OF,
      attainment: round(k.attainment),
      attainmentToDate: round(k.attainmentToDate),
      pace: round(k.pace),
      reach: round(k.reach),
      frequency: round(k.frequency),
      coverage: round(k.coverage),
      concentration: round(k.concentration.topRatio),
      gini: round(k.concentration.gini),
      saturatedTop: k.saturatedTopAccounts,
      neglectedAtRisk: k.neglectedAtRisk,
      overdue: k.overdue,
      unmatchedContacts: core.contacts.unmatched.length,
      duplicateContacts: core.contacts.duplicates.length,
      excludedContacts: core.contacts.excluded.map((e) => ({ row: e.row, value: e.value })),
      newNames: core.contacts.newNames.map((n) => ({ name: n.name, contacts: n.rows.length })),
      elapsedShare: round(k.elapsedShare),
      remainingDays: core.result.elapsed.remainingDays,
      catchUp: core.catchUpLines.map((l) => ({
        channel: l.channel,
        remaining: l.remaining,
        perDay: round(l.perDay),
        holds: round(l.holds),
        reachable: l.reachable,
        cannotMake: l.cannotMake,
      })),
      clients: core.result.clients.map((c) => ({
        id: c.id,
        actual: c.contacts,
        actualByChannel: c.actual,
        pace: round(c.pace),
        status: c.status,
      })),
    });
  });
});
