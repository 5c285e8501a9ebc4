/**
 * Writes tables to an .xlsx (one sheet and Excel table each) or a .csv (the first table only),
 * through a temporary file renamed at the end, so a failure never leaves a partial file behind.
 */
import { rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { CellValue } from "../../core/types";
import { CliError } from "../errors";

export interface SheetOut {
  sheet: string;
  /** Excel table name (letters, digits, underscores). */
  table: string;
  /** Header row first. */
  rows: readonly (readonly CellValue[])[];
  /** Hidden sheets hold what Cadence reads back (settings), not what reps read. */
  hidden?: boolean;
}

const cell = (v: CellValue): string | number | boolean => (v === null || v === undefined ? "" : v);

export async function writeTables(
  out: string,
  sheets: readonly SheetOut[],
  csvDelimiter = ",",
): Promise<void> {
  const ext = path.extname(out).toLowerCase();
  if (ext !== ".xlsx" && ext !== ".csv")
    throw new CliError(`--out must end in .xlsx or .csv, not '${ext || out}'`);
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    if (ext === ".csv") {
      const rows = sheets[0]?.rows ?? [];
      await writeFile(
        tmp,
        `\uFEFF${Papa.unparse(
          rows.map((r) => r.map(cell)),
          { delimiter: csvDelimiter },
        )}\n`,
      );
    } else {
      const wb = new ExcelJS.Workbook();
      for (const s of sheets) {
        const ws = wb.addWorksheet(s.sheet, {
          views: [{ state: "frozen", ySplit: 1 }],
          state: s.hidden === true ? "hidden" : "visible",
        });
        const [header = [], ...body] = s.rows;
        ws.addTable({
          name: s.table,
          ref: "A1",
          headerRow: true,
          style: { theme: "TableStyleMedium2", showRowStripes: true },
          columns: header.map((h) => ({ name: String(cell(h)), filterButton: true })),
          rows: body.length > 0 ? body.map((r) => header.map((_, i) => cell(r[i]))) : [header.map(() => "")],
        });
        ws.columns.forEach((c, i) => {
          c.width = Math.min(40, Math.max(10, String(cell(header[i])).length + 2));
        });
      }
      await wb.xlsx.writeFile(tmp);
    }
    await rename(tmp, out);
  } catch (error) {
    await rm(tmp, { force: true });
    if (error instanceof CliError) throw error;
    throw new CliError(
      `${out}: cannot write the file (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}
