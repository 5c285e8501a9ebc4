import type { AbcClass, Client, SegmentId } from "../types";
import { DEFAULT_ABC_THRESHOLDS } from "./abc";
import type { ClientFacts } from "./facts";
import { computeFacts, EPSILON, pct, trendBasis } from "./facts";
import { checkStrategicParams } from "./params";

export interface StrategicParams {
  /** At risk when trend ≤ this (default −0.10). */
  trendThreshold: number;
  /** Retain when share of wallet ≥ this, else Develop (default 0.5). */
  shareThreshold: number;
  /** ABC thresholds (defaults 0.80 and 0.95). */
  a: number;
  b: number;
  /** Months of the year salesN covers (default 12): the trend compares the same months of N-1. */
  monthsN: number;
}

export const DEFAULT_STRATEGIC_PARAMS: Readonly<StrategicParams> = {
  trendThreshold: -0.1,
  shareThreshold: 0.5,
  a: DEFAULT_ABC_THRESHOLDS.a,
  b: DEFAULT_ABC_THRESHOLDS.b,
  monthsN: 12,
};

export type SegmentFlag = "noSales" | "noPotential" | "override";

export interface SegmentAssignment {
  segment: SegmentId;
  /** noSales: salesN blank or ≤ 0; noPotential: decided by rule 4 (no potential); override: forced by the row. */
  flags: SegmentFlag[];
  abcSales: AbcClass;
  /** null when the client has no potential (blank or ≤ 0). */
  abcPotential: AbcClass | null;
  trend: number | null;
  share: number | null;
  /** Why, in English. */
  reason: string;
  /** Why, in French. */
  reasonFr: string;
}

/** A segment decided by a rule, with its reasons, before the row's override is applied. */
export interface Decision {
  segment: SegmentId;
  reason: string;
  reasonFr: string;
  noPotential: boolean;
}

const decide = (segment: SegmentId, reason: string, reasonFr: string, noPotential = false): Decision => ({
  segment,
  reason,
  reasonFr,
  noPotential,
});

/** The strategic rule (domain.md), applied to one client's facts. */
export function strategicRule(f: ClientFacts, params: StrategicParams): Decision {
  if (f.salesN === 0 && f.salesN1 === 0) {
    return decide("prospect", "Prospect: no sales in N nor N-1", "Conquérir : pas de CA en N ni en N-1");
  }
  if (
    f.salesN1 > 0 &&
    f.abcSalesN1 !== "C" &&
    f.trend !== null &&
    f.trend <= params.trendThreshold + EPSILON
  ) {
    return decide(
      "atRisk",
      `At risk: class ${f.abcSalesN1} on sales N-1, trend ${pct(f.trend)} ≤ ${pct(params.trendThreshold)}${trendBasis(f)}`,
      `Érosion : classe ${f.abcSalesN1} sur le CA N-1, tendance ${pct(f.trend, "fr")} ≤ ${pct(params.trendThreshold, "fr")}${trendBasis(f, "fr")}`,
    );
  }
  if (f.abcPotential !== null && f.share !== null) {
    if (f.abcPotential === "C") {
      return decide("maintain", "Maintain: potential class C", "Entretenir : potentiel de classe C");
    }
    const en = `potential class ${f.abcPotential}, share of wallet ${pct(f.share)}`;
    const fr = `potentiel de classe ${f.abcPotential}, part de portefeuille ${pct(f.share, "fr")}`;
    return f.share >= params.shareThreshold - EPSILON
      ? decide(
          "retain",
          `Retain: ${en} ≥ ${pct(params.shareThreshold)}`,
          `Fidéliser : ${fr} ≥ ${pct(params.shareThreshold, "fr")}`,
        )
      : decide(
          "develop",
          `Develop: ${en} < ${pct(params.shareThreshold)}`,
          `Développer : ${fr} < ${pct(params.shareThreshold, "fr")}`,
        );
  }
  return f.abcSales === "C"
    ? decide(
        "maintain",
        "Maintain: no potential, sales class C",
        "Entretenir : sans potentiel, CA de classe C",
        true,
      )
    : decide(
        "retain",
        `Retain: no potential, sales class ${f.abcSales}`,
        `Fidéliser : sans potentiel, CA de classe ${f.abcSales}`,
        true,
      );
}

/** Builds an assignment from facts; a row's segmentOverride wins over `decided`. */
export function assignment(
  client: Pick<Client, "segmentOverride">,
  f: ClientFacts,
  decided: Decision,
): SegmentAssignment {
  const flags: SegmentFlag[] = [];
  if (f.noSales) flags.push("noSales");
  const forced = client.segmentOverride !== null && client.segmentOverride.trim() !== "";
  if (forced) flags.push("override");
  else if (decided.noPotential) flags.push("noPotential");
  return {
    segment: forced ? (client.segmentOverride ?? decided.segment) : decided.segment,
    flags,
    abcSales: f.abcSales,
    abcPotential: f.abcPotential,
    trend: f.trend,
    share: f.share,
    reason: forced ? `Forced by the row (rules would give ${decided.segment})` : decided.reason,
    reasonFr: forced ? `Imposé par la ligne (les règles donneraient ${decided.segment})` : decided.reasonFr,
  };
}

/**
 * The default strategic segments of domain.md, in order: Prospect, At risk, then by potential
 * (Retain / Develop / Maintain), else by sales (Retain / Maintain, flagged noPotential).
 * ABC classes are computed once over the whole portfolio. Blank sales count as 0. Thresholds are
 * compared with a 1e-12 tolerance so that 90 against 100 is exactly −10 %.
 * A row's segmentOverride wins (flag "override"). Client ids must be unique (parsePortfolio ensures it).
 * Bad parameters throw InvalidSegmentParamsError.
 */
export function strategicSegments(
  clients: readonly Client[],
  params: Partial<StrategicParams> = {},
): Map<string, SegmentAssignment> {
  const p: StrategicParams = { ...DEFAULT_STRATEGIC_PARAMS, ...params };
  checkStrategicParams(p);
  const facts = computeFacts(clients, { a: p.a, b: p.b }, p.monthsN);
  const out = new Map<string, SegmentAssignment>();
  for (const c of clients) {
    const f = facts.get(c.id);
    if (!f) continue;
    out.set(c.id, assignment(c, f, strategicRule(f, p)));
  }
  return out;
}
