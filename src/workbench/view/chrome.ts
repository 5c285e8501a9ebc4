/**
 * Around the grid: sheet tabs, the name box and formula bar (typing there puts the workbook in cell
 * edit mode, as in Excel, so add-in calls fail until Enter or Escape), and the sheet's charts.
 */
import type { Workbench } from "../workbench";
import { formatRect } from "../model/address";
import { getCell } from "../model/cells";
import { escapeHtml } from "./gridView";

export interface ChromeElements {
  tabs: HTMLElement;
  nameBox: HTMLInputElement;
  formula: HTMLInputElement;
  charts: HTMLElement;
  status: HTMLElement;
}

export function renderTabs(tabs: HTMLElement, workbench: Workbench): void {
  const model = workbench.model;
  tabs.innerHTML = model.sheets
    .filter((s) => s.visibility === "Visible")
    .map(
      (s) =>
        `<button type="button" class="tab${s.id === model.activeSheetId ? " active" : ""}" data-sheet="${escapeHtml(s.id)}"${s.tabColor ? ` style="border-bottom-color:${escapeHtml(s.tabColor)}"` : ""}>${escapeHtml(s.name)}${s.protected ? " 🔒" : ""}</button>`,
    )
    .join("");
}

export function renderFormulaBar(elements: ChromeElements, workbench: Workbench): void {
  const model = workbench.model;
  const sheet = model.sheets.find((s) => s.id === model.selection.sheetId);
  const { rect } = model.selection;
  elements.nameBox.value = formatRect(rect);
  if (document.activeElement !== elements.formula) {
    const cell = sheet ? getCell(sheet, rect.r0, rect.c0) : undefined;
    elements.formula.value = cell?.f ?? String(cell?.v ?? "");
  }
}

export function renderCharts(charts: HTMLElement, workbench: Workbench): void {
  const model = workbench.model;
  const sheet = model.sheets.find((s) => s.id === model.activeSheetId);
  const list = sheet?.charts ?? [];
  charts.hidden = list.length === 0;
  charts.innerHTML = list
    .map(
      (c) =>
        `<div class="chart"><strong>${escapeHtml(c.title || c.name)}</strong><span>${escapeHtml(c.type)} · ${escapeHtml(formatRect(c.source))}</span></div>`,
    )
    .join("");
}

/** Wires the formula bar: edit mode while typing, the value written on Enter, dropped on Escape. */
export function wireFormulaBar(elements: ChromeElements, workbench: Workbench): void {
  const { formula, status } = elements;
  const setEditing = (on: boolean): void => {
    workbench.setCellEditMode(on);
    status.textContent = on
      ? "Modification de cellule en cours — Entrée pour valider / Cell edit mode — press Enter"
      : "Prêt / Ready";
    status.classList.toggle("editing", on);
  };
  formula.addEventListener("input", () => {
    setEditing(true);
  });
  formula.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" && event.key !== "Escape") return;
    if (event.key === "Enter") {
      const model = workbench.model;
      const sheet = model.sheets.find((s) => s.id === model.selection.sheetId);
      if (sheet)
        workbench.edit(
          sheet.name,
          formatRect({ ...model.selection.rect, r1: model.selection.rect.r0, c1: model.selection.rect.c0 }),
          formula.value,
        );
    }
    setEditing(false);
    formula.blur();
    renderFormulaBar(elements, workbench);
  });
  formula.addEventListener("blur", () => {
    setEditing(false);
  });
}
