/**
 * `cadence track <plan> --contacts <export>`: the plan's tracking as of a date — KPIs, the two named
 * symptoms, per-client pace and status — printed (or as JSON) and written back into the plan with --out.
 */
import type { Command } from "commander";
import * as tracking from "../../core/tracking";
import type { CellValue, Lang } from "../../core/types";
import { DEFAULT_CHANNELS } from "../../core/types";
import type { PlanSettings } from "../../core/workbook/planSettings";
import { statusText } from "../../core/workbook/schema";
import { CliError } from "../errors";
import { pct, round } from "../format";
import { readPlanFile, withColumns, writePlanFile, type PlanFileRead } from "../files/planFile";
import { readGrid } from "../files/readGrid";
import { numberOption } from "../options";

export interface TrackCommandOptions {
  /** A CRM export; without it, a plan workbook's own Contacts table. */
  contacts?: string;
  asOf?: string;
  country?: string;
  region?: string;
  tolerance: number;
  json?: boolean;
  out?: string;
  lang: string;
}

export interface TrackRun {
  plan: PlanFileRead;
  /** The core's tracking of the plan (trackWorkbook). */
  tracking: tracking.WorkbookTracking;
  result: tracking.TrackingResult;
  kpis: tracking.PortfolioKpis;
  parsed: tracking.ParsedContacts;
}

const today = (): string => new Date().toISOString().slice(0, 10);

export interface TrackPlanOptions {
  asOf?: string | undefined;
  country?: string | undefined;
  region?: string | undefined;
  tolerance?: number;
}

/** The as-of date of the options, checked (default today). */
export function asOfOption(asOf: string | undefined): string {
  const value = asOf ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new CliError(`--as-of must be a date YYYY-MM-DD, not '${value}'`);
  return value;
}

/** A contacts export's problems that stop the command (exit 2): a missing column, a bad date. */
function checkContacts(origin: string, parsed: tracking.ParsedContacts): void {
  const blocking = parsed.issues.filter((i) => i.code === "missingColumn" || i.code === "badDate");
  if (blocking.length > 0) {
    throw new CliError(
      `${origin}: ${blocking.length} problem(s):\n${blocking
        .slice(0, 20)
        .map((i) => `  row ${i.row}, column '${i.column}': ${i.message}`)
        .join("\n")}`,
    );
  }
}

/** Reads a contacts export against these clients; a missing column or a bad date stops with exit 2. */
export async function readContactsFile(
  contactsFile: string,
  refs: readonly tracking.ClientRef[],
  options: tracking.ParseContactsOptions = {},
): Promise<{ origin: string; parsed: tracking.ParsedContacts }> {
  const read = await readGrid(contactsFile);
  const parsed = tracking.parseContacts(read.grid, refs, options);
  checkContacts(read.origin, parsed);
  return { origin: read.origin, parsed };
}

/**
 * The plan's settings for tracking — a plan workbook's named settings, or those a file of `cadence
 * plan` recorded (leave, RTT, remote share…) — the command's options first.
 */
function trackingSettings(plan: PlanFileRead, o: TrackPlanOptions, asOf: string): PlanSettings {
  const s = plan.workbook?.settings ?? plan.settings.plan ?? tracking.defaultPlanSettings(asOf);
  return {
    ...s,
    periodStart: plan.settings.periodStart ?? s.periodStart,
    periodEnd: plan.settings.periodEnd ?? s.periodEnd,
    country: o.country ?? plan.settings.country ?? s.country,
    region: o.region ?? plan.settings.region ?? s.region,
  };
}

/** The core's figures, a failure of the core (an unknown calendar…) reported with the plan's name (exit 2). */
function tracked(plan: PlanFileRead, compute: () => tracking.WorkbookTracking): TrackRun {
  try {
    const t = compute();
    return { plan, tracking: t, result: t.result, kpis: t.kpis, parsed: t.contacts };
  } catch (error) {
    throw new CliError(`${plan.origin}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Tracks a plan read from a file against contacts already parsed (a team export split by rep). */
export function trackPlan(
  plan: PlanFileRead,
  parsed: tracking.ParsedContacts,
  o: TrackPlanOptions,
): TrackRun {
  const asOf = asOfOption(o.asOf);
  return tracked(plan, () =>
    tracking.trackParsed({
      clients: plan.clients,
      contacts: parsed,
      settings: trackingSettings(plan, o, asOf),
      tolerance: o.tolerance ?? null,
      asOf,
    }),
  );
}

/**
 * Reads a plan and tracks it against a contacts export, or, without one, against the plan workbook's
 * own Contacts table (none in a file of `cadence plan`): the core's trackWorkbook, as the add-in's refresh.
 */
export async function trackPlanFile(
  file: string,
  contactsFile: string | undefined,
  o: TrackPlanOptions,
): Promise<TrackRun> {
  const plan = await readPlanFile(file);
  const asOf = asOfOption(o.asOf);
  const exported = contactsFile === undefined ? null : await readGrid(contactsFile);
  const contacts = exported === null ? (plan.workbook?.contacts ?? { grid: [] }) : { grid: exported.grid };
  const run = tracked(plan, () =>
    tracking.trackWorkbook({
      clients: plan.table,
      contacts,
      channels: plan.workbook?.channels ?? null,
      settings: trackingSettings(plan, o, asOf),
      tolerance: o.tolerance ?? null,
      asOf,
    }),
  );
  if (exported !== null) checkContacts(exported.origin, run.parsed);
  return run;
}

function trackingColumns(
  run: TrackRun,
  lang: Lang,
): { headers: string[]; values: (id: string) => CellValue[] } {
  const byId = new Map(run.result.clients.map((c) => [c.id, c]));
  const fr = lang === "fr";
  const channels = DEFAULT_CHANNELS.filter((ch) =>
    run.result.clients.some((c) => (c.actual[ch.id] ?? 0) > 0 || (c.planned[ch.id] ?? 0) > 0),
  );
  return {
    headers: [
      ...channels.map((ch) => (fr ? `Réalisé ${ch.labelFr}` : `Actual ${ch.labelEn}`)),
      fr ? "Rythme" : "Pace",
      fr ? "Statut" : "Status",
      fr ? "Dernier contact" : "Last contact",
      fr ? "En retard" : "Overdue",
    ],
    values: (id) => {
      const c = byId.get(id);
      if (c === undefined) return [];
      const status = statusText(c.status, fr ? "fr" : "en");
      return [
        ...channels.map((ch) => c.actual[ch.id] ?? 0),
        round(c.pace, 3) ?? "",
        status,
        c.lastContact ?? "",
        c.overdue ? (fr ? "oui" : "yes") : "",
      ];
    },
  };
}

/** The catch-up per channel against what a day holds (the core's lines), and what cannot be made this year. */
export function catchUpText(run: TrackRun, lang: Lang): string[] {
  const lines = run.tracking.catchUpLines;
  if (lines.length === 0) return [];
  const fr = lang === "fr";
  const n = (x: number | null): string =>
    x === null ? "–" : fr ? x.toFixed(2).replace(".", ",") : x.toFixed(2);
  const days = run.result.elapsed.remainingDays;
  const label = (id: string): string => {
    const ch = run.tracking.channels.find((c) => c.id === id);
    return ch === undefined ? id : fr ? ch.labelFr : ch.labelEn;
  };
  return [
    fr
      ? `  rattrapage par canal (${days} jours ouvrés restants) :`
      : `  catch-up per channel (${days} working days left):`,
    ...lines.map((l) => {
      const head = fr
        ? `    ${label(l.channel)} : ${l.remaining} restants, ${n(l.perDay)} par jour pour ${n(l.holds)} possibles par jour`
        : `    ${label(l.channel)}: ${l.remaining} left, ${n(l.perDay)} a day against ${n(l.holds)} a day can hold`;
      if (l.reachable) return head;
      return fr
        ? `${head} : ${l.cannotMake} ne pourront pas être faits cette année`
        : `${head}: ${l.cannotMake} cannot be made this year`;
    }),
  ];
}

export async function runTrack(file: string, o: TrackCommandOptions): Promise<void> {
  if (o.lang !== "fr" && o.lang !== "en") throw new CliError(`--lang must be fr or en, not '${o.lang}'`);
  const run = await trackPlanFile(file, o.contacts, o);
  if (o.contacts === undefined && run.plan.workbook === null)
    throw new CliError(
      `--contacts <file> is required: ${run.plan.origin} is a plan file without a Contacts table (a plan workbook has one)`,
    );
  const k = run.kpis;
  if (o.out !== undefined) {
    const planCols = { headers: [] as string[], values: () => [] as CellValue[] };
    const rows = withColumns(run.plan.grid, run.plan.rowIds, planCols);
    const tracked = withColumns(rows, run.plan.rowIds, trackingColumns(run, o.lang));
    const s = run.plan.settings;
    await writePlanFile(
      o.out,
      tracked,
      {
        periodStart: run.result.period.start,
        periodEnd: run.result.period.end,
        country: s.country ?? o.country ?? "FR",
        region: s.region ?? o.region ?? null,
        capacity: s.capacity ?? {},
        prospectingVisits: s.prospectingVisits ?? 0,
        method: s.method ?? "",
        rep: s.rep ?? null,
        plan: run.tracking.frame.settings,
      },
      o.lang,
    );
  }
  if (o.json === true) {
    const json = {
      asOf: k.asOf,
      attainment: round(k.attainment),
      attainmentToDate: round(k.attainmentToDate),
      pace: round(k.pace),
      reach: round(k.reach),
      frequency: round(k.frequency),
      coverage: round(k.coverage),
      concentration: round(k.concentration.topRatio),
      gini: round(k.concentration.gini),
      saturatedTop: k.saturatedTopAccounts,
      neglectedAtRisk: k.neglectedAtRisk,
      overdue: k.overdue,
      unmatchedContacts: run.parsed.unmatched.length,
      duplicateContacts: run.parsed.duplicates.length,
      excludedContacts: run.parsed.excluded.map((e) => ({ row: e.row, value: e.value })),
      newNames: run.parsed.newNames.map((n) => ({ name: n.name, contacts: n.rows.length })),
      elapsedShare: round(k.elapsedShare),
      remainingDays: run.result.elapsed.remainingDays,
      catchUp: run.tracking.catchUpLines.map((l) => ({
        channel: l.channel,
        remaining: l.remaining,
        perDay: round(l.perDay),
        holds: round(l.holds),
        reachable: l.reachable,
        cannotMake: l.cannotMake,
      })),
      clients: run.result.clients.map((c) => ({
        id: c.id,
        actual: c.contacts,
        actualByChannel: c.actual,
        pace: round(c.pace),
        status: c.status,
      })),
    };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  const lines = [
    `${run.plan.origin}: as of ${k.asOf} (${pct(k.elapsedShare)} of the period's working days)`,
    `  attainment ${pct(k.attainment)} of the year's plan (${pct(k.attainmentToDate)} of plan to date), pace ${pct(k.pace)}`,
    `  reach ${pct(k.reach)}, frequency ${k.frequency?.toFixed(2) ?? "–"}, coverage ${pct(k.coverage)}`,
    `  status: ${k.counts.Under} under, ${k.counts.OnTrack} on track, ${k.counts.Over} over`,
    `  effort concentration on the top 20 %: ${k.concentration.topRatio?.toFixed(2) ?? "–"} (Gini ${k.concentration.gini?.toFixed(2) ?? "–"})`,
    `  saturated top accounts (${k.saturatedTopAccounts.length}): ${k.saturatedTopAccounts.join(", ") || "none"}`,
    `  neglected at-risk clients (${k.neglectedAtRisk.length}): ${k.neglectedAtRisk.join(", ") || "none"}`,
    `  overdue clients: ${k.overdue.length}`,
    ...catchUpText(run, o.lang === "fr" ? "fr" : "en"),
    ...(run.parsed.unmatched.length > 0
      ? [
          `  ${run.parsed.unmatched.length} contact row(s) matched no client: ${run.parsed.unmatched
            .slice(0, 10)
            .map((u) => `row ${u.row}`)
            .join(", ")}`,
        ]
      : []),
    ...(run.parsed.excluded.length > 0
      ? [
          `  ${run.parsed.excluded.length} row(s) left out, not contacts (inbound calls, after-sales, mailings): ${[
            ...new Set(run.parsed.excluded.map((e) => e.value)),
          ]
            .slice(0, 10)
            .join(", ")}`,
        ]
      : []),
    ...(run.parsed.newNames.length > 0
      ? [
          `  new names, counted as prospecting (${run.parsed.newNames.length}): ${run.parsed.newNames
            .slice(0, 10)
            .map((n) => n.name)
            .join(", ")}`,
        ]
      : []),
    o.out === undefined ? "" : `  refreshed plan written to ${o.out}`,
  ].filter((l) => l !== "");
  process.stdout.write(`${lines.join("\n")}\n`);
}

export function register(program: Command): void {
  program
    .command("track")
    .description("track a plan against a contacts export: KPIs, symptoms, pace and status per client")
    .argument("<plan>", "plan workbook, or plan file written by 'cadence plan' (.xlsx or .csv)")
    .option(
      "--contacts <file>",
      "contacts export (.csv or .xlsx): date, client, channel (default: the plan workbook's Contacts table)",
    )
    .option("--as-of <date>", "date of the tracking, YYYY-MM-DD (default: today)")
    .option("--country <code>", "country of the public holidays (default: the plan's)")
    .option("--region <code>", "region of the public holidays (default: the plan's)")
    .option("--tolerance <share>", "tolerance of the status", numberOption("--tolerance"), 0.2)
    .option("--out <file>", "write the plan with tracking columns: .xlsx or .csv")
    .option(
      "--json",
      "print { asOf, attainment, reach, frequency, coverage, concentration, saturatedTop, neglectedAtRisk, elapsedShare, remainingDays, catchUp: [{ channel, remaining, perDay, holds, reachable, cannotMake }], clients }",
    )
    .option("--lang <lang>", "fr or en", "en")
    .action(async (file: string, options: TrackCommandOptions) => {
      await runTrack(file, options);
    });
}
