/**
 * The active sheet drawn as a grid: column letters and frozen rows stay on top, row numbers on the
 * left, and only the rows in view are in the DOM, so a 10,000-row sheet scrolls smoothly.
 */
import { columnLetters } from "../model/address";
import type { Rect } from "../model/address";
import type { SheetModel, WorkbookModel } from "../model/types";
import { usedRect } from "../model/cells";
import { cellLook } from "./cellView";

export const ROW_HEIGHT = 22;
const DEFAULT_WIDTH_PX = 72;
const BUFFER_ROWS = 10;

export interface ViewWindow {
  first: number;
  last: number;
}

/** Which body rows to draw for a scroll position (frozen rows are drawn apart, always). */
export function visibleRows(
  scrollTop: number,
  viewportHeight: number,
  frozen: number,
  total: number,
): ViewWindow {
  const first = Math.min(total, Math.max(frozen, frozen + Math.floor(scrollTop / ROW_HEIGHT) - BUFFER_ROWS));
  const last = Math.min(
    total - 1,
    frozen + Math.ceil((scrollTop + viewportHeight) / ROW_HEIGHT) + BUFFER_ROWS,
  );
  return { first, last: Math.max(first - 1, last) };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function widthPx(sheet: SheetModel, c: number): number {
  const points = sheet.columnWidths.get(c);
  return points === undefined ? DEFAULT_WIDTH_PX : Math.max(24, Math.round((points * 4) / 3));
}

export function sheetExtent(sheet: SheetModel): { rows: number; columns: number } {
  const used = usedRect(sheet, false);
  return {
    rows: Math.max(60, (used?.r1 ?? 0) + 30),
    columns: Math.min(80, Math.max(14, (used?.c1 ?? 0) + 4)),
  };
}

export class GridView {
  private frame = 0;

  constructor(
    private readonly scroller: HTMLElement,
    private readonly model: WorkbookModel,
    private readonly onSelect: (sheetId: string, rect: Rect) => void,
  ) {
    scroller.addEventListener("scroll", () => {
      this.schedule();
    });
    scroller.addEventListener("mousedown", (event) => {
      this.select(event);
    });
  }

  schedule(): void {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private sheet(): SheetModel | undefined {
    return this.model.sheets.find((s) => s.id === this.model.activeSheetId);
  }

  private select(event: MouseEvent): void {
    const target = (event.target as HTMLElement).closest("td[data-r]");
    const sheet = this.sheet();
    if (!target || !sheet) return;
    const r = Number(target.getAttribute("data-r"));
    const c = Number(target.getAttribute("data-c"));
    const current = this.model.selection;
    if (event.shiftKey && current.sheetId === sheet.id) {
      const anchor = current.rect;
      this.onSelect(sheet.id, {
        r0: Math.min(anchor.r0, r),
        c0: Math.min(anchor.c0, c),
        r1: Math.max(anchor.r0, r),
        c1: Math.max(anchor.c0, c),
      });
    } else {
      this.onSelect(sheet.id, { r0: r, c0: c, r1: r, c1: c });
    }
  }

  render(): void {
    const sheet = this.sheet();
    if (!sheet) {
      this.scroller.innerHTML = "";
      return;
    }
    const { rows, columns } = sheetExtent(sheet);
    const frozen = Math.min(sheet.frozenRows, rows);
    const window = visibleRows(this.scroller.scrollTop, this.scroller.clientHeight || 600, frozen, rows);
    const tables = this.model.tables.filter((t) => t.sheetId === sheet.id);
    const selection = this.model.selection.sheetId === sheet.id ? this.model.selection.rect : null;
    const cols: string[] = ['<col style="width:44px">'];
    const letters: string[] = ['<th class="corner"></th>'];
    // Hidden columns (Range.columnHidden) are not drawn, as in Excel.
    const shown = Array.from({ length: columns }, (_, c) => c).filter((c) => !sheet.hiddenColumns.has(c));
    for (const c of shown) {
      cols.push(`<col style="width:${widthPx(sheet, c)}px">`);
      letters.push(`<th class="col">${columnLetters(c)}</th>`);
    }
    const row = (r: number, sticky: boolean): string => {
      const cells: string[] = [`<th class="row">${r + 1}</th>`];
      for (const c of shown) {
        const look = cellLook(sheet, tables, r, c);
        const style = [
          look.background ? `background:${look.background}` : "",
          look.color ? `color:${look.color}` : "",
          look.bold ? "font-weight:600" : "",
          look.italic ? "font-style:italic" : "",
          `text-align:${look.align}`,
        ]
          .filter((s) => s !== "")
          .join(";");
        const selected =
          selection && r >= selection.r0 && r <= selection.r1 && c >= selection.c0 && c <= selection.c1
            ? " sel"
            : "";
        const list = look.hasList ? " list" : "";
        cells.push(
          `<td data-r="${r}" data-c="${c}" class="cell${selected}${list}" style="${style}">${escapeHtml(look.text)}</td>`,
        );
      }
      return `<tr class="${sticky ? "frozen" : ""}" style="height:${ROW_HEIGHT}px">${cells.join("")}</tr>`;
    };
    const head: string[] = [`<tr class="letters">${letters.join("")}</tr>`];
    for (let r = 0; r < frozen; r++) head.push(row(r, true));
    const body: string[] = [];
    const above = (window.first - frozen) * ROW_HEIGHT;
    const below = (rows - 1 - window.last) * ROW_HEIGHT;
    if (above > 0)
      body.push(`<tr class="pad" style="height:${above}px"><td colspan="${shown.length + 1}"></td></tr>`);
    for (let r = window.first; r <= window.last; r++) body.push(row(r, false));
    if (below > 0)
      body.push(`<tr class="pad" style="height:${below}px"><td colspan="${shown.length + 1}"></td></tr>`);
    this.scroller.innerHTML = `<table class="grid" data-sheet="${escapeHtml(sheet.name)}"><colgroup>${cols.join("")}</colgroup><thead>${head.join("")}</thead><tbody>${body.join("")}</tbody></table>`;
  }
}
