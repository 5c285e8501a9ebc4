/**
 * Helpers for end-to-end tests on the workbench page: open it with the real task pane and read the
 * in-memory workbook's cells. The rep acts through the pane only.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { FrameLocator, Locator, Page } from "playwright-core";
import { ROOT } from "../support/build";

export const SHOTS = path.join(ROOT, "test-results", "e2e");

export type Cell = string | number | boolean;

export interface SheetCells {
  name: string;
  values: Cell[][];
}

export interface TableInfo {
  name: string;
  sheet: string;
  address: string;
  columns: string[];
}

export interface WorkbookCells {
  sheets: SheetCells[];
  tables: TableInfo[];
}

/**
 * Opens workbench.html and waits for the pane's tabs (English UI). `today` (ISO) dates the demo: its
 * contacts run to the Friday before (the page's ?today=; without it, the page's clock). `params` go on
 * the page's address too (?store=…).
 */
export async function openWorkbench(
  page: Page,
  baseUrl: string,
  today?: string,
  params: Readonly<Record<string, string>> = {},
): Promise<FrameLocator> {
  const query = new URLSearchParams({ ...(today === undefined ? {} : { today }), ...params }).toString();
  await page.goto(`${baseUrl}/workbench.html${query === "" ? "" : `?${query}`}`);
  const pane = page.frameLocator("#wb-pane");
  await pane.getByRole("tab", { name: "Plan" }).waitFor({ timeout: 60_000 });
  return pane;
}

/** The workbook's values and tables, from window.__cadenceWorkbench.snapshot(). */
/**
 * Pastes `text` into a field as a rep does: through the clipboard and Ctrl+V, one input event. Not
 * Playwright's fill(): on a textarea it inserts the text line by line (Chromium's insertText makes one
 * input event per line and per line break, each costing the length of the text already there), so a
 * month's export (2,500 lines) takes over 30 s even in a bare textarea with no script at all. The page
 * needs the clipboard permissions (newPage({ permissions: CLIPBOARD })).
 */
export async function pasteInto(page: Page, field: Locator, text: string): Promise<void> {
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await field.focus();
  await field.press("ControlOrMeta+A");
  await field.press("ControlOrMeta+V");
  // The whole text landed (line endings as the textarea keeps them).
  const landed = await field.inputValue();
  if (landed.replace(/\r\n?/g, "\n") !== text.replace(/\r\n?/g, "\n"))
    throw new Error(`The paste left ${landed.length} characters of ${text.length}.`);
}

export const CLIPBOARD = ["clipboard-read", "clipboard-write"];

export async function workbookCells(page: Page): Promise<WorkbookCells> {
  return page.evaluate(() => {
    const hook = (window as unknown as { __cadenceWorkbench: { snapshot: () => WorkbookCells } })
      .__cadenceWorkbench;
    const snapshot = hook.snapshot();
    return {
      sheets: snapshot.sheets.map((s) => ({ name: s.name, values: s.values })),
      tables: snapshot.tables.map((t) => ({
        name: t.name,
        sheet: t.sheet,
        address: t.address,
        columns: t.columns,
      })),
    };
  });
}

export function sheetOf(cells: WorkbookCells, name: string): SheetCells {
  const sheet = cells.sheets.find((s) => s.name === name);
  if (sheet === undefined) throw new Error(`No sheet ${name} in the workbook.`);
  return sheet;
}

export function tableOf(cells: WorkbookCells, name: string): TableInfo {
  const table = cells.tables.find((t) => t.name === name);
  if (table === undefined) throw new Error(`No table ${name} in the workbook.`);
  return table;
}

/** Rows of a table's address ("A1:V301" → 301). */
export function tableRows(table: TableInfo): number {
  const match = /:[A-Z]+(\d+)$/.exec(table.address);
  return match === null ? 1 : Number(match[1]);
}

/** test-results/e2e/NN-step.png */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** ISO date → Excel date serial (dates in cells, e.g. the Settings sheet's period). */
export function serialOf(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25569;
}

/** Excel date serial → ISO date (the export sheet holds real Excel dates). */
export function serialToIso(serial: number): string {
  return new Date(Math.round((serial - 25569) * 86_400_000)).toISOString().slice(0, 10);
}

const csvField = (v: Cell): string => {
  const text = String(v);
  return /[",\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** The CRM export's rows dated within [from, to] as CSV text, header first, ISO dates. */
export function exportMonthCsv(
  exportSheet: SheetCells,
  from: string,
  to: string,
): { csv: string; rows: number } {
  const header = exportSheet.values[0] ?? [];
  const body = exportSheet.values.slice(1);
  const month = body.filter((row) => {
    const raw = row[0];
    const iso = typeof raw === "number" ? serialToIso(raw) : String(raw);
    return iso >= from && iso <= to;
  });
  const lines = [header, ...month].map((row, i) =>
    row
      .map((v, c) => (i > 0 && c === 0 && typeof v === "number" ? serialToIso(v) : v))
      .map(csvField)
      .join(","),
  );
  return { csv: lines.join("\n"), rows: month.length };
}
