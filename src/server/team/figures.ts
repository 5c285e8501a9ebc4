/** Team figures: sums per rep × segment, and the ratios derived from them (domain.md, Consolidation). */
import type { TeamFigures } from "../../contract";

/** The additive part of the figures, as the SQL aggregation returns it. */
export interface Sums {
  clients: number;
  plannedClients: number;
  plannedVisit: number;
  plannedVideo: number;
  plannedCall: number;
  plannedDigital: number;
  plannedWeighted: number;
  contacts: number;
  actualWeighted: number;
  earnedWeighted: number;
  reached: number;
  under: number;
  over: number;
  saturatedTopAccounts: number;
  neglectedAtRisk: number;
}

export const SUM_KEYS: readonly (keyof Sums)[] = [
  "clients",
  "plannedClients",
  "plannedVisit",
  "plannedVideo",
  "plannedCall",
  "plannedDigital",
  "plannedWeighted",
  "contacts",
  "actualWeighted",
  "earnedWeighted",
  "reached",
  "under",
  "over",
  "saturatedTopAccounts",
  "neglectedAtRisk",
];

export function emptySums(): Sums {
  return Object.fromEntries(SUM_KEYS.map((k) => [k, 0])) as unknown as Sums;
}

export function addSums(into: Sums, more: Sums): Sums {
  for (const key of SUM_KEYS) into[key] += more[key];
  return into;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

export function teamFiguresOf(sums: Sums, capacity: number | null): TeamFigures {
  return {
    ...sums,
    capacity,
    utilisation: capacity === null ? null : ratio(sums.plannedWeighted, capacity),
    attainment: ratio(sums.earnedWeighted, sums.plannedWeighted),
    reach: ratio(sums.reached, sums.plannedClients),
    coverage: ratio(sums.plannedClients - sums.under, sums.plannedClients),
    onTrack: sums.plannedClients - sums.under - sums.over,
  };
}
