/**
 * The team and N+1 views as the faces print them (`cadence consolidate --json`, `cadence team
 * --json`, the store's views): one shape, built here from the core's views so every face says the
 * same. Ratios are fractions (0.714, not 71.4), null where the denominator is 0.
 */
import type { ChannelId } from "../types";
import type { CoherenceFlag, CoherenceFlagKind, CoherenceOptions } from "./coherence";
import { utilisationFlags } from "./coherence";
import type { Figures, Ratios } from "./figures";
import type { Rituals } from "./manager";
import type { RepView, TeamView } from "./team";

export type ReportFlagKind = CoherenceFlagKind | "noReview";

export interface ReportFlag {
  kind: ReportFlagKind;
  segment: string | null;
  channel: ChannelId | null;
  value: number | null;
  reference: number;
  message: string;
  messageFr: string;
}

export interface FiguresReport {
  clients: number;
  /** Capacity per channel. */
  capacity: Record<ChannelId, number>;
  /** Planned contacts per channel, and `weighted` (visit-equivalents). */
  planned: Record<string, number>;
  /** Per channel with a capacity: planned / capacity. */
  utilisation: Record<ChannelId, number>;
  /** Σ earned (visit-equivalents, capped per client). */
  earned: number;
  attainment: number | null;
  reach: number | null;
  coverage: number | null;
  under: number;
  over: number;
  saturatedTop: number;
  neglectedAtRisk: number;
  flags: ReportFlag[];
}

export interface RepReport extends FiguresReport {
  rep: string;
}

export interface TeamReport {
  year: number;
  asOf: string;
  reps: RepReport[];
  team: FiguresReport;
}

export interface ManagerReport extends FiguresReport {
  manager: string;
  reps: number;
  reviewsThisMonth: number;
  actionsOpen: number;
  actionsOverdue: number;
}

export interface DirectorReport {
  year: number;
  asOf: string;
  managers: ManagerReport[];
}

const flagOf = (f: CoherenceFlag): ReportFlag => ({
  kind: f.kind,
  segment: f.segment,
  channel: f.channel,
  value: f.value,
  reference: f.reference,
  message: f.message,
  messageFr: f.messageFr,
});

function figuresReport(
  f: Figures,
  ratios: Ratios,
  capacity: Record<ChannelId, number | undefined>,
  utilisation: Record<ChannelId, number>,
  flags: readonly ReportFlag[],
): FiguresReport {
  const cap: Record<ChannelId, number> = {};
  for (const id of Object.keys(capacity).sort()) {
    const n = capacity[id];
    if (n !== undefined && Number.isFinite(n)) cap[id] = n;
  }
  const planned: Record<string, number> = {};
  for (const id of Object.keys(f.planned)) planned[id] = f.planned[id] ?? 0;
  planned.weighted = f.plannedWeighted;
  return {
    clients: f.clients,
    capacity: cap,
    planned,
    utilisation: { ...utilisation },
    earned: f.earnedWeighted,
    attainment: ratios.attainment,
    reach: ratios.reach,
    coverage: ratios.coverage,
    under: f.under,
    over: f.over,
    saturatedTop: f.saturatedTopAccounts,
    neglectedAtRisk: f.neglectedAtRisk,
    flags: [...flags],
  };
}

/** One rep's line: its figures and its coherence flags (intensity and utilisation). */
export function repReport(rep: RepView, team: TeamView): RepReport {
  const flags = team.coherence.filter((f) => f.repId === rep.repId).map(flagOf);
  return {
    rep: rep.repName,
    ...figuresReport(rep.total, rep.ratios, rep.capacity, rep.utilisation, flags),
  };
}

/** The team's totals; its flags are the team's own utilisation per channel, under `name`. */
export function teamTotals(team: TeamView, name: string, options: CoherenceOptions = {}): FiguresReport {
  const flags = utilisationFlags(
    {
      repId: name,
      planned: team.sums.total.planned,
      plannedWeighted: team.sums.total.plannedWeighted,
      capacity: team.sums.capacity,
    },
    options,
  ).map(flagOf);
  return figuresReport(team.sums.total, team.ratios, team.sums.capacity, team.utilisation, flags);
}

/** The manager's view: one line per rep, and the team. */
export function teamReport(team: TeamView, year: number, asOf: string, name = "team"): TeamReport {
  return { year, asOf, reps: team.reps.map((r) => repReport(r, team)), team: teamTotals(team, name) };
}

/** A manager's line of the N+1 view: the team's totals, the rituals, and "noReview" when none this month. */
export function managerReport(manager: string, team: TeamView, rituals: Rituals): ManagerReport {
  const totals = teamTotals(team, manager);
  const flags =
    rituals.reviewsThisMonth > 0
      ? totals.flags
      : [
          ...totals.flags,
          {
            kind: "noReview" as const,
            segment: null,
            channel: null,
            value: 0,
            reference: 1,
            message: `${manager}: no steering review held this month.`,
            messageFr: `${manager} : aucun entretien de pilotage ce mois-ci.`,
          },
        ];
  return {
    manager,
    reps: team.reps.length,
    ...totals,
    flags,
    reviewsThisMonth: rituals.reviewsThisMonth,
    actionsOpen: rituals.actionsOpen,
    actionsOverdue: rituals.actionsOverdue,
  };
}
