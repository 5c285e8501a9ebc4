/**
 * Plain-data views of the in-memory workbook, for tests and for drawing the grid.
 */
import { columnLetters, formatRect } from "./model/address";
import type { Rect } from "./model/address";
import { usedRect } from "./model/cells";
import type { Scalar, SheetModel, WorkbookModel } from "./model/types";
import { columnNames } from "./model/tables";
import { sheetById } from "./model/workbook";

export interface TableSnapshot {
  name: string;
  sheet: string;
  address: string;
  columns: string[];
  showTotals: boolean;
  style: string;
}

export interface SheetSnapshot {
  id: string;
  name: string;
  visibility: string;
  protected: boolean;
  /** Values from A1 to the bottom-right of the used range ("" for blanks). */
  values: Scalar[][];
  /** Formulas by cell address ("B2" → "=SUM(…)"). */
  formulas: Record<string, string>;
  /** Number formats other than General, by cell address. */
  numberFormats: Record<string, string>;
  /** Fill colours by cell address. */
  fills: Record<string, string>;
  bold: string[];
  columnWidths: Record<string, number>;
  /** Hidden columns by letter ("W"), left to right. */
  hiddenColumns: string[];
  frozenRows: number;
  frozenColumns: number;
  validations: { address: string; rule: Record<string, unknown> }[];
  conditionalFormats: {
    address: string;
    type: string;
    priority: number;
    settings: Record<string, unknown>;
  }[];
  charts: {
    name: string;
    type: string;
    source: string;
    seriesBy: string;
    title: string;
    topLeft?: string;
    bottomRight?: string;
  }[];
}

export interface WorkbookSnapshot {
  activeSheet: string;
  selection: string;
  calculationMode: string;
  sheets: SheetSnapshot[];
  tables: TableSnapshot[];
  names: { name: string; formula: string }[];
}

function cellAddress(r: number, c: number): string {
  return formatRect({ r0: r, c0: c, r1: r, c1: c });
}

export function sheetSnapshot(sheet: SheetModel): SheetSnapshot {
  const used: Rect | null = usedRect(sheet, false);
  const values: Scalar[][] = [];
  const formulas: Record<string, string> = {};
  const numberFormats: Record<string, string> = {};
  const fills: Record<string, string> = {};
  const bold: string[] = [];
  if (used) {
    for (let r = 0; r <= used.r1; r++) {
      const line: Scalar[] = [];
      for (let c = 0; c <= used.c1; c++) {
        const cell = sheet.rows[r]?.[c];
        line.push(cell?.v ?? "");
        if (!cell) continue;
        const at = cellAddress(r, c);
        if (cell.f !== undefined) formulas[at] = cell.f;
        if (cell.fmt?.numberFormat !== undefined && cell.fmt.numberFormat !== "General")
          numberFormats[at] = cell.fmt.numberFormat;
        if (cell.fmt?.fill !== undefined) fills[at] = cell.fmt.fill;
        if (cell.fmt?.bold === true) bold.push(at);
      }
      values.push(line);
    }
  }
  for (const [c, fmt] of sheet.columnFormats) {
    const at = formatRect({ r0: 0, c0: c, r1: 1_048_575, c1: c });
    if (fmt.numberFormat !== undefined) numberFormats[at] = fmt.numberFormat;
    if (fmt.fill !== undefined) fills[at] = fmt.fill;
  }
  return {
    id: sheet.id,
    name: sheet.name,
    visibility: sheet.visibility,
    protected: sheet.protected,
    values,
    formulas,
    numberFormats,
    fills,
    bold,
    columnWidths: Object.fromEntries(
      [...sheet.columnWidths].map(([c, w]) => [
        formatRect({ r0: 0, c0: c, r1: 1_048_575, c1: c }).split(":")[0] ?? "",
        w,
      ]),
    ),
    hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b).map(columnLetters),
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    validations: sheet.validations.map((v) => ({
      address: formatRect(v.rect),
      rule: structuredClone(v.rule),
    })),
    conditionalFormats: sheet.conditionalFormats.map((cf) => ({
      address: formatRect(cf.rect),
      type: cf.type,
      priority: cf.priority,
      settings: structuredClone(cf.settings),
    })),
    charts: sheet.charts.map((ch) => ({
      name: ch.name,
      type: ch.type,
      source: formatRect(ch.source),
      seriesBy: ch.seriesBy,
      title: ch.title,
      ...(ch.position.topLeft === undefined ? {} : { topLeft: ch.position.topLeft }),
      ...(ch.position.bottomRight === undefined ? {} : { bottomRight: ch.position.bottomRight }),
    })),
  };
}

export function workbookSnapshot(model: WorkbookModel): WorkbookSnapshot {
  const selectionSheet = sheetById(model, model.selection.sheetId);
  return {
    activeSheet: sheetById(model, model.activeSheetId)?.name ?? "",
    selection: selectionSheet ? `${selectionSheet.name}!${formatRect(model.selection.rect)}` : "",
    calculationMode: model.calculationMode,
    sheets: model.sheets.map(sheetSnapshot),
    tables: model.tables.map((t) => {
      const sheet = sheetById(model, t.sheetId);
      return {
        name: t.name,
        sheet: sheet?.name ?? "",
        address: formatRect(t.rect),
        columns: sheet ? columnNames(sheet, t) : [],
        showTotals: t.showTotals,
        style: t.style,
      };
    }),
    names: model.names.map((n) => ({
      name: n.name,
      formula:
        "formula" in n.ref
          ? n.ref.formula
          : `=${sheetById(model, n.ref.sheetId)?.name ?? "#REF!"}!${formatRect(n.ref.rect, true)}`,
    })),
  };
}
