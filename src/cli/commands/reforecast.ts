/**
 * `cadence reforecast <plan> --contacts <export> --as-of YYYY-MM-DD`: what is left to do with the
 * capacity that is left (the core's reforecast on the plan tracked so far), printed, as JSON, or
 * written beside the baseline ("Reste à faire" / "Remaining" columns) with --out.
 */
import type { Command } from "commander";
import * as reforecast from "../../core/reforecast";
import type { ChannelCounts, Lang } from "../../core/types";
import { STRATEGIC_SEGMENTS } from "../../core/types";
import { CliError } from "../errors";
import { pct } from "../format";
import { writePlanFile } from "../files/planFile";
import { asOfOption, trackPlanFile, type TrackRun } from "./track";

export interface ReforecastCommandOptions {
  contacts?: string;
  asOf: string;
  method?: string;
  country?: string;
  region?: string;
  json?: boolean;
  out?: string;
  lang: string;
}

type Method = "norms" | "optimized";

const isMethod = (m: string | undefined): m is Method => m === "norms" || m === "optimized";

/** The plan's capacity per channel: a plan workbook's settings, else what `cadence plan` recorded. */
function planCapacity(run: TrackRun): ChannelCounts {
  const named = run.plan.workbook?.settings ?? null;
  return named === null ? (run.plan.settings.capacity ?? {}) : run.tracking.frame.capacity.perChannel;
}

/** --method, else the plan's recorded method, else norms. */
function methodOf(run: TrackRun, given: string | undefined): Method {
  if (given !== undefined) {
    if (!isMethod(given)) throw new CliError(`--method must be norms or optimized, not '${given}'`);
    return given;
  }
  const recorded = run.plan.settings.method;
  return isMethod(recorded) ? recorded : "norms";
}

/** The core's re-forecast of a plan file against a contacts export, as of a date. */
export async function reforecastPlanFile(
  file: string,
  o: Pick<ReforecastCommandOptions, "contacts" | "asOf" | "method" | "country" | "region">,
): Promise<{ run: TrackRun; result: reforecast.Reforecast }> {
  const asOf = asOfOption(o.asOf);
  const run = await trackPlanFile(file, o.contacts, { asOf, country: o.country, region: o.region });
  if (o.contacts === undefined && run.plan.workbook === null)
    throw new CliError(
      `--contacts <file> is required: ${run.plan.origin} is a plan file without a Contacts table (a plan workbook has one)`,
    );
  const method = methodOf(run, o.method);
  try {
    // The plan's own rows (the new names of the export come after them and have no plan).
    const clients = run.result.clients.slice(0, run.plan.plan.length);
    const result = reforecast.reforecast({
      tracking: { ...run.result, clients },
      capacity: planCapacity(run),
      method,
    });
    return { run, result };
  } catch (error) {
    throw new CliError(`${run.plan.origin}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const segmentLabel = (id: string, lang: Lang): string => {
  const s = STRATEGIC_SEGMENTS.find((x) => x.id === id);
  return s === undefined ? id : lang === "fr" ? s.labelFr : s.labelEn;
};

const counts = (c: ChannelCounts, channels: readonly string[]): string =>
  channels.map((ch) => `${ch} ${c[ch] ?? 0}`).join(", ");

function summaryLines(run: TrackRun, r: reforecast.Reforecast, lang: Lang, out?: string): string[] {
  const fr = lang === "fr";
  const capacity = Object.entries(r.remainingCapacity);
  return [
    fr
      ? `${run.plan.origin} : reste à faire au ${r.asOf} (${pct(r.elapsedShare)} des jours ouvrés écoulés), méthode ${r.method}`
      : `${run.plan.origin}: re-forecast as of ${r.asOf} (${pct(r.elapsedShare)} of the period's working days elapsed), method ${r.method}`,
    capacity.length === 0
      ? fr
        ? "  aucune capacité enregistrée dans le plan : le reste à faire de chaque client est maintenu"
        : "  no capacity recorded in the plan: each client's remaining demand stands"
      : `  ${fr ? "capacité restante :" : "remaining capacity:"} ${capacity.map(([ch, n]) => `${ch} ${n ?? 0}`).join(", ")}`,
    ...r.segments.map(
      (s) =>
        `  ${segmentLabel(s.segment, lang)} (${s.clients}): ${fr ? "référence" : "baseline"} ${counts(s.baseline, r.channels)}; ${fr ? "réalisé" : "done"} ${counts(s.done, r.channels)}; ${fr ? "reste" : "remaining"} ${counts(s.demand, r.channels)}; ${fr ? "replanifié" : "re-planned"} ${counts(s.remaining, r.channels)}`,
    ),
    ...(fr ? r.notesFr : r.notes).map((n) => `  note: ${n}`),
    ...(out === undefined ? [] : [fr ? `  plan écrit dans ${out}` : `  plan written to ${out}`]),
  ];
}

export async function runReforecast(file: string, o: ReforecastCommandOptions): Promise<void> {
  if (o.lang !== "fr" && o.lang !== "en") throw new CliError(`--lang must be fr or en, not '${o.lang}'`);
  const lang = o.lang;
  const { run, result } = await reforecastPlanFile(file, o);
  if (o.out !== undefined) {
    const rows = reforecast.withRemainingColumns(
      run.plan.grid,
      run.plan.rowIds,
      result.clients,
      result.channels,
      lang,
    );
    const s = run.plan.settings;
    await writePlanFile(
      o.out,
      rows,
      {
        periodStart: run.result.period.start,
        periodEnd: run.result.period.end,
        country: s.country ?? o.country ?? "FR",
        region: s.region ?? o.region ?? null,
        capacity: planCapacity(run),
        prospectingVisits: s.prospectingVisits ?? 0,
        method: s.method ?? result.method,
        rep: s.rep ?? null,
      },
      lang,
    );
  }
  if (o.json === true) {
    const json = {
      asOf: result.asOf,
      remainingCapacity: result.remainingCapacity,
      clients: result.clients.map((c) => ({
        id: c.id,
        baseline: c.baseline,
        done: c.done,
        remaining: c.remaining,
      })),
    };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${summaryLines(run, result, lang, o.out).join("\n")}\n`);
}

export function register(program: Command): void {
  program
    .command("reforecast")
    .description(
      "re-forecast a plan as of a date: remaining capacity, each client's remaining demand, re-planned by the plan's method",
    )
    .argument("<plan>", "plan file written by 'cadence plan', or a plan workbook (.xlsx)")
    .option(
      "--contacts <file>",
      "contacts export (.csv or .xlsx): date, client, channel (a plan workbook's own Contacts table otherwise)",
    )
    .requiredOption("--as-of <date>", "date of the re-forecast, YYYY-MM-DD")
    .option("--method <method>", "norms or optimized (default: the plan's)")
    .option("--country <code>", "country of the public holidays (default: the plan's)")
    .option("--region <code>", "region of the public holidays (default: the plan's)")
    .option(
      "--out <file>",
      "write the plan with 'Remaining' / 'Reste à faire' columns beside the baseline: .xlsx or .csv",
    )
    .option(
      "--json",
      'print { asOf, remainingCapacity: { "<channel>": n }, clients: [{ id, baseline, done, remaining }] }',
    )
    .option("--lang <lang>", "fr or en", "en")
    .action(async (file: string, options: ReforecastCommandOptions) => {
      await runReforecast(file, options);
    });
}
