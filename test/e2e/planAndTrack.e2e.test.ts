/**
 * End to end in headless Chromium on the workbench (issue 5 §4), through the task pane alone: a rep
 * reads the demo portfolio, makes a plan workbook of it, builds the plan through every wizard step,
 * writes it (with its settings), undoes and rewrites it, imports a month of contacts, sees the KPIs
 * and symptoms, and turns a symptom into an action plan; then, on a fresh page, plans into the rep's
 * own selected range as the demo opens. Every step asserts on the workbook's cells
 * (window.__cadenceWorkbench), and leaves a screenshot in test-results/e2e/.
 */
import type { Browser, FrameLocator, Page } from "playwright-core";
import { createWorkCalendar, dayNumberToIso, isoToDayNumber } from "../../src/core/calendar";
import { TOUR_SHEET_HEADERS } from "../../src/core/tours";
import { demoPeriod } from "../../src/workbench/demo/period";
import { ensureBuild } from "../support/build";
import { browserAvailable, launchBrowser } from "../support/chromium";
import { serveDist } from "../support/staticServer";
import type { StaticServer } from "../support/staticServer";
import {
  CLIPBOARD,
  exportMonthCsv,
  openWorkbench,
  pasteInto,
  serialOf,
  serialToIso,
  sheetOf,
  shot,
  tableOf,
  tableRows,
  workbookCells,
} from "./workbenchPage";
import type { WorkbookCells } from "./workbenchPage";

const run = browserAvailable(__filename);
const describeBrowser = run ? describe : describe.skip;

const TODAY = new Date("2026-11-28T10:00:00");
/** The demo is dated by the same day: its CRM export runs to the Friday before (2025-12-01 … 2026-11-27). */
const DEMO_DATE = "2026-11-28";
const DEMO = demoPeriod(DEMO_DATE);
const daysBefore = (iso: string, days: number): string => dayNumberToIso(isoToDayNumber(iso) - days);
const REP_COLUMNS = 7; // Code client … Potentiel: the rep's own columns.
const PORTFOLIO = "Portefeuille"; // the demo rep's own sheet
const PLANNED = [
  "Planned Field visit",
  "Planned Video call",
  "Planned Outbound call",
  "Planned E-mail / social",
];

describeBrowser("a rep plans and tracks on the workbench (headless Chromium)", () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let pane: FrameLocator;
  const errors: string[] = [];

  beforeAll(async () => {
    ensureBuild();
    server = await serveDist();
    browser = await launchBrowser();
    page = await browser.newPage({
      viewport: { width: 1500, height: 950 },
      locale: "en-US",
      permissions: CLIPBOARD,
    });
    page.on("pageerror", (error) => errors.push(error.message));
    // The pane's "today" and the demo's reference date are pinned so the test means the same later.
    await page.clock.setFixedTime(TODAY);
    pane = await openWorkbench(page, server.url, DEMO_DATE);
  }, 300_000);

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  const next = async (): Promise<void> => {
    const button = pane
      .getByRole("navigation", { name: "Wizard steps" })
      .getByRole("button", { name: "Next" });
    await button.and(pane.locator(":enabled")).waitFor({ timeout: 30_000 });
    await button.click();
  };
  const heading = (n: number, title: string) => pane.getByText(`Step ${n} of 6: ${title}`);

  let beforeWrite: WorkbookCells;
  /** Column B of the Settings sheet: the named settings, in the schema's order (period … prospecting). */
  const settingsValues = (cells: WorkbookCells): unknown[] =>
    sheetOf(cells, "Settings")
      .values.slice(1, 9)
      .map((row) => row[1]);

  it("makes a plan workbook of the demo portfolio and builds the plan through every wizard step", async () => {
    const opened = await workbookCells(page);
    const portfolio = sheetOf(opened, PORTFOLIO).values;
    await shot(page, "00-open");

    // Source: the portfolio the rep has selected, then a plan workbook made of it (pane actions only).
    await heading(1, "Source").waitFor();
    await pane.getByRole("button", { name: "Use the current table or selection" }).click();
    await pane.getByText(`Read ${PORTFOLIO}!A1:G301: 300 clients.`).waitFor({ timeout: 30_000 });
    await pane.getByRole("button", { name: "Create a plan workbook from this portfolio" }).click();
    await pane.getByText(/^Read Clients!A1:[A-Z]+301: 300 clients\.$/).waitFor({ timeout: 60_000 });
    await expect(pane.getByRole("combobox", { name: "Column for Client id" }).inputValue()).resolves.toBe(
      "0",
    );
    const created = await workbookCells(page);
    for (const name of ["Clients", "Contacts", "Actions"]) expect(tableOf(created, name).name).toBe(name);
    expect(tableRows(tableOf(created, "Clients"))).toBe(301);
    // Every client copied, cell for cell, under Cadence's headers; the rep's own sheet left as it was.
    const copied = sheetOf(created, "Clients").values;
    expect(copied[0]?.slice(0, REP_COLUMNS)).toEqual([
      "Client id",
      "Name",
      "Postal code",
      "City",
      "Sales N-1",
      "Sales N",
      "Potential",
    ]);
    expect(copied.slice(1).map((row) => row.slice(0, REP_COLUMNS))).toEqual(portfolio.slice(1));
    expect(sheetOf(created, PORTFOLIO).values).toEqual(portfolio);
    await shot(page, "01-source");
    await next();

    await heading(2, "Segmentation").waitFor();
    await pane.getByRole("table", { name: "Segments preview" }).waitFor();
    await shot(page, "02-segmentation");
    await next();

    await heading(3, "Norms and channels").waitFor();
    await pane.getByText("Total asked by the norms").waitFor();
    await shot(page, "03-norms");
    await next();

    await heading(4, "Capacity").waitFor();
    await pane
      .getByText(/Your norms ask for [\d,]+ visits; you can make [\d,]+\./)
      .waitFor({ timeout: 60_000 });
    // The rep's own leave (the default is 25 days): the Write step records it in Settings.
    // On 28 November the wizard proposes next year (year-end planning); the demo's contacts are this year's.
    const year = pane.getByRole("spinbutton", { name: "Year" });
    await expect(year.inputValue()).resolves.toBe("2027");
    await year.fill("2026");
    const leave = pane.getByRole("spinbutton", { name: "Leave (working days)" });
    await leave.fill("27");
    await pane.getByText(/^− Leave: 27 days$/).waitFor({ timeout: 30_000 });
    await shot(page, "04-capacity");
    await next();

    await heading(5, "Allocation").waitFor();
    await pane.getByRole("table", { name: "Distribution per segment" }).waitFor({ timeout: 30_000 });
    await shot(page, "05-allocation");
    await next();

    await heading(6, "Write").waitFor();
    beforeWrite = await workbookCells(page);
    await pane.getByRole("button", { name: "Write the plan to the sheet" }).click();
    await pane.getByText("300 rows written.").waitFor({ timeout: 60_000 });
    await pane
      .getByText("The plan's period, country and capacity are recorded in the Settings sheet.")
      .waitFor();
    await shot(page, "06-written");

    const after = await workbookCells(page);
    const clients = sheetOf(after, "Clients").values;
    const header = (clients[0] ?? []).map(String);
    const segmentCol = header.indexOf("Segment");
    const plannedCols = PLANNED.map((h) => header.indexOf(h));
    expect(segmentCol).toBeGreaterThanOrEqual(REP_COLUMNS);
    expect(plannedCols.every((c) => c >= REP_COLUMNS)).toBe(true);
    expect(tableOf(after, "Clients").columns).toEqual(expect.arrayContaining(["Segment", ...PLANNED]));
    const body = clients.slice(1, 301);
    expect(body).toHaveLength(300);
    const normCol = header.indexOf("Norm (visit eq.)");
    expect(normCol).toBeGreaterThanOrEqual(REP_COLUMNS);
    for (const row of body) {
      expect(["Retain", "Develop", "At risk", "Maintain", "Prospect"]).toContain(row[segmentCol]);
      expect(typeof row[normCol]).toBe("number");
      for (const c of plannedCols) {
        const value = row[c];
        expect(Number.isInteger(value) && (value as number) >= 0).toBe(true);
      }
    }
    const plannedVisits = body.reduce((s, row) => s + Number(row[plannedCols[0] ?? 0]), 0);
    expect(plannedVisits).toBeGreaterThan(0);
    // The rep's own columns are unchanged.
    const before = sheetOf(beforeWrite, "Clients").values;
    expect(clients.map((row) => row.slice(0, REP_COLUMNS))).toEqual(
      before.map((row) => row.slice(0, REP_COLUMNS)),
    );
    // The plan's settings, where refresh and the Track tab read them.
    // The plan workbook was made with the year proposed then (2027); Write records the rep's 2026.
    expect(settingsValues(beforeWrite)).toEqual([
      serialOf("2027-01-01"),
      serialOf("2027-12-31"),
      "FR",
      "",
      25,
      20,
      4,
      0.2,
    ]);
    expect(settingsValues(after)).toEqual([
      serialOf("2026-01-01"),
      serialOf("2026-12-31"),
      "FR",
      "",
      27,
      20,
      4,
      0.2,
    ]);
  }, 300_000);

  it("undoes the write: every cell is exactly as before, then writes the plan again", async () => {
    await pane.getByRole("button", { name: "Undo the last write" }).click();
    await pane.getByText("The last write was undone.").waitFor({ timeout: 60_000 });
    const undone = await workbookCells(page);
    expect(sheetOf(undone, "Clients").values).toEqual(sheetOf(beforeWrite, "Clients").values);
    expect(sheetOf(undone, "Settings").values).toEqual(sheetOf(beforeWrite, "Settings").values);
    expect(undone.tables).toEqual(beforeWrite.tables);
    await shot(page, "07-undone");

    await pane.getByRole("button", { name: "Write the plan to the sheet" }).click();
    await pane.getByText("300 rows written.").waitFor({ timeout: 60_000 });
  }, 120_000);

  /** Waits for the import result and returns the contacts added and the duplicates skipped. */
  const importResult = async (): Promise<{ added: number; duplicates: number }> => {
    const line = pane.getByText(/^[\d,]+ contacts added, [\d,]+ duplicates skipped\.$/);
    await line.waitFor({ timeout: 90_000 });
    const [added = "", duplicates = ""] =
      /^([\d,]+) contacts added, ([\d,]+)/.exec(await line.innerText())?.slice(1) ?? [];
    return { added: Number(added.replaceAll(",", "")), duplicates: Number(duplicates.replaceAll(",", "")) };
  };

  it("imports a month of contacts in at most 3 actions: KPIs, both symptoms and overdue clients appear", async () => {
    const cells = await workbookCells(page);
    const exportSheet = sheetOf(cells, "Contacts export");
    // The demo's last 30 days are this month's update; the weeks before it, the earlier updates.
    expect(DEMO).toMatchObject({ start: "2025-12-01", end: "2026-11-27" });
    const earlier = exportMonthCsv(exportSheet, DEMO.start, daysBefore(DEMO.end, 31));
    const month = exportMonthCsv(exportSheet, daysBefore(DEMO.end, 30), DEMO.end);
    expect(month.rows).toBeGreaterThan(50);

    // The months before, brought in by the earlier monthly updates (same pane, not counted).
    await pane.getByRole("tab", { name: "Track" }).click();
    await pasteInto(page, pane.getByRole("textbox", { name: /CRM export/ }), earlier.csv);
    await pane.getByRole("button", { name: "Import and refresh" }).click();
    const first = await importResult();
    expect(first.added + first.duplicates).toBe(earlier.rows);
    expect(first.added).toBeGreaterThan(earlier.rows * 0.9);
    const contactsBefore = tableRows(tableOf(await workbookCells(page), "Contacts"));
    expect(contactsBefore).toBe(first.added + 1);
    await pane.getByRole("tab", { name: "Plan" }).click();

    // This month's update, counted from the pane as it opens: open Track, paste, Import and refresh.
    let actions = 0;
    await pane.getByRole("tab", { name: "Track" }).click();
    actions++;
    await pasteInto(page, pane.getByRole("textbox", { name: /CRM export/ }), month.csv);
    actions++;
    await pane.getByRole("button", { name: "Import and refresh" }).click();
    actions++;
    const update = await importResult();
    expect(update.added + update.duplicates).toBe(month.rows);
    await pane.getByRole("region", { name: "Where you stand on Nov 28, 2026" }).waitFor({ timeout: 90_000 });
    await pane.getByText("Plan period Jan 1, 2026 – Dec 31, 2026, public holidays of FR").waitFor();
    for (const kpi of ["Plan attainment", "Reach", "Coverage", "Pace", "Catch-up per working day"])
      await pane.getByRole("group", { name: kpi }).waitFor();
    expect(actions).toBeLessThanOrEqual(3);
    // The two symptoms by name, each with its clients, and the overdue clients.
    for (const symptom of ["Saturated top accounts", "Neglected at-risk clients", "Overdue clients"]) {
      const region = pane.getByRole("region", { name: symptom });
      await region.waitFor();
      await expect(
        region.getByRole("button", { name: /^Create an action plan for / }).count(),
      ).resolves.toBeGreaterThan(0);
    }
    await shot(page, "08-tracked");

    const after = await workbookCells(page);
    expect(tableRows(tableOf(after, "Contacts"))).toBe(contactsBefore + update.added);
    expect(sheetOf(after, "Contacts").values.length - 1).toBe(first.added + update.added);
    // The refresh wrote every client's status and last contact into the Clients table.
    const clients = sheetOf(after, "Clients").values;
    const header = (clients[0] ?? []).map(String);
    const status = header.indexOf("Status");
    const last = header.indexOf("Last contact");
    expect(status).toBeGreaterThan(REP_COLUMNS);
    const statuses = clients.slice(1).map((row) => row[status]);
    expect(statuses.filter((s) => s === "Under").length).toBeGreaterThan(0);
    expect(statuses.every((s) => ["Under", "On track", "Over", ""].includes(String(s)))).toBe(true);
    expect(clients.slice(1).filter((row) => typeof row[last] === "number").length).toBeGreaterThan(200);
  }, 240_000);

  it("turns a symptom into an action plan in one click, stored in the Actions table", async () => {
    const create = pane
      .getByRole("region", { name: "Neglected at-risk clients" })
      .getByRole("button", { name: /^Create an action plan for / })
      .first();
    const label = (await create.getAttribute("aria-label")) ?? "";
    const clientId = /for (\S+) \(/.exec(label)?.[1] ?? "";
    expect(clientId).not.toBe("");
    await create.click();
    await pane
      .getByRole("button", { name: label })
      .and(pane.locator(":disabled"))
      .waitFor({ timeout: 30_000 });
    const cells = await workbookCells(page);
    const actions = sheetOf(cells, "Actions").values;
    const at = actions.findIndex((row) => row[0] === clientId);
    expect(at).toBeGreaterThan(0);
    // Inside the Actions table, not just below it; the action says what to do.
    expect(at + 1).toBeLessThanOrEqual(tableRows(tableOf(cells, "Actions")));
    expect(String(actions[at]?.[1])).toMatch(/at-risk/);
    await pane.getByRole("tab", { name: "Actions" }).click();
    await pane
      .getByRole("table", { name: "Action plans" })
      .getByText(clientId)
      .first()
      .waitFor({ timeout: 30_000 });
    await shot(page, "09-action");
    expect(errors).toEqual([]);
  }, 120_000);

  it("plans four weeks of tours from the Tours tab into the Tours sheet, drawn day by day, with Undo", async () => {
    await pane.getByRole("tab", { name: "Tours" }).click();
    await pane.getByLabel("First day").fill("2026-11-30");
    await pane.getByLabel("Weeks").fill("4");
    await pane.getByLabel(/^Base/).fill("44000");
    await pane.getByLabel("Visits per day").fill("4");
    await pane.getByRole("button", { name: "Plan the tours" }).click();
    await pane.getByText(/^Tours sheet written: /).waitFor({ timeout: 120_000 });
    await shot(page, "10-tours");
    const cells = await workbookCells(page);
    const sheet = sheetOf(cells, "Tours").values;
    expect(sheet[0]?.slice(0, 10)).toEqual([...TOUR_SHEET_HEADERS.en]);
    const clientIds = new Set(
      sheetOf(cells, "Clients")
        .values.slice(1)
        .map((r) => String(r[0])),
    );
    const cal = createWorkCalendar({ country: "FR" });
    const byDay = new Map<string, (typeof sheet)[number][]>();
    for (const row of sheet.slice(1)) {
      if (row[0] === "") continue;
      const date = typeof row[0] === "number" ? serialToIso(row[0]) : String(row[0]);
      byDay.set(date, [...(byDay.get(date) ?? []), row]);
    }
    // Domain rule: due = last contact + 365 / planned visits (never contacted: due at once); the clients
    // overdue on the first day come first, so the tours hold at least as many stops as there are overdue
    // clients, up to the slots of the four weeks' working days. (Not a fixed count of days: after the
    // year of contacts imported above, far fewer clients are due than in an empty Contacts table.)
    const clientRows = sheetOf(cells, "Clients").values;
    const head = (clientRows[0] ?? []).map(String);
    const lastCol = head.indexOf("Last contact");
    const visitsCol = head.indexOf(PLANNED[0]);
    expect(Math.min(lastCol, visitsCol)).toBeGreaterThan(0);
    const firstDay = serialOf("2026-11-30");
    const overdue = clientRows.slice(1).filter((r) => {
      const planned = Number(r[visitsCol]);
      if (!(planned > 0)) return false;
      return typeof r[lastCol] !== "number" || r[lastCol] + 365 / planned < firstDay;
    }).length;
    let workingDays = 0;
    for (let d = isoToDayNumber("2026-11-30"); d <= isoToDayNumber("2026-12-27"); d++)
      if (cal.isWorkingDay(dayNumberToIso(d))) workingDays++;
    const stopCount = [...byDay.values()].reduce((sum, rows) => sum + rows.length - 1, 0);
    expect(overdue).toBeGreaterThan(0);
    expect(stopCount).toBeGreaterThanOrEqual(Math.min(overdue, 4 * workingDays));
    for (const [date, rows] of byDay) {
      // Every day a working day of the four weeks, at most 4 stops, then the way back with the day's totals.
      expect(date >= "2026-11-30" && date <= "2026-12-27").toBe(true);
      expect(cal.isWorkingDay(date)).toBe(true);
      const stops = rows.slice(0, -1);
      expect(stops.length).toBeGreaterThan(0);
      expect(stops.length).toBeLessThanOrEqual(4);
      expect(stops.map((r) => r[1])).toEqual(stops.map((_, i) => i + 1));
      for (const stop of stops) expect(clientIds.has(String(stop[2]))).toBe(true);
      const total = rows.at(-1) ?? [];
      const legs = rows.reduce((sum, r) => sum + Number(r[6]), 0);
      expect(Math.abs(legs - Number(total[8]))).toBeLessThanOrEqual(0.05 * rows.length + 0.05);
      expect(Number(total[9])).toBeCloseTo(Number(total[8]) * 1.3, 0);
    }
    // One drawing per day, made in the pane (SVG, no map tiles).
    await expect(pane.locator("svg[data-tour-day]").count()).resolves.toBe(byDay.size);
    await pane.getByRole("button", { name: "Undo the tours" }).click();
    await pane.getByText("The Tours sheet is back as it was.").waitFor({ timeout: 30_000 });
    const undone = sheetOf(await workbookCells(page), "Tours").values;
    expect(undone.slice(1).every((r) => r.every((c) => c === ""))).toBe(true);
    expect(errors).toEqual([]);
  }, 240_000);

  it("also plans from the rep's own selected range, as the demo opens, leaving the rep's columns alone", async () => {
    const own = await browser.newPage({ viewport: { width: 1500, height: 950 }, locale: "en-US" });
    own.on("pageerror", (error) => errors.push(error.message));
    await own.clock.setFixedTime(TODAY);
    try {
      const ownPane = await openWorkbench(own, server.url, DEMO_DATE);
      const before = sheetOf(await workbookCells(own), PORTFOLIO).values;
      await ownPane.getByRole("button", { name: "Use the current table or selection" }).click();
      await ownPane.getByText(`Read ${PORTFOLIO}!A1:G301: 300 clients.`).waitFor({ timeout: 30_000 });
      // The plan workbook is the way on; planning in the rep's own sheet is an explicit choice.
      const nav = ownPane.getByRole("navigation", { name: "Wizard steps" });
      await expect(nav.getByRole("button", { name: "Next" }).isDisabled()).resolves.toBe(true);
      await ownPane.getByRole("checkbox", { name: /in my own sheet/ }).check();
      for (const title of ["Segmentation", "Norms and channels", "Capacity", "Allocation", "Write"]) {
        const button = nav.getByRole("button", { name: "Next" });
        await button.and(ownPane.locator(":enabled")).waitFor({ timeout: 60_000 });
        await button.click();
        await ownPane.getByText(new RegExp(`^Step \\d of 6: ${title}$`)).waitFor();
      }
      await ownPane.getByRole("button", { name: "Write the plan to the sheet" }).click();
      await ownPane.getByText("300 rows written.").waitFor({ timeout: 60_000 });
      // Not a plan workbook: the pane says how to get tracking.
      await ownPane.getByText(/create a plan workbook from this portfolio/).waitFor();
      await shot(own, "10-own-range-written");
      const after = sheetOf(await workbookCells(own), PORTFOLIO).values;
      expect(after.map((row) => row.slice(0, REP_COLUMNS))).toEqual(
        before.map((row) => row.slice(0, REP_COLUMNS)),
      );
      const header = (after[0] ?? []).map(String);
      expect(header.slice(REP_COLUMNS, REP_COLUMNS + 2)).toEqual(["Segment", "Norm (visit eq.)"]);
      const visits = header.indexOf("Planned Field visit");
      expect(after.slice(1).every((row) => Number.isInteger(row[visits]))).toBe(true);
    } finally {
      await own.close();
    }
  }, 180_000);

  it("dates the demo by the page's clock in another year: its contacts fall in the wizard's default year", async () => {
    const later = await browser.newPage({ viewport: { width: 1500, height: 950 }, locale: "en-US" });
    later.on("pageerror", (error) => errors.push(error.message));
    // No ?today=: the workbench and the pane both read the (pinned) clock, a year and a half later.
    await later.clock.setFixedTime(new Date("2028-05-17T09:00:00"));
    try {
      const laterPane = await openWorkbench(later, server.url);
      const period = demoPeriod("2028-05-17");
      expect(period).toMatchObject({ start: "2027-05-17", end: "2028-05-12" });
      await expect(later.locator("#wb-period").innerText()).resolves.toBe(`${period.start} → ${period.end}`);
      const dates = sheetOf(await workbookCells(later), "Contacts export")
        .values.slice(1)
        .map((row) => row[0]);
      expect(
        dates.every((d) => typeof d === "number" && d >= serialOf(period.start) && d <= serialOf(period.end)),
      ).toBe(true);
      const inYear = dates.filter((d) => Number(d) >= serialOf("2028-01-01")).length;
      expect(inYear).toBeGreaterThan(500);

      // The wizard proposes that same year.
      await laterPane.getByRole("button", { name: "Use the current table or selection" }).click();
      await laterPane.getByText(`Read ${PORTFOLIO}!A1:G301: 300 clients.`).waitFor({ timeout: 30_000 });
      await laterPane.getByRole("checkbox", { name: /in my own sheet/ }).check();
      const nav = laterPane.getByRole("navigation", { name: "Wizard steps" });
      for (const title of ["Segmentation", "Norms and channels", "Capacity"]) {
        const button = nav.getByRole("button", { name: "Next" });
        await button.and(laterPane.locator(":enabled")).waitFor({ timeout: 60_000 });
        await button.click();
        await laterPane.getByText(new RegExp(`^Step \\d of 6: ${title}$`)).waitFor();
      }
      await expect(laterPane.getByRole("spinbutton", { name: "Year" }).inputValue()).resolves.toBe("2028");
      await shot(later, "11-demo-2028");
    } finally {
      await later.close();
    }
  }, 180_000);
});
