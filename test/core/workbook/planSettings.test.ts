/** The plan's settings as the workbook's named cells hold them, and the tracking frame they give. */
import * as calendar from "../../../src/core/calendar";
import * as capacity from "../../../src/core/capacity";
import * as tracking from "../../../src/core/tracking";
import { capacityInputOf, planSettingsOf, settingCells } from "../../../src/core/workbook/planSettings";
import type { PlanSettings } from "../../../src/core/workbook/planSettings";
import * as schema from "../../../src/core/workbook/schema";

const SETTINGS: PlanSettings = {
  periodStart: "2026-01-01",
  periodEnd: "2026-12-31",
  country: "FR",
  region: "",
  leaveDays: 25,
  leavePeriods: [{ start: "2026-08-03", end: "2026-08-21" }],
  rttDays: 6,
  rttPeriods: [],
  nonFieldDays: 20,
  contactsPerDay: 4,
  prospectingShare: 0.2,
  remoteShare: 0.2,
  remotePerDay: 3,
};

const cellsOf = (s: PlanSettings): Map<string, string | number> =>
  new Map(settingCells(s).map((c) => [c.name, c.value]));

describe("plan settings in the workbook's named cells", () => {
  it("every plan setting has a named cell in the schema, with FR and EN labels", () => {
    for (const { name } of settingCells(SETTINGS)) {
      const spec = schema.SETTINGS.find((s) => s.name === name);
      expect(spec?.fr).toBeTruthy();
      expect(spec?.en).toBeTruthy();
    }
  });

  it("round-trips through the cells: remote share, dated leave as text, dates as serials", () => {
    const cells = cellsOf(SETTINGS);
    expect(cells.get("Cadence_LeavePeriods")).toBe("2026-08-03:2026-08-21");
    expect(cells.get("Cadence_RemoteShare")).toBe(0.2);
    expect(cells.get("Cadence_PeriodStart")).toBe(tracking.isoToExcelSerial("2026-01-01"));
    expect(planSettingsOf((n) => cells.get(n))).toEqual(SETTINGS);
  });

  it("an older workbook without the new names reads their defaults (no remote time, no dated leave)", () => {
    const cells = cellsOf(SETTINGS);
    const old = new Set([
      "Cadence_LeavePeriods",
      "Cadence_RttDays",
      "Cadence_RttPeriods",
      "Cadence_RemoteShare",
      "Cadence_RemotePerDay",
    ]);
    const read = planSettingsOf((n) => (old.has(n) ? undefined : cells.get(n)));
    expect(read).toMatchObject({
      leavePeriods: [],
      rttDays: 0,
      remoteShare: 0,
      remotePerDay: 3,
      leaveDays: 25,
    });
  });

  it("dated leave the rep made unreadable is refused naming the setting as the sheet shows it", () => {
    const cells = cellsOf(SETTINGS);
    const read = (lang: "fr" | "en"): unknown =>
      planSettingsOf(
        (n) => (n === "Cadence_LeavePeriods" ? "du 03/08/2026 au 31/02/2026" : cells.get(n)),
        lang,
      );
    expect(() => read("fr")).toThrow(capacity.InvalidDatedPeriodsError);
    expect(() => read("fr")).toThrow(/^Congés datés: /);
    expect(() => read("en")).toThrow(/^Dated leave: /);
  });

  it("capacity reads the dated leave when there is any, the count otherwise", () => {
    expect(capacityInputOf(SETTINGS).leaveDays).toEqual(SETTINGS.leavePeriods);
    expect(capacityInputOf({ ...SETTINGS, leavePeriods: [] }).leaveDays).toBe(25);
    expect(capacityInputOf(SETTINGS).remoteShare).toBe(0.2);
  });
});

describe("the tracking frame of a plan's settings", () => {
  it("skips dated leave in the elapsed share: August leave, September on track (domain.md)", () => {
    const plan: tracking.PlanRow[] = [
      { id: "A", segment: "retain", planned: { visit: 100 }, salesN: 1, salesN1: 1, potential: null },
    ];
    const months = ["01", "02", "03", "04", "05", "06", "07", "09"];
    const contacts = Array.from({ length: 59 }, (_, i) => ({
      date: `2026-${months[i % months.length] ?? "01"}-${String(1 + Math.floor(i / months.length)).padStart(2, "0")}`,
      clientId: "A",
      channel: "visit",
    }));
    const asOf = "2026-09-30";
    const run = (s: PlanSettings): tracking.TrackingResult => {
      const frame = tracking.trackingFrame(s, asOf);
      return tracking.trackClients({ plan, contacts, period: frame.period, asOf, calendar: frame.calendar });
    };
    const dated = run(SETTINGS);
    const counted = run({ ...SETTINGS, leavePeriods: [] });
    const elapsed = calendar.createWorkCalendar().workingDaysBetween("2026-01-01", asOf);
    expect(dated.elapsed.share).toBeCloseTo((elapsed - 15) / (252 - 15), 12);
    expect(counted.elapsed.share).toBeCloseTo(elapsed / 252, 12);
    expect(dated.clients[0]?.status).toBe("OnTrack");
    expect(counted.clients[0]?.status).toBe("Under");
  });

  it("day holds are the plan's field and remote days over the tracking calendar's days", () => {
    const frame = tracking.trackingFrame(SETTINGS, "2026-06-30");
    // 252 working days − 15 of dated leave − 6 RTT − 20 non-field = 211 available; 42 remote, 169 field.
    expect(frame.capacity.remote.days).toBe(42);
    expect(frame.capacity.fieldDays).toBe(169);
    expect(frame.holds).toEqual({
      visitsPerDay: 4,
      remotePerDay: 3,
      fieldShare: 169 / 237,
      remoteShare: 42 / 237,
    });
    expect(frame.calendar.workingDaysBetween("2026-01-01", "2026-12-31")).toBe(237);
  });

  it("without settings: the date's calendar year, France, the defaults (no remote time)", () => {
    const frame = tracking.trackingFrame(null, "2027-03-01");
    expect(frame.period).toEqual({ start: "2027-01-01", end: "2027-12-31" });
    expect(frame.holds.remoteShare).toBe(0);
    expect(frame.settings).toEqual(tracking.defaultPlanSettings("2027-03-01"));
  });
});
