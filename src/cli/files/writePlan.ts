/**
 * Writes a plan file: the input columns as they were, then Cadence's columns (segment, planned per
 * channel, weighted planned, explanation). Written to a temporary file and renamed, so a failure
 * never leaves a partial file behind.
 */
import { rm, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { PlanResult } from "../../core/plan";
import type { CellValue } from "../../core/types";
import { DEFAULT_CHANNELS, STRATEGIC_SEGMENTS } from "../../core/types";
import { CliError } from "../errors";

type Lang = "fr" | "en";

export function planColumns(
  result: PlanResult,
  lang: Lang,
): { headers: string[]; values: (id: string) => CellValue[] } {
  const channels = DEFAULT_CHANNELS.filter((ch) =>
    result.clients.some((c) => c.planned[ch.id] !== undefined),
  );
  const byId = new Map(result.clients.map((c) => [c.id, c]));
  const label = (id: string): string => {
    const s = STRATEGIC_SEGMENTS.find((x) => x.id === id);
    return s === undefined ? id : lang === "fr" ? s.labelFr : s.labelEn;
  };
  const headers = [
    "Segment",
    ...channels.map((ch) => (lang === "fr" ? `Prévu ${ch.labelFr}` : `Planned ${ch.labelEn}`)),
    lang === "fr" ? "Prévu pondéré" : "Weighted planned",
    lang === "fr" ? "Explication" : "Explanation",
  ];
  return {
    headers,
    values: (id) => {
      const c = byId.get(id);
      if (c === undefined) return headers.map(() => "");
      return [
        label(c.segment),
        ...channels.map((ch) => c.planned[ch.id] ?? 0),
        Math.round(c.weightedPlanned * 100) / 100,
        c.explanation,
      ];
    },
  };
}

/**
 * `rowIds` maps a grid row index (0 = header) to the id of the client parsed from it; rows without a
 * client (blank ones) are left out, the others keep their order and cells.
 */
export async function writePlanFile(
  out: string,
  grid: readonly (readonly CellValue[])[],
  rowIds: ReadonlyMap<number, string>,
  result: PlanResult,
  lang: Lang,
): Promise<void> {
  const ext = path.extname(out).toLowerCase();
  if (ext !== ".xlsx" && ext !== ".csv")
    throw new CliError(`--out must end in .xlsx or .csv, not '${ext || out}'`);
  const header = grid[0] ?? [];
  const cols = planColumns(result, lang);
  const width = header.length;
  const pad = (r: readonly CellValue[]): CellValue[] => Array.from({ length: width }, (_, i) => r[i] ?? "");
  const table: CellValue[][] = [[...pad(header).map((h) => String(h ?? "")), ...cols.headers]];
  grid.forEach((row, index) => {
    const id = rowIds.get(index);
    if (index > 0 && id !== undefined) table.push([...pad(row), ...cols.values(id)]);
  });
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    if (ext === ".csv") {
      await writeFile(
        tmp,
        `\uFEFF${Papa.unparse(
          table.map((r) => r.map((v) => v ?? "")),
          { delimiter: lang === "fr" ? ";" : "," },
        )}\n`,
      );
    } else {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Plan", { views: [{ state: "frozen", ySplit: 1 }] });
      ws.addTable({
        name: "Plan",
        ref: "A1",
        headerRow: true,
        style: { theme: "TableStyleMedium2", showRowStripes: true },
        columns: (table[0] ?? []).map((h) => ({ name: String(h), filterButton: true })),
        rows: table.slice(1).map((r) => r.map((v) => (v === null || v === undefined ? "" : v))),
      });
      ws.columns.forEach((c, i) => {
        c.width = Math.min(40, Math.max(10, String(table[0]?.[i] ?? "").length + 2));
      });
      await wb.xlsx.writeFile(tmp);
    }
    await rename(tmp, out);
  } catch (error) {
    await rm(tmp, { force: true });
    if (error instanceof CliError) throw error;
    throw new CliError(
      `${out}: cannot write the plan (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}
