/**
 * The plan file the CLI writes and reads back: sheet "Plan" (the input columns as they were, then
 * Cadence's columns with the plan workbook's FR/EN headers) and sheet "Settings" (key, value, label)
 * holding the period, the place and the capacity, so `track` and `consolidate` can use them.
 */
import * as parse from "../../core/parse";
import type { PlanResult } from "../../core/plan";
import type { CellValue, ChannelCounts, Grid, Lang } from "../../core/types";
import { DEFAULT_CHANNELS, STRATEGIC_SEGMENTS, segmentIdOf } from "../../core/types";
import type { PlanRow } from "../../core/tracking";
import { CliError } from "../errors";
import { readGrid } from "./readGrid";
import { writeTables } from "./writeTable";

export interface PlanSettings {
  periodStart: string;
  periodEnd: string;
  country: string;
  region: string | null;
  capacity: ChannelCounts;
  prospectingVisits: number;
  method: string;
  rep: string | null;
}

const SEGMENT_HEADERS = ["segment"];
const plannedHeader = (lang: Lang, label: { labelFr: string; labelEn: string }): string =>
  lang === "fr" ? `Prévu ${label.labelFr}` : `Planned ${label.labelEn}`;

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
    ...channels.map((ch) => plannedHeader(lang, ch)),
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

/** Appends columns to a grid's rows that hold a client (`rowIds`: grid row index → client id). */
export function withColumns(
  grid: Grid,
  rowIds: ReadonlyMap<number, string>,
  columns: { headers: readonly string[]; values: (id: string) => readonly CellValue[] },
): CellValue[][] {
  const header = grid[0] ?? [];
  const width = header.length;
  const pad = (r: readonly CellValue[]): CellValue[] => Array.from({ length: width }, (_, i) => r[i] ?? "");
  const out: CellValue[][] = [[...pad(header).map((h) => String(h ?? "")), ...columns.headers]];
  grid.forEach((row, index) => {
    const id = rowIds.get(index);
    if (index > 0 && id !== undefined) out.push([...pad(row), ...columns.values(id)]);
  });
  return out;
}

function settingsRows(s: PlanSettings, lang: Lang): CellValue[][] {
  const fr = lang === "fr";
  return [
    ["Key", "Value", fr ? "Libellé" : "Label"],
    ["periodStart", s.periodStart, fr ? "Début de période" : "Period start"],
    ["periodEnd", s.periodEnd, fr ? "Fin de période" : "Period end"],
    ["country", s.country, fr ? "Pays" : "Country"],
    ["region", s.region ?? "", fr ? "Région" : "Region"],
    ...Object.entries(s.capacity).map(([ch, n]) => [
      `capacity.${ch}`,
      n ?? 0,
      fr ? `Capacité ${ch}` : `Capacity ${ch}`,
    ]),
    [
      "prospectingVisits",
      s.prospectingVisits,
      fr ? "Visites réservées à la prospection" : "Visits reserved for prospects",
    ],
    ["method", s.method, fr ? "Méthode" : "Method"],
    ["rep", s.rep ?? "", fr ? "Commercial" : "Rep"],
  ];
}

export async function writePlanFile(
  out: string,
  rows: CellValue[][],
  settings: PlanSettings,
  lang: Lang,
): Promise<void> {
  await writeTables(
    out,
    [
      { sheet: "Plan", table: "Plan", rows },
      {
        sheet: lang === "fr" ? "Paramètres" : "Settings",
        table: "CadenceSettings",
        rows: settingsRows(settings, lang),
      },
    ],
    lang === "fr" ? ";" : ",",
  );
}

export interface PlanFileRead {
  origin: string;
  grid: Grid;
  headerRow: number;
  rowIds: Map<number, string>;
  plan: PlanRow[];
  /** Ids and names, for matching a contacts export to the clients. */
  refs: { id: string; name: string }[];
  settings: Partial<PlanSettings>;
}

/** Reads a plan written by `cadence plan` (or any table with Segment and Planned/Prévu columns). */
export async function readPlanFile(file: string): Promise<PlanFileRead> {
  const read = await readGrid(file, { sheet: undefined });
  const parsed = parse.parsePortfolio(read.grid, { firstRow: read.headerRow });
  const blocking = parsed.issues.filter((i) => i.code !== "unknownValue");
  if (blocking.length > 0) {
    throw new CliError(
      `${read.origin}: ${blocking.length} problem(s):\n${blocking
        .slice(0, 20)
        .map((i) => `  ${parse.formatIssue(i)}`)
        .join("\n")}`,
    );
  }
  const header = (read.grid[0] ?? []).map((h) => parse.normaliseHeader(String(h ?? "")));
  const segmentCol = header.findIndex((h) => SEGMENT_HEADERS.includes(h));
  const plannedCols = DEFAULT_CHANNELS.map((ch) => ({
    channel: ch.id,
    index: header.findIndex(
      (h) =>
        h === parse.normaliseHeader(plannedHeader("fr", ch)) ||
        h === parse.normaliseHeader(plannedHeader("en", ch)),
    ),
  })).filter((c) => c.index >= 0);
  if (segmentCol < 0 || plannedCols.length === 0) {
    throw new CliError(
      `${read.origin}: no plan in this file (columns 'Segment' and 'Planned …'/'Prévu …' are missing): run 'cadence plan' first`,
    );
  }
  const rowIds = new Map<number, string>();
  const plan = parsed.clients.map((c): PlanRow => {
    const index = c.row - read.headerRow;
    rowIds.set(index, c.id);
    const row = read.grid[index] ?? [];
    const rawSegment = String(row[segmentCol] ?? "").trim();
    const planned: ChannelCounts = {};
    for (const p of plannedCols) {
      const n = parse.parseNumber(row[p.index]);
      if (n.kind === "number") planned[p.channel] = n.value;
      else if (n.kind !== "blank")
        throw new CliError(
          `${read.origin}: row ${c.row}, column '${String(read.grid[0]?.[p.index] ?? "")}': not a number`,
        );
    }
    return {
      id: c.id,
      segment: segmentIdOf(rawSegment) ?? rawSegment,
      planned,
      salesN: c.salesN,
      salesN1: c.salesN1,
      potential: c.potential,
    };
  });
  const refs = parsed.clients.map((c) => ({ id: c.id, name: c.name }));
  return {
    origin: read.origin,
    grid: read.grid,
    headerRow: read.headerRow,
    rowIds,
    plan,
    refs,
    settings: await readSettings(file),
  };
}

async function readSettings(file: string): Promise<Partial<PlanSettings>> {
  if (!file.toLowerCase().endsWith(".xlsx")) return {};
  let grid: Grid;
  try {
    grid = (await readGrid(file, { sheet: "Settings" }).catch(() => readGrid(file, { sheet: "Paramètres" })))
      .grid;
  } catch {
    return {};
  }
  const values = new Map(grid.slice(1).map((r) => [String(r[0] ?? ""), r[1]]));
  const text = (k: string): string | undefined => {
    const v = values.get(k);
    return v === undefined || v === "" || v === null ? undefined : String(v);
  };
  const capacity: ChannelCounts = {};
  for (const [k, v] of values)
    if (k.startsWith("capacity.") && typeof v === "number") capacity[k.slice("capacity.".length)] = v;
  const settings: Partial<PlanSettings> = { capacity, region: text("region") ?? null };
  for (const k of ["periodStart", "periodEnd", "country", "method", "rep"] as const) {
    const v = text(k);
    if (v !== undefined) settings[k] = v;
  }
  return settings;
}
