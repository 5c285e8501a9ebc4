/**
 * The workbench's in-memory workbook: plain data that the fake Excel API reads and writes at sync.
 */
import type { Rect } from "./address";

export type Scalar = string | number | boolean;

export interface CellFormat {
  numberFormat?: string;
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  horizontalAlignment?: string;
  wrapText?: boolean;
}

/** A stored cell: its value ("" when blank), its formula when it has one, and its own formats. */
export interface Cell {
  v: Scalar;
  f?: string;
  fmt?: CellFormat;
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface ValidationModel {
  rect: Rect;
  rule: Record<string, unknown>;
  ignoreBlanks: boolean;
  errorAlert?: Record<string, unknown>;
  prompt?: Record<string, unknown>;
}

export interface ConditionalFormatModel {
  id: string;
  type: string;
  rect: Rect;
  priority: number;
  stopIfTrue: boolean;
  /** Rule and format as the add-in set them (cellValue, custom, textComparison…), kept as plain data. */
  settings: Record<string, unknown>;
}

export interface ChartModel {
  id: string;
  name: string;
  type: string;
  source: Rect;
  seriesBy: string;
  title: string;
  position: {
    top: number;
    left: number;
    width: number;
    height: number;
    topLeft?: string;
    bottomRight?: string;
  };
  settings: Record<string, unknown>;
}

export interface SheetModel {
  id: string;
  name: string;
  visibility: Visibility;
  protected: boolean;
  password?: string;
  tabColor: string;
  /** Sparse rows of sparse cells. */
  rows: ((Cell | undefined)[] | undefined)[];
  /** Formats set on whole columns / rows (apply to cells without their own value for that format). */
  columnFormats: Map<number, CellFormat>;
  rowFormats: Map<number, CellFormat>;
  columnWidths: Map<number, number>;
  /** Hidden columns (Range.columnHidden), by index. */
  hiddenColumns: Set<number>;
  rowHeights: Map<number, number>;
  frozenRows: number;
  frozenColumns: number;
  validations: ValidationModel[];
  conditionalFormats: ConditionalFormatModel[];
  charts: ChartModel[];
  /** Set by writes, cleared by recalculation. */
  dirty?: boolean;
  /** Set once a formula is written: sheets without formulas are skipped by recalculation. */
  hasFormulas?: boolean;
}

export interface TableModel {
  id: string;
  name: string;
  sheetId: string;
  /** The whole table, header row included (and total row when shown). */
  rect: Rect;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
  /** Stable column ids, one per column of rect, left to right. */
  columnIds: number[];
  nextColumnId: number;
}

export interface NameModel {
  name: string;
  comment: string;
  visible: boolean;
  /** A range reference, or a constant formula such as "=2026". */
  ref: { sheetId: string; rect: Rect } | { formula: string };
}

export interface WorkbookModel {
  sheets: SheetModel[];
  tables: TableModel[];
  names: NameModel[];
  activeSheetId: string;
  /** The selected range; `areas` when several are selected (rect is then the first). */
  selection: { sheetId: string; rect: Rect; areas?: Rect[] };
  calculationMode: string;
  nextId: number;
}
