/**
 * `cadence plan <portfolio.xlsx|.csv>`: reads a client list, segments it, computes the rep's capacity,
 * allocates it and writes the plan (input columns kept, Cadence columns added) or prints it as JSON.
 */
import type { Command } from "commander";
import * as capacity from "../../core/capacity";
import * as parse from "../../core/parse";
import * as plan from "../../core/plan";
import type { PlanSettings as WorkbookSettings } from "../../core/workbook/planSettings";
import { CliError } from "../errors";
import { readGrid } from "../files/readGrid";
import { planColumns, withColumns, writePlanFile } from "../files/planFile";
import { daysOption, intOption, numberOption } from "../options";

export interface PlanCommandOptions {
  sheet?: string;
  table?: string;
  year: number;
  country: string;
  region?: string;
  capacity?: number;
  perDay?: number;
  leave: capacity.DaysInput;
  rtt: capacity.DaysInput;
  nonField: number;
  remoteShare: number;
  remotePerDay: number;
  prospecting: number;
  method: string;
  mode: string;
  floor?: boolean;
  months: number;
  out?: string;
  json?: boolean;
  lang: string;
  rep?: string;
}

/** The capacity to share out: a fixed number of visits, or the working-day computation of the year. */
function planCapacity(o: PlanCommandOptions): {
  plan: plan.PlanCapacity;
  visits: number;
  detail: capacity.CapacityResult | null;
} {
  if (o.capacity !== undefined && o.perDay !== undefined)
    throw new CliError("give --capacity or --per-day, not both");
  if (o.capacity !== undefined) {
    const prospects = Math.round(o.capacity * o.prospecting);
    // A fixed visit capacity says nothing of remote time: the remote norms stand, as before.
    return {
      plan: { perChannel: { visit: o.capacity }, prospecting: { visits: prospects } },
      visits: o.capacity,
      detail: null,
    };
  }
  try {
    const detail = capacity.computeCapacity({
      period: { start: `${o.year}-01-01`, end: `${o.year}-12-31` },
      country: o.country,
      region: o.region ?? null,
      leaveDays: o.leave,
      rttDays: o.rtt,
      nonFieldDays: o.nonField,
      contactsPerDay: { visit: o.perDay ?? 4 },
      remoteShare: o.remoteShare,
      remotePerDay: o.remotePerDay,
      prospectingShare: o.prospecting,
    });
    return {
      plan: {
        perChannel: detail.perChannel,
        prospecting: detail.prospecting,
        remote: { visitEquivalents: detail.remote.visitEquivalents, perDay: detail.remote.perDay },
      },
      visits: detail.perChannel.visit ?? 0,
      detail,
    };
  } catch (error) {
    throw new CliError(`capacity: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The capacity inputs as the plan workbook's settings record them, for tracking to read back. */
function recordedSettings(o: PlanCommandOptions): WorkbookSettings {
  const counted = (d: capacity.DaysInput): number => (typeof d === "number" ? d : 0);
  const dated = (d: capacity.DaysInput): readonly capacity.DatedPeriod[] => (typeof d === "number" ? [] : d);
  return {
    periodStart: `${o.year}-01-01`,
    periodEnd: `${o.year}-12-31`,
    country: o.country,
    region: o.region ?? "",
    leaveDays: counted(o.leave),
    leavePeriods: dated(o.leave),
    rttDays: counted(o.rtt),
    rttPeriods: dated(o.rtt),
    nonFieldDays: o.nonField,
    contactsPerDay: o.perDay ?? 4,
    prospectingShare: o.prospecting,
    remoteShare: o.remoteShare,
    remotePerDay: o.remotePerDay,
  };
}

export async function runPlan(file: string, o: PlanCommandOptions): Promise<void> {
  if (o.method !== "norms" && o.method !== "optimized")
    throw new CliError(`--method must be norms or optimized, not '${o.method}'`);
  if (o.lang !== "fr" && o.lang !== "en") throw new CliError(`--lang must be fr or en, not '${o.lang}'`);
  if (o.mode !== "proportional" && o.mode !== "priority")
    throw new CliError(`--mode must be proportional or priority, not '${o.mode}'`);
  const lang = o.lang;
  const read = await readGrid(file, { sheet: o.sheet, table: o.table });
  const parsed = parse.parsePortfolio(read.grid, { firstRow: read.headerRow });
  if (parsed.issues.length > 0) {
    const shown = parsed.issues.slice(0, 20).map((i) => `  ${parse.formatIssue(i, lang)}`);
    const more = parsed.issues.length > 20 ? `\n  … and ${parsed.issues.length - 20} more` : "";
    throw new CliError(
      `${read.origin}: ${parsed.issues.length} problem(s) in the client list:\n${shown.join("\n")}${more}`,
    );
  }
  if (parsed.clients.length === 0) throw new CliError(`${read.origin}: no client rows under the header row`);
  const cap = planCapacity(o);
  let result: plan.PlanResult;
  try {
    result = plan.buildPlan(parsed.clients, {
      segmentation: { method: "strategic", params: { monthsN: o.months } },
      capacity: cap.plan,
      method: o.method,
      mode: o.mode,
      floor: o.floor === true,
    });
  } catch (error) {
    throw new CliError(`${read.origin}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (o.out !== undefined) {
    const rowIds = new Map(parsed.clients.map((c) => [c.row - read.headerRow, c.id]));
    const rows = withColumns(read.grid, rowIds, planColumns(result, lang));
    await writePlanFile(
      o.out,
      rows,
      {
        periodStart: `${o.year}-01-01`,
        periodEnd: `${o.year}-12-31`,
        country: o.country,
        region: o.region ?? null,
        capacity: cap.plan.perChannel,
        prospectingVisits: cap.plan.prospecting.visits,
        method: result.method,
        rep: o.rep ?? null,
        plan: cap.detail === null ? null : recordedSettings(o),
      },
      lang,
    );
  }
  if (o.json === true) {
    const json = {
      capacity: cap.visits,
      capacityByChannel: cap.plan.perChannel,
      prospectingVisits: cap.plan.prospecting.visits,
      method: result.method,
      segments: result.segments,
      clients: result.clients.map((c) => ({
        id: c.id,
        segment: c.segment,
        planned: c.planned.visit ?? 0,
        plannedByChannel: c.planned,
        weightedPlanned: c.weightedPlanned,
      })),
      mode: result.mode,
      constrained: result.constrained,
      remote: cap.detail === null ? null : cap.detail.remote,
      unfunded: result.unfunded,
      leftAtZero: result.leftAtZero,
      floored: result.floored,
      notes: lang === "fr" ? result.notesFr : result.notes,
    };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    const lines = [
      `${read.origin}: ${result.clients.length} clients, method ${result.method}`,
      ...(cap.detail?.lines.map((l) => `  ${lang === "fr" ? l.labelFr : l.labelEn}: ${l.value}`) ?? [
        `  visit capacity: ${cap.visits}`,
      ]),
      `  segments: ${Object.entries(result.segments)
        .map(([s, n]) => `${s} ${n}`)
        .join(", ")}`,
      ...result.pools.map(
        (p) =>
          `  ${p.channel} (${p.pool}): demand ${p.demand}, capacity ${p.result.capacity}, planned ${p.result.total}${p.result.spare > 0 ? `, spare ${p.result.spare}` : ""}`,
      ),
      lang === "fr"
        ? `  ${result.constrained ? "le capital contraint le plan" : "le capital ne contraint pas le plan"}`
        : `  ${result.constrained ? "the capacity constrains the plan" : "the capacity does not constrain the plan"}`,
      ...(lang === "fr" ? result.notesFr : result.notes).map((n) => `  note: ${n}`),
      o.out === undefined ? "  (add --out plan.xlsx to write the plan)" : `  plan written to ${o.out}`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  }
}

export function register(program: Command): void {
  program
    .command("plan")
    .description("segment a client list, compute capacity, allocate it and write the plan")
    .argument(
      "<portfolio>",
      "client list: .xlsx (first table of the sheet, else its used range) or .csv (',' or ';')",
    )
    .option("--sheet <name>", "sheet to read (default: the first visible sheet)")
    .option("--table <name>", "Excel table to read (default: the sheet's first table)")
    .option("--year <yyyy>", "year of the plan", intOption("--year"), new Date().getFullYear() + 1)
    .option("--country <code>", "country of the public holidays", "FR")
    .option("--region <code>", "region of the public holidays (e.g. 67 for Bas-Rhin)")
    .option(
      "--capacity <visits>",
      "visit capacity of the year (instead of working days × visits per day)",
      intOption("--capacity"),
    )
    .option("--per-day <visits>", "visits per field day (default 4)", numberOption("--per-day"))
    .option(
      "--leave <days>",
      "days of leave in the year, or dated periods 2027-08-02:2027-08-20,… (their working days)",
      daysOption("--leave"),
      25,
    )
    .option("--rtt <days>", "RTT days in the year (its own line), or dated periods", daysOption("--rtt"), 0)
    .option(
      "--non-field <days>",
      "days out of the field (admin, training, meetings)",
      numberOption("--non-field"),
      20,
    )
    .option(
      "--remote-share <share>",
      "share of the available days at the desk for video, calls and digital (0.2 = one day a week)",
      numberOption("--remote-share"),
      0,
    )
    .option(
      "--remote-per-day <ve>",
      "visit-equivalents a remote day holds (3 = 12 calls)",
      numberOption("--remote-per-day"),
      3,
    )
    .option(
      "--prospecting <share>",
      "share of visits reserved for prospects",
      numberOption("--prospecting"),
      0.2,
    )
    .option("--method <method>", "norms (scaled norms) or optimized (CALLPLAN)", "norms")
    .option(
      "--mode <mode>",
      "norms method when capacity is short: proportional (every norm alike) or priority (Retain, At risk, Develop, Maintain)",
      "proportional",
    )
    .option("--floor", "keep one contact a year for every active client")
    .option(
      "--months <m>",
      "months of the year the CA N column covers (the trend compares the same months of CA N-1)",
      intOption("--months"),
      12,
    )
    .option("--out <file>", "write the plan: .xlsx or .csv")
    .option("--json", "print { capacity, segments, clients: [{ id, segment, planned }] } to stdout")
    .option("--lang <lang>", "language of messages and headers: fr or en", "en")
    .option("--rep <name>", "the rep whose plan this is (kept in the plan file for consolidation)")
    .action(async (file: string, options: PlanCommandOptions) => {
      await runPlan(file, options);
    });
}
