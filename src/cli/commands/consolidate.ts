/**
 * `cadence consolidate <plans…> --out team.xlsx`: the team view of several reps' plan files (per rep and
 * segment: clients, capacity, planned, utilisation, actual, attainment, reach, coverage, Over/Under, the
 * symptoms) with the coherence flags. Contacts exports, given in the same order, bring the actuals.
 */
import path from "node:path";
import type { Command } from "commander";
import * as consolidation from "../../core/consolidation";
import type { CellValue } from "../../core/types";
import { CliError } from "../errors";
import { pct, round } from "../format";
import { writeTables } from "../files/writeTable";
import { trackPlanFile } from "./track";

export interface ConsolidateOptions {
  out?: string;
  json?: boolean;
  asOf?: string;
  contacts?: string[];
  lang: string;
}

function rowsOf(team: consolidation.TeamView, fr: boolean): CellValue[][] {
  const header = fr
    ? [
        "Commercial",
        "Segment",
        "Clients",
        "Capacité pondérée",
        "Prévu pondéré",
        "Utilisation",
        "Réalisé pondéré",
        "Atteinte",
        "Couverture du portefeuille (reach)",
        "Couverture",
        "En avance",
        "En retard",
        "Comptes saturés",
        "À risque délaissés",
      ]
    : [
        "Rep",
        "Segment",
        "Clients",
        "Weighted capacity",
        "Weighted planned",
        "Utilisation",
        "Weighted actual",
        "Attainment",
        "Reach",
        "Coverage",
        "Over",
        "Under",
        "Saturated top",
        "Neglected at risk",
      ];
  const rows: CellValue[][] = [header];
  for (const rep of team.reps) {
    const line = (
      segment: string,
      f: consolidation.Figures,
      ratios: consolidation.Ratios,
      capacity: number | null,
      utilisation: number | null,
    ): CellValue[] => [
      rep.repName,
      segment,
      f.clients,
      capacity ?? "",
      round(f.plannedWeighted),
      round(utilisation) ?? "",
      round(f.actualWeighted),
      round(ratios.attainment) ?? "",
      round(ratios.reach) ?? "",
      round(ratios.coverage) ?? "",
      f.over,
      f.under,
      f.saturatedTopAccounts,
      f.neglectedAtRisk,
    ];
    rows.push(
      line(fr ? "(tous)" : "(all)", rep.total, rep.ratios, round(rep.capacityWeighted), rep.utilisation),
    );
    for (const s of rep.segments) rows.push(line(s.segment, s.figures, s.ratios, null, null));
  }
  return rows;
}

export async function runConsolidate(files: string[], o: ConsolidateOptions): Promise<void> {
  if (files.length === 0) throw new CliError("give at least one plan file");
  if (o.lang !== "fr" && o.lang !== "en") throw new CliError(`--lang must be fr or en, not '${o.lang}'`);
  const contacts = o.contacts ?? [];
  if (contacts.length > files.length)
    throw new CliError(
      `${contacts.length} contacts files for ${files.length} plans: give at most one per plan, in the same order`,
    );
  const reps: consolidation.RepInput[] = [];
  for (const [i, file] of files.entries()) {
    const run = await trackPlanFile(file, contacts[i], { asOf: o.asOf });
    const name = run.plan.settings.rep ?? path.basename(file, path.extname(file));
    if (reps.some((r) => r.repId === name))
      throw new CliError(`${file}: rep '${name}' is already in the team (two plans of one rep?)`);
    reps.push({
      repId: name,
      repName: name,
      managerId: null,
      capacity: run.plan.settings.capacity ?? {},
      clients: run.result.clients,
    });
  }
  const team = consolidation.consolidateTeam(reps);
  const fr = o.lang === "fr";
  if (o.out !== undefined) {
    const flags: CellValue[][] = [
      fr
        ? ["Commercial", "Type", "Segment", "Valeur", "Référence", "Message"]
        : ["Rep", "Kind", "Segment", "Value", "Reference", "Message"],
      ...team.coherence.map((f) => [
        f.repId,
        f.kind,
        f.segment ?? "",
        round(f.value) ?? "",
        round(f.reference),
        fr ? f.messageFr : f.message,
      ]),
    ];
    await writeTables(o.out, [
      { sheet: fr ? "Équipe" : "Team", table: "Team", rows: rowsOf(team, fr) },
      { sheet: fr ? "Cohérence" : "Coherence", table: "Coherence", rows: flags },
    ]);
  }
  if (o.json === true) {
    process.stdout.write(
      `${JSON.stringify({ reps: team.reps, utilisation: team.utilisation, ratios: team.ratios, segments: team.segments, coherence: team.coherence }, null, 2)}\n`,
    );
    return;
  }
  const lines = [
    `team of ${team.reps.length} rep(s): utilisation ${pct(team.utilisation)}, attainment ${pct(team.ratios.attainment)}, coverage ${pct(team.ratios.coverage)}`,
    ...team.reps.map(
      (r) =>
        `  ${r.repName}: ${r.total.clients} clients, utilisation ${pct(r.utilisation)}, attainment ${pct(r.ratios.attainment)}, ${r.total.under} under, ${r.total.over} over`,
    ),
    ...team.coherence.map((f) => `  flag: ${fr ? f.messageFr : f.message}`),
    o.out === undefined ? "" : `  team view written to ${o.out}`,
  ].filter((l) => l !== "");
  process.stdout.write(`${lines.join("\n")}\n`);
}

export function register(program: Command): void {
  program
    .command("consolidate")
    .description("build the team view from several reps' plan files")
    .argument("<plans...>", "plan files written by 'cadence plan' (one per rep)")
    .option("--contacts <files...>", "contacts exports, one per plan in the same order (optional)")
    .option("--as-of <date>", "date of the tracking, YYYY-MM-DD (default: today)")
    .option("--out <file>", "write the team view: .xlsx")
    .option("--json", "print the team view as JSON")
    .option("--lang <lang>", "fr or en", "en")
    .action(async (files: string[], options: ConsolidateOptions) => {
      await runConsolidate(files, options);
    });
}
