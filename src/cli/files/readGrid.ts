/**
 * Reads a client list from a file into a Grid (header row first), the shape Excel's Range.values has:
 * an .xlsx (the named table, else the first Excel table of the sheet, else its used range) or a .csv
 * (`,` or `;`, quoted fields, UTF-8 with or without BOM).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import * as parse from "../../core/parse";
import type { CellValue } from "../../core/types";
import { CliError } from "../errors";
import { plainValue } from "../xlsx/readPlan";

export interface GridRead {
  grid: CellValue[][];
  /** Where the grid came from, for messages: "clients.xlsx, sheet Clients, table Portefeuille". */
  origin: string;
  /** 1-based sheet row of the grid's header row (a table may start below row 1). */
  headerRow: number;
}

export interface GridOptions {
  sheet?: string | undefined;
  table?: string | undefined;
}

export async function readGrid(file: string, options: GridOptions = {}): Promise<GridRead> {
  const ext = path.extname(file).toLowerCase();
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new CliError(
      `${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  if (ext === ".csv" || ext === ".txt") return readCsv(file, bytes);
  if (ext === ".xlsx" || ext === ".xlsm") return readXlsx(file, bytes, options);
  throw new CliError(`${file}: unsupported file type '${ext || "(none)"}'; give an .xlsx or a .csv file`);
}

function readCsv(file: string, bytes: Buffer): GridRead {
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  // Blank lines are kept (the parsers skip them) so that row numbers in messages are the file's own.
  const parsed = Papa.parse<string[]>(text.replace(/\r?\n$/, ""), { delimiter, skipEmptyLines: false });
  const fatal = parsed.errors.find((e) => e.type === "Quotes");
  if (fatal) throw new CliError(`${file}: row ${(fatal.row ?? 0) + 1}: ${fatal.message}`);
  if (parsed.data.length === 0) throw new CliError(`${file}: the file is empty`);
  return { grid: parsed.data, origin: path.basename(file), headerRow: 1 };
}

/** The table's address, as ExcelJS keeps it for a table loaded from a file or created in memory. */
function tableRef(table: ExcelJS.Table): string | undefined {
  const model = (table as unknown as { table?: { tableRef?: string; ref?: string } }).table;
  return model?.tableRef ?? model?.ref;
}

async function readXlsx(file: string, bytes: Buffer, options: GridOptions): Promise<GridRead> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new CliError(
      `${file}: not a readable .xlsx workbook (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const ws =
    options.sheet === undefined
      ? wb.worksheets.find((w) => w.state === "visible")
      : wb.getWorksheet(options.sheet);
  if (ws === undefined) {
    const names = wb.worksheets.map((w) => w.name).join(", ");
    throw new CliError(`${file}: no sheet named '${options.sheet ?? ""}' (sheets: ${names})`);
  }
  // ExcelJS's typings say [Table, void][]; at run time it returns the Table objects.
  const tables = ws.getTables() as unknown as ExcelJS.Table[];
  const table = options.table === undefined ? tables[0] : tables.find((t) => t.name === options.table);
  if (options.table !== undefined && table === undefined) {
    throw new CliError(
      `${file}: sheet '${ws.name}' has no table named '${options.table}' (tables: ${tables.map((t) => t.name).join(", ") || "none"})`,
    );
  }
  const ref = table === undefined ? undefined : tableRef(table);
  let top = 1;
  let left = 1;
  let bottom = ws.actualRowCount === 0 ? 0 : ws.rowCount;
  let right = ws.columnCount;
  if (ref !== undefined) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref.replace(/\$/g, ""));
    if (m) {
      [left, top, right, bottom] = [
        colNumber(m.at(1) ?? "A"),
        Number(m.at(2)),
        colNumber(m.at(3) ?? "A"),
        Number(m.at(4)),
      ];
    }
  }
  if (table === undefined) top = headerRowOf(ws, top, bottom, left, right);
  const grid: CellValue[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row = ws.getRow(r);
    const values: CellValue[] = [];
    for (let c = left; c <= right; c++) values.push(plainValue(row.getCell(c).value));
    grid.push(values);
  }
  while (grid.length > 1 && (grid.at(-1) ?? []).every((v) => v === "")) grid.pop();
  if (grid.length === 0) throw new CliError(`${file}: sheet '${ws.name}' is empty`);
  const where = table === undefined ? `sheet ${ws.name}` : `sheet ${ws.name}, table ${table.name}`;
  return { grid, origin: `${path.basename(file)}, ${where}`, headerRow: top };
}

/**
 * Without a table, the header row is the first of the top rows where most headers are recognised
 * (a title or a blank line often sits above the real header).
 */
function headerRowOf(
  ws: ExcelJS.Worksheet,
  top: number,
  bottom: number,
  left: number,
  right: number,
): number {
  let best = top;
  let bestScore = 0;
  for (let r = top; r <= Math.min(bottom, top + 19); r++) {
    const row = ws.getRow(r);
    let score = 0;
    for (let c = left; c <= right; c++) {
      const v = plainValue(row.getCell(c).value);
      if (typeof v === "string" && parse.matchHeader(v) !== null) score++;
    }
    if (score > bestScore) [best, bestScore] = [r, score];
  }
  return bestScore >= 2 ? best : top;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
