/**
 * `cadence team --server URL --year Y --as-of D [--json | --out team.xlsx]`: the store's team view for
 * a manager, the N+1 view for a director (the role comes from `/me`); the token comes from
 * CADENCE_TOKEN only. `--json` prints the shapes `cadence consolidate --json` prints (the core's report):
 * manager `{ year, asOf, reps, team }`, director `{ year, asOf, managers }`. Exit 2 on bad input or a
 * refusal, 1 when the store cannot be reached.
 */
import type { Command } from "commander";
import type { ManagerView, Person, RepView, TeamView } from "../../contract";
import { isCalendarDate } from "../../contract";
import type { CellValue } from "../../core/types";
import * as sheets from "../../core/workbook/teamSheets";
import { CliError } from "../errors";
import { pct, round } from "../format";
import { writeTables } from "../files/writeTable";

export const EXIT_UNREACHABLE = 1;

export interface TeamCommandOptions {
  server: string;
  year: string;
  asOf: string;
  json?: boolean;
  out?: string;
  lang: string;
}

type Figures = TeamView["team"];

async function getJson<T>(server: string, url: string, token: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(new URL(url, server), { headers: { authorization: `Bearer ${token}` } });
  } catch (error) {
    throw new CliError(
      `${server}: the store cannot be reached (${error instanceof Error ? error.message : String(error)})`,
      EXIT_UNREACHABLE,
    );
  }
  const text = await res.text();
  if (!res.ok) {
    let message = text;
    try {
      const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
      message = `${body.error?.code ?? res.status}: ${body.error?.message ?? text}`;
    } catch {
      // not JSON: the text as it came
    }
    throw new CliError(
      `${server}${url.split("?")[0] ?? ""}: ${res.status} ${message}`,
      res.status >= 500 ? EXIT_UNREACHABLE : 2,
    );
  }
  return JSON.parse(text) as T;
}

/** The figure keys, in order (extra fields of the store's view are left out). */
function figures(f: Figures): Figures {
  return {
    clients: f.clients,
    capacity: f.capacity,
    planned: f.planned,
    utilisation: f.utilisation,
    earned: f.earned,
    attainment: f.attainment,
    reach: f.reach,
    coverage: f.coverage,
    under: f.under,
    over: f.over,
    saturatedTop: f.saturatedTop,
    neglectedAtRisk: f.neglectedAtRisk,
    flags: f.flags,
  };
}

export const managerJson = (view: TeamView) => ({
  year: view.year,
  asOf: view.asOf,
  reps: view.reps.map((r: RepView) => ({ rep: r.rep, ...figures(r) })),
  team: figures(view.team),
});

export const directorJson = (view: TeamView) => ({
  year: view.year,
  asOf: view.asOf,
  managers: view.managers.map((m: ManagerView) => ({
    manager: m.manager,
    reps: m.reps,
    ...figures(m),
    reviewsThisMonth: m.reviewsThisMonth,
    actionsOpen: m.actionsOpen,
    actionsOverdue: m.actionsOverdue,
  })),
});

/** The core's figure columns (core/workbook/teamSheets.ts), numbers rounded as the CLI's files show them. */
const figureHeaders = (fr: boolean): string[] => sheets.figureHeaders(fr ? "fr" : "en");
const figureCells = (f: Figures, fr: boolean): CellValue[] =>
  sheets.figureCells(f, fr ? "fr" : "en").map((v) => (typeof v === "number" ? round(v) : v));

function teamRows(view: TeamView, fr: boolean): CellValue[][] {
  const rows: CellValue[][] = [[fr ? "Commercial" : "Rep", "Segment", ...figureHeaders(fr)]];
  const all = fr ? "(tous)" : "(all)";
  for (const rep of view.reps) {
    rows.push([rep.rep, all, ...figureCells(rep, fr)]);
    for (const s of rep.segments) rows.push([rep.rep, s.segment, ...figureCells(s, fr)]);
  }
  rows.push([fr ? "Équipe" : "Team", all, ...figureCells(view.team, fr)]);
  return rows;
}

function directorRows(view: TeamView, fr: boolean): CellValue[][] {
  const rows: CellValue[][] = [
    [
      fr ? "Manager" : "Manager",
      fr ? "Commerciaux" : "Reps",
      ...figureHeaders(fr),
      fr ? "Entretiens ce mois" : "Reviews this month",
      fr ? "Actions ouvertes" : "Actions open",
      fr ? "Actions en retard" : "Actions overdue",
    ],
  ];
  for (const m of view.managers)
    rows.push([
      m.manager,
      m.reps,
      ...figureCells(m, fr),
      m.reviewsThisMonth,
      m.actionsOpen,
      m.actionsOverdue,
    ]);
  return rows;
}

export async function runTeam(o: TeamCommandOptions): Promise<void> {
  if (o.lang !== "fr" && o.lang !== "en") throw new CliError(`--lang must be fr or en, not '${o.lang}'`);
  const fr = o.lang === "fr";
  if (!/^\d{4}$/.test(o.year)) throw new CliError(`--year must be a year like 2026, not '${o.year}'`);
  if (!isCalendarDate(o.asOf))
    throw new CliError(`--as-of must be a calendar date YYYY-MM-DD, not '${o.asOf}'`);
  let server: string;
  try {
    server = new URL(o.server).toString();
  } catch {
    throw new CliError(`--server must be a URL like http://localhost:4000, not '${o.server}'`);
  }
  const token = process.env.CADENCE_TOKEN ?? "";
  if (token.trim() === "")
    throw new CliError(
      "set CADENCE_TOKEN to your personal access token (cadence tokens create) / définissez CADENCE_TOKEN",
    );
  const me = await getJson<Person>(server, "/me", token);
  const director = me.role === "director" || me.role === "admin";
  if (me.role !== "manager" && !director)
    throw new CliError(`${me.name} is a ${me.role}: the team view is for managers and directors`);
  const query = new URLSearchParams({ year: o.year, asOf: o.asOf });
  const view = await getJson<TeamView>(
    server,
    `/teams/${encodeURIComponent(me.id)}/view?${query.toString()}`,
    token,
  );
  if (o.out !== undefined) {
    await writeTables(o.out, [
      director
        ? { sheet: "N+1", table: "DirectorView", rows: directorRows(view, fr) }
        : { sheet: fr ? "Équipe" : "Team", table: "TeamView", rows: teamRows(view, fr) },
    ]);
  }
  if (o.json === true) {
    process.stdout.write(`${JSON.stringify(director ? directorJson(view) : managerJson(view), null, 2)}\n`);
    return;
  }
  const line = (name: string, f: Figures): string =>
    `  ${name}: ${f.clients} clients, attainment ${pct(f.attainment)}, reach ${pct(f.reach)}, coverage ${pct(f.coverage)}, ${f.under} under, ${f.over} over`;
  const lines = director
    ? [
        `N+1 view of ${me.name}, ${view.year}, as of ${view.asOf}:`,
        ...view.managers.map(
          (m) =>
            `${line(m.manager, m)}; ${m.reviewsThisMonth} review(s) this month, ${m.actionsOpen} action(s) open, ${m.actionsOverdue} overdue`,
        ),
      ]
    : [
        `team of ${me.name}, ${view.year}, as of ${view.asOf}:`,
        ...view.reps.map((r) => line(r.rep, r)),
        line(fr ? "équipe" : "team", view.team),
      ];
  for (const f of [...view.reps.flatMap((r) => r.flags), ...view.managers.flatMap((m) => m.flags)])
    lines.push(`  flag: ${fr ? f.messageFr : f.message}`);
  if (o.out !== undefined) lines.push(`  written to ${o.out}`);
  process.stdout.write(`${lines.join("\n")}\n`);
}

export function register(program: Command): void {
  program
    .command("team")
    .description("the store's team view (manager) or N+1 view (director); token from CADENCE_TOKEN")
    .requiredOption("--server <url>", "the store, e.g. http://localhost:4000")
    .requiredOption("--year <yyyy>", "year of the plans")
    .requiredOption("--as-of <date>", "date of the figures, YYYY-MM-DD")
    .option(
      "--json",
      "print { year, asOf, reps, team } (manager) or { year, asOf, managers } (director); ratios as fractions",
    )
    .option("--out <file>", "write the view: .xlsx (sheet Équipe/Team, or N+1)")
    .option("--lang <lang>", "fr or en", "en")
    .action(async (options: TeamCommandOptions) => {
      await runTeam(options);
    });
}
