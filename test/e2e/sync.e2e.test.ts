/**
 * End to end (issue 10), headless Chromium on the workbench against a real `cadence serve` started by
 * the test on a temporary SQLite file: the rep signs in on the Sync tab with a token and the plan goes
 * to the store; a manager's token reads it through the API and pushes a note and an action that the
 * rep's next sync brings into the workbook. The store is killed: the rep edits a cell and imports
 * contacts, the panel shows the changes pending, offline; the store restarts and the next sync sends
 * them, nothing lost. Two pages with copies of one workbook edit the same cell: one conflict, shown in
 * the panel and on the Conflicts sheet, resolved in the panel; both copies converge.
 */
import type { Browser, FrameLocator, Page } from "playwright-core";
import * as schema from "../../src/core/workbook/schema";
import { CONFLICTS_SHEET, STEERING_SHEET } from "../../src/core/workbook/syncSheets";
import { ensureBuild } from "../support/build";
import { browserAvailable, launchBrowser } from "../support/chromium";
import { serveDist, type StaticServer } from "../support/staticServer";
import { demoOrg, storeProcess, type DemoToken, type StoreProcess } from "./storeProcess";
import {
  CLIPBOARD,
  exportMonthCsv,
  openWorkbench,
  pasteInto,
  sheetOf,
  shot,
  workbookCells,
  type Cell,
  type WorkbookCells,
} from "./workbenchPage";

const run = browserAvailable(__filename);
const describeBrowser = run ? describe : describe.skip;

const TODAY = new Date("2026-11-28T10:00:00");
const DEMO_DATE = "2026-11-28";
const PORTFOLIO = "Portefeuille";

interface PulledRow {
  table: string;
  rowId: string;
  version: number;
  fields: Record<string, unknown>;
}

const letter = (col: number): string =>
  col < 26 ? String.fromCharCode(65 + col) : `A${String.fromCharCode(65 + col - 26)}`;

describeBrowser("a rep syncs the plan workbook with a real store (headless Chromium)", () => {
  let server: StaticServer;
  let store: StoreProcess;
  let tokens: Record<"manager" | "rep", DemoToken>;
  let browser: Browser;
  /** What beforeAll started, for afterAll to stop even when beforeAll failed half way. */
  const started: { server?: StaticServer; store?: StoreProcess; browser?: Browser } = {};
  let page: Page;
  let pane: FrameLocator;
  let repId = "";
  const errors: string[] = [];

  /** Every row the manager's token reads (the rep's rows are in the manager's subtree). */
  const managerRows = async (): Promise<PulledRow[]> => {
    const rows: PulledRow[] = [];
    let since = 0;
    for (;;) {
      const page = await store.api<{ rows: PulledRow[]; next: number; more: boolean }>(
        tokens.manager.token,
        "GET",
        `/sync/pull?since=${since}`,
      );
      rows.push(...page.rows);
      since = page.next;
      if (!page.more) break;
    }
    // The latest version of each row.
    const latest = new Map<string, PulledRow>();
    for (const r of rows) {
      const key = `${r.table}/${r.rowId}`;
      if ((latest.get(key)?.version ?? -1) < r.version) latest.set(key, r);
    }
    return [...latest.values()].filter((r) => r.fields.deleted !== true);
  };

  const openPage = async (): Promise<{ page: Page; pane: FrameLocator }> => {
    const p = await browser.newPage({
      viewport: { width: 1500, height: 950 },
      locale: "en-US",
      permissions: CLIPBOARD,
    });
    p.on("pageerror", (error) => errors.push(error.message));
    await p.clock.setFixedTime(TODAY);
    return { page: p, pane: await openWorkbench(p, server.url, DEMO_DATE, { store: store.url }) };
  };

  const signIn = async (on: FrameLocator, token: string): Promise<void> => {
    await on.getByRole("tab", { name: "Sync" }).click();
    await on.getByTestId("sync-token").fill(token);
    await on.getByRole("button", { name: "Sign in" }).click();
    try {
      await on.getByText("Signed in as Paul Durand (rep)").waitFor({ timeout: 30_000 });
    } catch (error: unknown) {
      // Say what the panel said (the store's refusal, an unreachable store…).
      throw new Error(`${String(error)}\nThe Sync panel: ${await on.getByTestId("sync-panel").innerText()}`);
    }
  };

  /**
   * Clicks Sync now, waits for the sync's pull to be answered and the panel to be ready again, and
   * returns the result line's figures (the page's clock is pinned: the status line's time cannot move).
   */
  const syncNow = async (p: Page, on: FrameLocator): Promise<{ pushed: number; pulled: number }> => {
    await on.getByRole("tab", { name: "Sync" }).click();
    const pulled = p.waitForResponse((r) => r.url().includes("/sync/pull?"), { timeout: 60_000 });
    await on.getByRole("button", { name: "Sync now" }).click();
    await pulled;
    await on
      .getByRole("button", { name: "Sync now" })
      .and(on.locator(":enabled"))
      .waitFor({ timeout: 60_000 });
    return resultOf(on);
  };

  const resultOf = async (on: FrameLocator): Promise<{ pushed: number; pulled: number }> => {
    const line = on.getByTestId("sync-result");
    await line.waitFor({ timeout: 60_000 });
    const [, pushed = "", pulled = ""] = /^Sent ([\d,]+) changes, received ([\d,]+) rows\.$/.exec(
      await line.innerText(),
    ) ?? ["", "", ""];
    return { pushed: Number(pushed.replaceAll(",", "")), pulled: Number(pulled.replaceAll(",", "")) };
  };

  /** A cell of the Clients sheet by data row (1-based) and header, as the rep types it. */
  const editClient = async (on: Page, row: number, header: string, value: Cell): Promise<void> => {
    const clients = sheetOf(await workbookCells(on), "Clients").values;
    const col = (clients[0] ?? []).indexOf(header);
    expect(col).toBeGreaterThanOrEqual(0);
    await on.evaluate(
      ([address, v]) => {
        (
          window as unknown as { __cadenceWorkbench: { edit: (s: string, a: string, v: Cell) => void } }
        ).__cadenceWorkbench.edit("Clients", address, v);
      },
      [`${letter(col)}${row + 1}`, value] as const,
    );
  };

  const clientCell = (cells: WorkbookCells, row: number, header: string): Cell => {
    const clients = sheetOf(cells, "Clients").values;
    return clients[row]?.[(clients[0] ?? []).indexOf(header)] ?? "";
  };

  beforeAll(async () => {
    ensureBuild();
    server = started.server = await serveDist();
    store = started.store = await storeProcess(server.url);
    const demo = await demoOrg(store.db);
    const find = (role: string, name: string): DemoToken => {
      const t = demo.find((d) => d.role === role && d.name === name);
      if (t === undefined) throw new Error(`No demo ${role} ${name}`);
      return t;
    };
    tokens = { manager: find("manager", "Claire Martin"), rep: find("rep", "Paul Durand") };
    await store.start();
    repId = (await store.api<{ id: string }>(tokens.rep.token, "GET", "/me")).id;
    browser = started.browser = await launchBrowser();
    ({ page, pane } = await openPage());
  }, 300_000);

  afterAll(async () => {
    await started.browser?.close();
    await started.store?.stop("SIGTERM");
    await started.server?.close();
  });

  it("signs in with a token: the plan goes to the store, a manager reads it, Sync now sends an edit", async () => {
    // The plan workbook, through the pane: the demo portfolio, the wizard's defaults, Write.
    await pane.getByRole("button", { name: "Use the current table or selection" }).click();
    await pane.getByText(`Read ${PORTFOLIO}!A1:G301: 300 clients.`).waitFor({ timeout: 30_000 });
    await pane.getByRole("button", { name: "Create a plan workbook from this portfolio" }).click();
    await pane.getByText(/^Read Clients!A1:[A-Z]+301: 300 clients\.$/).waitFor({ timeout: 60_000 });
    const nav = pane.getByRole("navigation", { name: "Wizard steps" });
    for (const title of ["Segmentation", "Norms and channels", "Capacity", "Allocation", "Write"]) {
      const next = nav.getByRole("button", { name: "Next" });
      await next.and(pane.locator(":enabled")).waitFor({ timeout: 60_000 });
      await next.click();
      await pane.getByText(new RegExp(`^Step \\d of 6: ${title}$`)).waitFor();
      // On 28 November the wizard proposes next year; the demo's contacts and this test are this year's.
      if (title === "Capacity") await pane.getByRole("spinbutton", { name: "Year" }).fill("2026");
    }
    await pane.getByRole("button", { name: "Write the plan to the sheet" }).click();
    await pane.getByText("300 rows written.").waitFor({ timeout: 60_000 });
    // The Id Cadence column is there, hidden.
    const written = await page.evaluate(() =>
      (
        window as unknown as { __cadenceWorkbench: { sheet: (n: string) => { hiddenColumns: string[] } } }
      ).__cadenceWorkbench.sheet("Clients"),
    );
    expect(written.hiddenColumns).toHaveLength(1);

    await signIn(pane, tokens.rep.token);
    // Signing in syncs: 300 clients and the plan row.
    expect((await resultOf(pane)).pushed).toBe(301);
    await pane
      .getByTestId("sync-status")
      .getByText(/^Synced just now$/)
      .waitFor({ timeout: 30_000 });
    await shot(page, "sync-01-signed-in");

    const cells = await workbookCells(page);
    const clients = sheetOf(cells, "Clients").values;
    const header = (clients[0] ?? []).map(String);
    const rows = await managerRows();
    const storeClients = rows.filter((r) => r.table === "clients" && r.fields.repId === repId);
    expect(storeClients).toHaveLength(300);
    const byKey = new Map(storeClients.map((r) => [r.fields.clientKey, r]));
    const idCol = header.indexOf(schema.header(schema.ROW_ID_COLUMN, "en"));
    for (const row of clients.slice(1, 301)) {
      const r = byKey.get(String(row[0]));
      expect(r?.rowId).toBe(row[idCol]);
      // A blank cell is null on the wire.
      const wire = (h: string): unknown => (row[header.indexOf(h)] === "" ? null : row[header.indexOf(h)]);
      expect(r?.fields.plannedVisit).toBe(wire("Planned Field visit"));
      expect(r?.fields.potential).toBe(wire("Potential"));
    }
    const plan = rows.find((r) => r.table === "plans" && r.fields.repId === repId);
    expect(plan?.fields.year).toBe(2026);

    // An edit, sent by Sync now.
    await editClient(page, 2, "Name", "Renamed by the rep");
    expect((await syncNow(page, pane)).pushed).toBe(1);
    const renamed = (await managerRows()).find((r) => r.rowId === clients[2]?.[idCol]);
    expect(renamed?.fields.name).toBe("Renamed by the rep");
    expect(errors).toEqual([]);
  }, 300_000);

  it("brings the manager's note and action into the workbook", async () => {
    const cells = await workbookCells(page);
    const clients = sheetOf(cells, "Clients").values;
    const header = (clients[0] ?? []).map(String);
    const idCol = header.indexOf(schema.header(schema.ROW_ID_COLUMN, "en"));
    const target = clients[5] ?? [];
    const fields = (f: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(f).map(([k, value]) => [k, { value }]));
    const pushed = await store.api<{ results: { status: string }[] }>(
      tokens.manager.token,
      "POST",
      "/sync/push",
      {
        mutations: [
          {
            mutationId: crypto.randomUUID(),
            table: "notes",
            rowId: crypto.randomUUID(),
            baseVersion: 0,
            fields: fields({
              repId,
              kind: "note",
              clientId: target[idCol],
              text: "Call before Christmas",
              year: 2026,
            }),
          },
          {
            mutationId: crypto.randomUUID(),
            table: "actions",
            rowId: crypto.randomUUID(),
            baseVersion: 0,
            fields: fields({
              repId,
              clientId: target[idCol],
              action: "Meet the buyer with me",
              owner: "Claire Martin",
              dueDate: "2026-12-15",
              status: "open",
            }),
          },
        ],
      },
    );
    expect(pushed.results.map((r) => r.status)).toEqual(["applied", "applied"]);

    expect((await syncNow(page, pane)).pushed).toBe(0);
    const after = await workbookCells(page);
    expect(clientCell(after, 5, "Manager notes")).toBe("Call before Christmas");
    const actions = sheetOf(after, "Actions").values;
    const action = actions.find((r) => r[1] === "Meet the buyer with me");
    expect(action?.[0]).toBe(target[0]);
    expect(action?.[2]).toBe("Claire Martin");
    expect(action?.[4]).toBe("Open");
    const steering = sheetOf(after, STEERING_SHEET.en).values;
    expect(steering.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ["Note", target[0], "Call before Christmas"],
    ]);
    await shot(page, "sync-02-manager-note");
  }, 120_000);

  it("keeps the changes made while the store is down and sends them when it is back", async () => {
    await store.stop("SIGKILL");
    await editClient(page, 3, "Potential", 123_456);
    // Contacts of the last ten days, imported from the Track tab (an import syncs: offline now).
    const exportSheet = sheetOf(await workbookCells(page), "Contacts export");
    const recent = exportMonthCsv(exportSheet, "2026-11-18", "2026-11-27");
    expect(recent.rows).toBeGreaterThan(5);
    await pane.getByRole("tab", { name: "Track" }).click();
    await pasteInto(page, pane.getByRole("textbox", { name: /CRM export/ }), recent.csv);
    await pane.getByRole("button", { name: "Import and refresh" }).click();
    await pane.getByText(/^[\d,]+ contacts added, [\d,]+ duplicates skipped\.$/).waitFor({ timeout: 90_000 });
    await pane.getByRole("tab", { name: "Sync" }).click();
    const status = pane.getByTestId("sync-status");
    await status.getByText(/ pending changes · offline$/).waitFor({ timeout: 60_000 });
    const pending = Number(
      /· ([\d,]+) pending changes/.exec(await status.innerText())?.[1]?.replaceAll(",", ""),
    );
    await shot(page, "sync-03-offline");
    const cells = await workbookCells(page);
    const contactRows = sheetOf(cells, "Contacts")
      .values.slice(1)
      .filter((r) => r[0] !== "");
    // The edited client, and every imported contact of a client of this plan.
    expect(pending).toBeGreaterThan(1);
    expect(pending - 1).toBeLessThanOrEqual(contactRows.length);
    // Sync now while the store is still down: still pending, still offline, nothing lost.
    await pane.getByRole("button", { name: "Sync now" }).click();
    await pane
      .getByRole("button", { name: "Sync now" })
      .and(pane.locator(":enabled"))
      .waitFor({ timeout: 60_000 });
    await status
      .getByText(new RegExp(`· ${pending} pending changes · offline$`))
      .waitFor({ timeout: 30_000 });

    await store.start();
    expect((await syncNow(page, pane)).pushed).toBe(pending);
    await status.getByText(/^Synced just now$/).waitFor({ timeout: 30_000 });
    const rows = await managerRows();
    const header = (sheetOf(cells, "Clients").values[0] ?? []).map(String);
    const idCol = header.indexOf(schema.header(schema.ROW_ID_COLUMN, "en"));
    const edited = rows.find((r) => r.rowId === sheetOf(cells, "Clients").values[3]?.[idCol]);
    expect(edited?.fields.potential).toBe(123_456);
    const storeContacts = rows.filter((r) => r.table === "contacts" && r.fields.repId === repId);
    expect(storeContacts).toHaveLength(pending - 1);
    // The note and action from before the outage are still there; no client twice.
    expect(rows.filter((r) => r.table === "notes")).toHaveLength(1);
    const keys = rows.filter((r) => r.table === "clients").map((r) => r.fields.clientKey);
    expect(new Set(keys).size).toBe(300);
    expect(keys).toHaveLength(300);
  }, 240_000);

  it("two copies of the workbook edit the same cell: one conflict, shown and resolved, and the copies converge", async () => {
    const other = await openPage();
    try {
      // A copy of the file (the hidden sync sheet with it), opened on another machine.
      const copy = await page.evaluate(() =>
        (window as unknown as { __cadenceWorkbench: { copy: () => string } }).__cadenceWorkbench.copy(),
      );
      await other.page.evaluate((text) => {
        (window as unknown as { __cadenceWorkbench: { open: (c: string) => void } }).__cadenceWorkbench.open(
          text,
        );
      }, copy);
      await signIn(other.pane, tokens.rep.token);
      expect((await resultOf(other.pane)).pushed).toBe(0);

      const before = await workbookCells(page);
      await editClient(page, 7, "Potential", 111_111);
      await editClient(other.page, 7, "Potential", 222_222);
      expect((await syncNow(page, pane)).pushed).toBe(1);
      await syncNow(other.page, other.pane);
      const conflicts = other.pane.getByTestId("sync-conflicts");
      await conflicts.getByText("Conflicts to settle (1)").waitFor({ timeout: 30_000 });
      await conflicts.getByText("clients , potential: mine “222222”, store “111111”").waitFor();
      const sheet = sheetOf(await workbookCells(other.page), CONFLICTS_SHEET.en).values;
      expect(sheet.slice(1).map((r) => r.slice(0, 6))).toEqual([
        [
          "clients",
          clientCell(before, 7, "Client id"),
          "potential",
          clientCell(before, 7, "Potential"),
          222_222,
          111_111,
        ],
      ]);
      await shot(other.page, "sync-04-conflict");

      // Keep mine: the copy's value wins in the store, then comes down to the first page.
      await conflicts.getByRole("button", { name: "Keep mine" }).click();
      await conflicts.waitFor({ state: "detached", timeout: 60_000 });
      await syncNow(page, pane);
      const a = await workbookCells(page);
      const b = await workbookCells(other.page);
      expect(clientCell(a, 7, "Potential")).toBe(222_222);
      for (const name of ["Clients", "Contacts", "Actions"])
        expect(sheetOf(b, name).values).toEqual(sheetOf(a, name).values);
      const rows = await managerRows();
      const idCol = (sheetOf(a, "Clients").values[0] ?? []).indexOf(
        schema.header(schema.ROW_ID_COLUMN, "en"),
      );
      expect(rows.find((r) => r.rowId === sheetOf(a, "Clients").values[7]?.[idCol])?.fields.potential).toBe(
        222_222,
      );
      expect(rows.filter((r) => r.table === "clients")).toHaveLength(300);
      // The store recorded the conflict.
      const recorded = await store.api<{ field: string; mine: unknown; theirs: unknown }[]>(
        tokens.rep.token,
        "GET",
        "/sync/conflicts?since=0",
      );
      expect(recorded.map((c) => [c.field, c.mine, c.theirs])).toEqual([["potential", 222_222, 111_111]]);
      expect(errors).toEqual([]);
    } finally {
      await other.page.close();
    }
  }, 240_000);
});
