/**
 * The workbench page: the demo workbook drawn as a grid with sheet tabs, beside the real task pane.
 * The pane (taskpane-local.html, in a same-origin frame) finds this workbench on
 * `window.parent.__cadenceWorkbench` (see src/excel/host.ts) and uses its `run` instead of Excel.run.
 */
import type { Workbench } from "./workbench";
import { GridView } from "./view/gridView";
import { renderCharts, renderFormulaBar, renderTabs, wireFormulaBar } from "./view/chrome";
import type { ChromeElements } from "./view/chrome";

declare global {
  interface Window {
    __cadenceWorkbench?: Workbench;
  }
}

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`workbench.html has no #${id}.`);
  return found;
}

function input(id: string): HTMLInputElement {
  const found = element(id);
  if (!(found instanceof HTMLInputElement)) throw new Error(`#${id} is not an input.`);
  return found;
}

/**
 * Loads the task pane into its frame. Office.js sends a page framed outside Office to about:blank
 * unless the global OsfOptOut is defined, so the frame keeps its first (same-origin) window, gets that
 * global and the workbench hook, and only then receives the pane's markup and scripts, in order.
 */
async function openPane(pane: HTMLElement, workbench: Workbench): Promise<void> {
  if (!(pane instanceof HTMLIFrameElement)) return;
  const response = await fetch(pane.dataset.src ?? "taskpane-local.html");
  const parsed = new DOMParser().parseFromString(await response.text(), "text/html");
  const frameWindow: (Window & { OsfOptOut?: boolean; Excel?: typeof Excel }) | null = pane.contentWindow;
  const frameDocument = pane.contentDocument;
  if (!frameWindow || !frameDocument) return;
  frameWindow.OsfOptOut = true;
  frameWindow.__cadenceWorkbench = workbench;
  // Office.js loads no Excel namespace outside Excel: the pane's frame gets the workbench's instead.
  frameWindow.Excel = workbench.Excel;
  const scripts = [...parsed.querySelectorAll("script")];
  for (const script of scripts) script.remove();
  frameDocument.documentElement.lang = parsed.documentElement.lang;
  frameDocument.head.innerHTML = parsed.head.innerHTML;
  frameDocument.body.innerHTML = parsed.body.innerHTML;
  for (const original of scripts) {
    const script = frameDocument.createElement("script");
    const src = original.getAttribute("src");
    if (src === null) script.text = original.text;
    else script.src = src;
    // Dynamically inserted scripts run as they load; async = false keeps the page's order.
    script.async = false;
    frameDocument.head.appendChild(script);
  }
}

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const seed = Number(params.get("seed") ?? "1") || 1;
  // The demo (names, places, the public-holiday calendar) loads after the page's own script.
  const { demoWorkbench } = await import("./demo/workbook");
  const demo = demoWorkbench(seed, params.get("today"));
  const workbench = demo.workbench;
  // Exposed before the pane's frame is created, so the pane finds it when it starts.
  window.__cadenceWorkbench = workbench;
  (window as Window & { Excel?: typeof Excel }).Excel = workbench.Excel;

  const elements: ChromeElements = {
    tabs: element("wb-tabs"),
    nameBox: input("wb-namebox"),
    formula: input("wb-formula"),
    charts: element("wb-charts"),
    status: element("wb-status"),
  };
  const grid = new GridView(element("wb-grid"), workbench.model, (sheetId, rect) => {
    workbench.model.selection = { sheetId, rect };
    redraw();
  });
  const stats = element("wb-stats");
  function redraw(): void {
    renderTabs(elements.tabs, workbench);
    renderFormulaBar(elements, workbench);
    renderCharts(elements.charts, workbench);
    stats.textContent = `${workbench.stats.syncs} sync · ${workbench.stats.requests} op`;
    grid.schedule();
  }
  elements.tabs.addEventListener("click", (event) => {
    const id = (event.target as HTMLElement).closest("[data-sheet]")?.getAttribute("data-sheet");
    if (!id) return;
    workbench.model.activeSheetId = id;
    workbench.model.selection = { sheetId: id, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
    element("wb-grid").scrollTop = 0;
    redraw();
  });
  wireFormulaBar(elements, workbench);
  workbench.onChange(redraw);
  redraw();
  element("wb-period").textContent = `${demo.period.start} → ${demo.period.end}`;
  if (demo.problem !== null) elements.status.textContent = demo.problem;

  openPane(element("wb-pane"), workbench).catch((error: unknown) => {
    elements.status.textContent = `Volet indisponible / Task pane unavailable: ${String(error)}`;
  });
}

start().catch((error: unknown) => {
  element("wb-status").textContent = `Démo indisponible / Demo unavailable: ${String(error)}`;
});
