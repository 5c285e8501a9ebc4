/**
 * The plan file the CLI writes and reads back: sheet "Plan" (the input columns as they were, then
 * Cadence's columns with the plan workbook's FR/EN headers) and sheet "Settings" (key, value, label)
 * holding the period, the place and the capacity, so `track` and `consolidate` can use them.
 */
import path from "node:path";
import * as parse from "../../core/parse";
import type { PlanResult } from "../../core/plan";
import type { CellValue, ChannelCounts, Grid, Lang } from "../../core/types";
import { DEFAULT_CHANNELS, STRATEGIC_SEGMENTS } from "../../core/types";
import * as tracking from "../../core/tracking";
import type { PlanRow } from "../../core/tracking";
import type { PlanSettings as WorkbookSettings } from "../../core/workbook/planSettings";
import { planSettingsOf, settingCells, SETTING_NAMES } from "../../core/workbook/planSettings";
import { SETTINGS } from "../../core/workbook/schema";
import { CliError } from "../errors";
import { isPlanWorkbook, loadWorkbook, planWorkbookOf } from "../xlsx/readPlan";
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
  /**
   * The capacity inputs the plan was computed with (leave and RTT, dated or counted, non-field days,
   * visits a day, remote share…), as the plan workbook's named settings: tracking reads them back
   * (dated leave skipped, what a day holds per channel). Absent for a fixed --capacity.
   */
  plan?: WorkbookSettings | null;
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
    // The rest of the plan's settings under the plan workbook's names (period and place are above).
    ...(s.plan === undefined || s.plan === null
      ? []
      : settingCells(s.plan)
          .filter((c) => !PLACE_NAMES.has(c.name))
          .map((c) => {
            const spec = SETTINGS.find((x) => x.name === c.name);
            return [c.name, c.value, spec === undefined ? c.name : fr ? spec.fr : spec.en];
          })),
  ];
}

/** Named settings the plan file already holds under its own keys (periodStart, country…). */
const PLACE_NAMES: ReadonlyMap<string, string> = new Map([
  [SETTING_NAMES.periodStart, "periodStart"],
  [SETTING_NAMES.periodEnd, "periodEnd"],
  [SETTING_NAMES.country, "country"],
  [SETTING_NAMES.region, "region"],
]);

/** The plan's named settings from a plan file's Settings rows; a hand-made error there is exit 2. */
function recordedPlanSettings(
  origin: string,
  values: ReadonlyMap<string, unknown>,
  lang: Lang,
): WorkbookSettings | null {
  if (![...values.keys()].some((k) => k.startsWith("Cadence_"))) return null;
  try {
    return planSettingsOf((name) => values.get(PLACE_NAMES.get(name) ?? name), lang);
  } catch (error: unknown) {
    throw new CliError(`${origin}: ${error instanceof Error ? error.message : String(error)}`);
  }
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
  /** The plan's table as the core's tracking reads it, and its reading. */
  table: tracking.TableRead;
  clients: tracking.ClientsPlan;
  /** A plan workbook's own contacts log, channels and named settings; null for a file of `cadence plan`. */
  workbook: {
    contacts: tracking.TableRead;
    channels: tracking.TableRead;
    settings: WorkbookSettings | null;
  } | null;
}

/** The core's plan rows of the table, stopping with exit 2 on a problem (row and column named). */
function planOf(origin: string, table: tracking.TableRead): tracking.ClientsPlan {
  const read = tracking.clientsPlan(table);
  if (read.issues.length > 0) {
    throw new CliError(
      `${origin}: ${read.issues.length} problem(s):\n${read.issues
        .slice(0, 20)
        .map((i) => `  ${parse.formatIssue(i)}`)
        .join("\n")}`,
    );
  }
  return read;
}

function planFileRead(
  origin: string,
  table: tracking.TableRead,
  settings: Partial<PlanSettings>,
  workbook: PlanFileRead["workbook"],
): PlanFileRead {
  const clients = planOf(origin, table);
  const rowIds = new Map<number, string>();
  clients.gridRows.forEach((index, i) => rowIds.set(index, clients.plan[i]?.id ?? ""));
  return {
    origin,
    grid: table.grid,
    headerRow: table.headerRow ?? 1,
    rowIds,
    plan: clients.plan,
    refs: clients.plan.map((p) => ({ id: p.id, name: clients.names.get(p.id) ?? p.id })),
    settings,
    table,
    clients,
    workbook,
  };
}

const columnsOf = (ids: readonly (string | null)[]): Record<string, number> => {
  const out: Record<string, number> = {};
  ids.forEach((id, i) => {
    if (id !== null && !Object.hasOwn(out, id)) out[id] = i;
  });
  return out;
};

/** A plan workbook (the add-in's, or the template a rep filled): its Clients, Contacts and Channels tables. */
function planWorkbookFile(file: string, wb: Parameters<typeof planWorkbookOf>[0]): PlanFileRead {
  const read = planWorkbookOf(wb);
  const table = (id: "Clients" | "Contacts" | "Channels"): tracking.TableRead => ({
    grid: read.tables[id].grid,
    columns: columnsOf(read.tables[id].columnIds),
    headerRow: read.tables[id].headerRow,
  });
  const origin = `${path.basename(file)}, table Clients`;
  let named: WorkbookSettings | null;
  try {
    named = planSettingsOf((name: string) => read.settings[name], read.lang);
  } catch (error: unknown) {
    // Dated leave the rep made unreadable in the Settings sheet: the setting is named (exit 2).
    throw new CliError(`${origin}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const settings: Partial<PlanSettings> =
    named === null
      ? {}
      : {
          periodStart: named.periodStart,
          periodEnd: named.periodEnd,
          country: named.country,
          region: named.region === "" ? null : named.region,
        };
  return planFileRead(origin, table("Clients"), settings, {
    contacts: table("Contacts"),
    channels: table("Channels"),
    settings: named,
  });
}

/**
 * Reads a plan: a plan workbook (the add-in's or the template's), or a file written by `cadence plan`
 * (or any table with Segment and Planned/Prévu columns).
 */
export async function readPlanFile(file: string): Promise<PlanFileRead> {
  if (/\.xls[xm]$/i.test(file)) {
    const wb = await loadWorkbook(file);
    if (isPlanWorkbook(wb)) return planWorkbookFile(file, wb);
  }
  const read = await readGrid(file, { sheet: undefined });
  const header = (read.grid[0] ?? []).map((h) => parse.normaliseHeader(String(h ?? "")));
  const hasSegment = header.some((h) => SEGMENT_HEADERS.includes(h));
  const hasPlanned = DEFAULT_CHANNELS.some((ch) =>
    header.some(
      (h) =>
        h === parse.normaliseHeader(plannedHeader("fr", ch)) ||
        h === parse.normaliseHeader(plannedHeader("en", ch)),
    ),
  );
  if (!hasSegment || !hasPlanned) {
    throw new CliError(
      `${read.origin}: no plan in this file (columns 'Segment' and 'Planned …'/'Prévu …' are missing): run 'cadence plan' first`,
    );
  }
  return planFileRead(
    read.origin,
    { grid: read.grid, headerRow: read.headerRow },
    await readSettings(file),
    null,
  );
}

async function readSettings(file: string): Promise<Partial<PlanSettings>> {
  if (!file.toLowerCase().endsWith(".xlsx")) return {};
  let grid: Grid;
  let lang: Lang = "en";
  try {
    grid = (
      await readGrid(file, { sheet: "Settings" }).catch(() => {
        lang = "fr";
        return readGrid(file, { sheet: "Paramètres" });
      })
    ).grid;
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
  const prospecting = values.get("prospectingVisits");
  if (typeof prospecting === "number") settings.prospectingVisits = prospecting;
  for (const k of ["periodStart", "periodEnd", "country", "method", "rep"] as const) {
    const v = text(k);
    if (v !== undefined) settings[k] = v;
  }
  settings.plan = recordedPlanSettings(path.basename(file), values, lang);
  return settings;
}
