/**
 * The workbench page in headless Chromium: the demo portfolio is drawn, tabs switch sheets, long
 * sheets are virtualised, writes through the workbench's Excel API show up, and the task pane frame
 * loads. Builds the page with the project's webpack config (or uses CADENCE_WORKBENCH_DIST) and saves
 * a screenshot under test-results/.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { isoToExcelSerial } from "../../../src/core/tracking";
import { generateDemo } from "../../../src/workbench/demo";
import { browserAvailable, launchBrowser } from "../../support/chromium";
import { serveStatic } from "./staticServer";
import type { StaticServer } from "./staticServer";

const ROOT = path.resolve(__dirname, "../../..");
const RESULTS = path.join(ROOT, "test-results");
const describeIfChromium = browserAvailable(__filename) ? describe : describe.skip;

function buildDist(): { dir: string; temporary: boolean } {
  const prebuilt = process.env.CADENCE_WORKBENCH_DIST;
  if (prebuilt !== undefined && existsSync(path.join(prebuilt, "workbench.html")))
    return { dir: prebuilt, temporary: false };
  // A private output folder: other builds of dist/ may run at the same time.
  const out = mkdtempSync(path.join(os.tmpdir(), "cadence-workbench-"));
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--mode", "development", "--output-path", out],
    {
      cwd: ROOT,
      stdio: "pipe",
      timeout: 280_000,
    },
  );
  return { dir: out, temporary: true };
}

describeIfChromium("workbench page (headless Chromium)", () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let dist: { dir: string; temporary: boolean };
  // The demo's reference date, pinned by the page's ?today= (its contacts run to the Friday before).
  const today = "2026-11-28";
  const demo = generateDemo(1, { today });
  const firstClient = String(demo.clients[1]?.[1]);

  beforeAll(async () => {
    dist = buildDist();
    server = await serveStatic(dist.dir, path.join(ROOT, "node_modules/@microsoft/office-js/dist"));
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(`${server.url}/workbench.html?today=${today}`);
    await page.waitForSelector("table.grid td.cell", { timeout: 20_000 });
  }, 300_000);

  afterAll(async () => {
    await browser.close();
    await server.close();
    if (dist.temporary) rmSync(dist.dir, { recursive: true, force: true });
  });

  it("shows the demo portfolio in the rep's Portefeuille sheet with its French headers", async () => {
    const grid = page.locator("#wb-grid");
    for (const header of [
      "Code client",
      "Raison sociale",
      "Code postal",
      "Ville",
      "CA N-1",
      "CA N",
      "Potentiel",
    ]) {
      await grid.getByText(header, { exact: true }).first().waitFor({ timeout: 5_000 });
    }
    expect(await grid.getByText(firstClient, { exact: true }).first().isVisible()).toBe(true);
    expect(await page.locator("#wb-tabs .tab").allTextContents()).toEqual([
      "Portefeuille",
      "Contacts export",
    ]);
  });

  it("loads the task pane beside the grid, and the pane reads the portfolio through the workbench", async () => {
    const frame = page.frameLocator("#wb-pane");
    await frame.locator("#root *").first().waitFor({ timeout: 20_000 });
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS, "workbench.png") });
    // The demo starts with the portfolio selected; the pane's first step reads it (English or French labels).
    await frame
      .getByRole("button", { name: /current table or selection|sélection/i })
      .first()
      .click();
    await frame.getByText(/300/).first().waitFor({ timeout: 15_000 });
    expect(await page.locator("#wb-stats").innerText()).toMatch(/^[1-9]\d* sync/);
    await page.screenshot({ path: path.join(RESULTS, "workbench-pane-read.png") });
    // The pane's frame sees the workbench as its Excel (hook and namespace set before its scripts ran).
    const paneFrame = await (await page.$("#wb-pane"))?.contentFrame();
    const hook = await paneFrame?.evaluate(() => {
      const w = window as unknown as {
        __cadenceWorkbench?: unknown;
        Excel?: { SheetVisibility?: { hidden?: string } };
        OsfOptOut?: boolean;
      };
      return [w.__cadenceWorkbench !== undefined, w.Excel?.SheetVisibility?.hidden, w.OsfOptOut];
    });
    expect(hook).toEqual([true, "Hidden", true]);
  }, 60_000);

  it("switches to the contacts export and draws only the rows in view", async () => {
    await page.locator("#wb-tabs .tab", { hasText: "Contacts export" }).click();
    await page.locator("#wb-grid").getByText("Type de contact", { exact: true }).waitFor({ timeout: 5_000 });
    await page.locator("#wb-grid").evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await page.waitForFunction(() => document.querySelectorAll("#wb-grid tbody tr").length > 0);
    const rows = await page.locator("#wb-grid tbody tr:not(.pad)").count();
    expect(rows).toBeLessThan(150);
    expect(demo.contacts.length).toBeGreaterThan(1000);
    // The page's export is the demo of ?today=: same dates (as Excel date serials), up to the Friday before.
    expect(demo.period).toMatchObject({ start: "2025-12-01", end: "2026-11-27" });
    await expect(page.locator("#wb-period").innerText()).resolves.toBe("2025-12-01 → 2026-11-27");
    const shown = await page.evaluate(() => {
      const hook = (
        window as unknown as {
          __cadenceWorkbench: { sheet: (name: string) => { values: unknown[][] } };
        }
      ).__cadenceWorkbench;
      return hook.sheet("Contacts export").values.map((row) => row[0]);
    });
    expect(shown).toEqual(
      demo.contacts.map((row, i) => (i === 0 ? row[0] : isoToExcelSerial(String(row[0])))),
    );
  });

  it("redraws when the add-in writes through the workbench's Excel API", async () => {
    await page.locator("#wb-tabs .tab", { hasText: "Portefeuille" }).click();
    await page.evaluate(async () => {
      const workbench = (
        window as unknown as {
          __cadenceWorkbench: {
            run: (batch: (context: Excel.RequestContext) => Promise<void>) => Promise<void>;
          };
        }
      ).__cadenceWorkbench;
      await workbench.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Portefeuille");
        sheet.getRange("H1:H2").values = [["Segment"], ["Fidéliser"]];
        sheet.getRange("H2").format.fill.color = "#2E7D32";
        await context.sync();
      });
    });
    const cell = page.locator('#wb-grid td[data-r="1"][data-c="7"]');
    await cell.getByText("Fidéliser").waitFor({ timeout: 5_000 });
    expect(await cell.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(46, 125, 50)");
    expect(await page.locator("#wb-stats").innerText()).toMatch(/\d+ sync/);
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS, "workbench-after-write.png") });
  });

  it("fails add-in calls while the user is typing in the formula bar (cell edit mode)", async () => {
    await page.locator("#wb-formula").click();
    await page.keyboard.type("Nouveau");
    const code = await page.evaluate(async () => {
      const workbench = (
        window as unknown as {
          __cadenceWorkbench: {
            run: (batch: (context: Excel.RequestContext) => Promise<void>) => Promise<void>;
          };
        }
      ).__cadenceWorkbench;
      try {
        await workbench.run(async (context) => {
          context.workbook.worksheets.getItem("Portefeuille").getRange("J1").values = [["x"]];
          await context.sync();
        });
        return "none";
      } catch (error) {
        return (error as { code: string }).code;
      }
    });
    expect(code).toBe("InvalidOperationInCellEditMode");
    await page.keyboard.press("Escape");
    expect(await page.locator("#wb-status").innerText()).toMatch(/Prêt/);
  });
});
