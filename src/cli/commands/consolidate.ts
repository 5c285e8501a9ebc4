/**
 * `cadence consolidate <plans…> --out team.xlsx`: the team view of several reps' plan files (per rep and
 * segment: clients, capacity, planned, utilisation per channel, actual, earned, attainment, reach,
 * coverage, Over/Under, the symptoms) with the coherence flags. Contacts: one export per plan in the
 * same order, or one export for the whole team (each contact goes to the rep whose plan holds the
 * client; the others are reported). `--json` prints the team view's shared shape (core/consolidation/report).
 */
import path from "node:path";
import type { Command } from "commander";
import * as consolidation from "../../core/consolidation";
import type * as tracking from "../../core/tracking";
import type { CellValue } from "../../core/types";
import { DEFAULT_CHANNELS } from "../../core/types";
import { CliError } from "../errors";
import { pct, round } from "../format";
import { readPlanFile, type PlanFileRead } from "../files/planFile";
import { writeTables } from "../files/writeTable";
import { asOfOption, readContactsFile, trackPlan, type TrackRun } from "./track";

export interface ConsolidateOptions {
  out?: string;
  json?: boolean;
  asOf?: string;
  contacts?: string[];
  lang: string;
}

const NO_CONTACTS: tracking.ParsedContacts = {
  contacts: [],
  issues: [],
  unmatched: [],
  duplicates: [],
  excluded: [],
  newNames: [],
};

function rowsOf(team: consolidation.TeamView, fr: boolean): CellValue[][] {
  const channels = DEFAULT_CHANNELS;
  const header = [
    fr ? "Commercial" : "Rep",
    "Segment",
    "Clients",
    ...channels.map((c) => (fr ? `Capacité ${c.labelFr}` : `Capacity ${c.labelEn}`)),
    ...channels.map((c) => (fr ? `Prévu ${c.labelFr}` : `Planned ${c.labelEn}`)),
    fr ? "Prévu pondéré" : "Weighted planned",
    ...channels.map((c) => (fr ? `Utilisation ${c.labelFr}` : `Utilisation ${c.labelEn}`)),
    fr ? "Réalisé pondéré" : "Weighted actual",
    fr ? "Acquis (plafonné)" : "Earned (capped)",
    fr ? "Atteinte" : "Attainment",
    fr ? "Couverture du portefeuille (reach)" : "Reach",
    fr ? "Couverture" : "Coverage",
    fr ? "En avance" : "Over",
    fr ? "En retard" : "Under",
    fr ? "Comptes saturés" : "Saturated top",
    fr ? "À risque délaissés" : "Neglected at risk",
    fr ? "Contactés hors plan" : "Contacted outside the plan",
  ];
  const rows: CellValue[][] = [header];
  for (const rep of team.reps) {
    const line = (
      segment: string,
      f: consolidation.Figures,
      ratios: consolidation.Ratios,
      withCapacity: boolean,
    ): CellValue[] => [
      rep.repName,
      segment,
      f.clients,
      ...channels.map((c) => (withCapacity ? (rep.capacity[c.id] ?? "") : "")),
      ...channels.map((c) => round(f.planned[c.id] ?? 0)),
      round(f.plannedWeighted),
      ...channels.map((c) => (withCapacity ? (round(rep.utilisation[c.id] ?? null) ?? "") : "")),
      round(f.actualWeighted),
      round(f.earnedWeighted),
      round(ratios.attainment) ?? "",
      round(ratios.reach) ?? "",
      round(ratios.coverage) ?? "",
      f.over,
      f.under,
      f.saturatedTopAccounts,
      f.neglectedAtRisk,
      f.contactedOutsidePlan,
    ];
    rows.push(line(fr ? "(tous)" : "(all)", rep.total, rep.ratios, true));
    for (const s of rep.segments) rows.push(line(s.segment, s.figures, s.ratios, false));
  }
  return rows;
}

interface Unmatched {
  origin: string;
  rows: { row: number; reason: string }[];
}

/**
 * One export for the whole team: parsed against every plan's clients, each contact given to the
 * plan that holds its client. A client held by several plans, or by none, is reported, not guessed.
 */
async function splitTeamExport(
  file: string,
  plans: readonly PlanFileRead[],
): Promise<{ parsed: tracking.ParsedContacts[]; unmatched: Unmatched }> {
  const owners = new Map<string, number[]>();
  plans.forEach((plan, i) => {
    for (const ref of plan.refs) {
      const list = owners.get(ref.id) ?? [];
      if (!list.includes(i)) list.push(i);
      owners.set(ref.id, list);
    }
  });
  const refs = plans.flatMap((p) => p.refs);
  // A team's view routes contacts to the plan that holds the client: others are reported, not new names.
  const { origin, parsed } = await readContactsFile(file, refs, { newNames: false });
  const perPlan = plans.map((): tracking.ParsedContacts => ({ ...NO_CONTACTS, contacts: [] }));
  const rows: { row: number; reason: string }[] = parsed.unmatched.map((u) => ({
    row: u.row,
    reason: u.reason,
  }));
  for (const contact of parsed.contacts) {
    const holders = owners.get(contact.clientId) ?? [];
    if (holders.length === 1) perPlan[holders[0] ?? 0]?.contacts.push(contact);
    else rows.push({ row: contact.row, reason: `client ${contact.clientId} is in ${holders.length} plans` });
  }
  rows.sort((a, b) => a.row - b.row);
  return { parsed: perPlan, unmatched: { origin, rows } };
}

function unmatchedLine(u: Unmatched, fr: boolean): string | null {
  if (u.rows.length === 0) return null;
  const list = u.rows
    .slice(0, 20)
    .map((r) => `${fr ? "ligne" : "row"} ${r.row} (${r.reason})`)
    .join(", ");
  const more = u.rows.length > 20 ? ", …" : "";
  return fr
    ? `${u.origin} : ${u.rows.length} contact(s) rattaché(s) à aucun plan de l'équipe : ${list}${more}`
    : `${u.origin}: ${u.rows.length} contact row(s) matched no plan of the team: ${list}${more}`;
}

export async function runConsolidate(files: string[], o: ConsolidateOptions): Promise<void> {
  if (files.length === 0) throw new CliError("give at least one plan file");
  if (o.lang !== "fr" && o.lang !== "en") throw new CliError(`--lang must be fr or en, not '${o.lang}'`);
  const fr = o.lang === "fr";
  const asOf = asOfOption(o.asOf);
  const contacts = o.contacts ?? [];
  if (contacts.length > 1 && contacts.length !== files.length)
    throw new CliError(
      `${contacts.length} contacts files for ${files.length} plans: give one per plan in the same order, or one for the whole team`,
    );
  const plans: PlanFileRead[] = [];
  const names: string[] = [];
  for (const file of files) {
    const name = path.basename(file, path.extname(file));
    if (names.includes(name))
      throw new CliError(`${file}: rep '${name}' is already in the team (two plans of one rep?)`);
    names.push(name);
    plans.push(await readPlanFile(file));
  }
  let parsed: tracking.ParsedContacts[] = plans.map(() => NO_CONTACTS);
  const unmatched: Unmatched[] = [];
  if (contacts.length === 1) {
    const split = await splitTeamExport(contacts[0] ?? "", plans);
    parsed = split.parsed;
    unmatched.push(split.unmatched);
  } else if (contacts.length === files.length) {
    parsed = [];
    for (const [i, plan] of plans.entries()) {
      const read = await readContactsFile(contacts[i] ?? "", plan.refs, { newNames: false });
      parsed.push(read.parsed);
      unmatched.push({
        origin: read.origin,
        rows: read.parsed.unmatched.map((u) => ({ row: u.row, reason: u.reason })),
      });
    }
  }
  const runs: TrackRun[] = plans.map((plan, i) => trackPlan(plan, parsed[i] ?? NO_CONTACTS, { asOf }));
  const reps: consolidation.RepInput[] = runs.map((run, i) => ({
    repId: names[i] ?? "",
    repName: names[i] ?? "",
    managerId: null,
    capacity: run.plan.settings.capacity ?? {},
    clients: run.result.clients,
  }));
  const team = consolidation.consolidateTeam(reps);
  const year = Number((runs[0]?.result.period.start ?? asOf).slice(0, 4));
  const warnings = unmatched.map((u) => unmatchedLine(u, fr)).filter((l): l is string => l !== null);
  if (o.out !== undefined) {
    const flags: CellValue[][] = [
      fr
        ? ["Commercial", "Type", "Segment", "Canal", "Valeur", "Référence", "Message"]
        : ["Rep", "Kind", "Segment", "Channel", "Value", "Reference", "Message"],
      ...team.coherence.map((f) => [
        f.repId,
        f.kind,
        f.segment ?? "",
        f.channel ?? "",
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
  for (const w of warnings) process.stderr.write(`${w}\n`);
  if (o.json === true) {
    const report = consolidation.teamReport(team, year, asOf);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const utilisation = (u: Record<string, number>): string =>
    Object.entries(u)
      .map(([ch, x]) => `${ch} ${pct(x)}`)
      .join(", ") || "–";
  const lines = [
    `team of ${team.reps.length} rep(s) as of ${asOf}: utilisation ${utilisation(team.utilisation)}, attainment ${pct(team.ratios.attainment)}, reach ${pct(team.ratios.reach)}, coverage ${pct(team.ratios.coverage)}`,
    ...team.reps.map(
      (r) =>
        `  ${r.repName}: ${r.total.clients} clients, utilisation ${utilisation(r.utilisation)}, attainment ${pct(r.ratios.attainment)}, reach ${pct(r.ratios.reach)}, ${r.total.under} under, ${r.total.over} over, ${r.total.contactedOutsidePlan} contacted outside the plan`,
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
    .argument(
      "<plans...>",
      "plan files written by 'cadence plan' (one per rep; the rep is the file's base name)",
    )
    .option(
      "--contacts <files...>",
      "contacts exports: one per plan in the same order, or one for the whole team (each contact goes to the plan holding its client)",
    )
    .option("--as-of <date>", "date of the tracking, YYYY-MM-DD (default: today)")
    .option("--out <file>", "write the team view: .xlsx")
    .option(
      "--json",
      "print { year, asOf, reps: [{ rep, clients, capacity, planned, utilisation, earned, attainment, reach, coverage, under, over, saturatedTop, neglectedAtRisk, flags }], team }",
    )
    .option("--lang <lang>", "fr or en", "en")
    .action(async (files: string[], options: ConsolidateOptions) => {
      await runConsolidate(files, options);
    });
}
