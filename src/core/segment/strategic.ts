import type { AbcClass, Client, SegmentId } from "../types";
import { DEFAULT_ABC_THRESHOLDS } from "./abc";
import type { ClientFacts } from "./facts";
import { computeFacts, EPSILON, pct } from "./facts";

export interface StrategicParams {
  /** At risk when trend ≤ this (default −0.10). */
  trendThreshold: number;
  /** Retain when share of wallet ≥ this, else Develop (default 0.5). */
  shareThreshold: number;
  /** ABC thresholds (defaults 0.80 and 0.95). */
  a: number;
  b: number;
}

export const DEFAULT_STRATEGIC_PARAMS: Readonly<StrategicParams> = {
  trendThreshold: -0.1,
  shareThreshold: 0.5,
  a: DEFAULT_ABC_THRESHOLDS.a,
  b: DEFAULT_ABC_THRESHOLDS.b,
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
}

/** The strategic rule (domain.md), given a client's facts; returns the segment, its reason and whether rule 4 applied. */
export function strategicRule(
  f: ClientFacts,
  params: StrategicParams,
): { segment: SegmentId; reason: string; noPotential: boolean } {
  if (f.salesN === 0 && f.salesN1 === 0) {
    return { segment: "prospect", reason: "Prospect: no sales in N nor N-1", noPotential: false };
  }
  if (f.salesN1 > 0 && f.trend !== null && f.trend <= params.trendThreshold + EPSILON) {
    return {
      segment: "atRisk",
      reason: `At risk: sales trend ${pct(f.trend)} ≤ ${pct(params.trendThreshold)}`,
      noPotential: false,
    };
  }
  if (f.abcPotential !== null && f.share !== null) {
    if (f.abcPotential === "C") {
      return { segment: "maintain", reason: "Maintain: potential class C", noPotential: false };
    }
    const high = `potential class ${f.abcPotential}, share of wallet ${pct(f.share)}`;
    return f.share >= params.shareThreshold - EPSILON
      ? { segment: "retain", reason: `Retain: ${high} ≥ ${pct(params.shareThreshold)}`, noPotential: false }
      : {
          segment: "develop",
          reason: `Develop: ${high} < ${pct(params.shareThreshold)}`,
          noPotential: false,
        };
  }
  return f.abcSales === "C"
    ? { segment: "maintain", reason: "Maintain: no potential, sales class C", noPotential: true }
    : { segment: "retain", reason: `Retain: no potential, sales class ${f.abcSales}`, noPotential: true };
}

/** Builds an assignment from facts; a row's segmentOverride wins over `decided`. */
export function assignment(
  client: Pick<Client, "segmentOverride">,
  f: ClientFacts,
  decided: { segment: SegmentId; reason: string; noPotential: boolean },
): SegmentAssignment {
  const flags: SegmentFlag[] = [];
  if (f.noSales) flags.push("noSales");
  const base = { abcSales: f.abcSales, abcPotential: f.abcPotential, trend: f.trend, share: f.share };
  if (client.segmentOverride !== null && client.segmentOverride.trim() !== "") {
    flags.push("override");
    return {
      ...base,
      segment: client.segmentOverride,
      flags,
      reason: `Forced by the row (rules would give ${decided.segment})`,
    };
  }
  if (decided.noPotential) flags.push("noPotential");
  return { ...base, segment: decided.segment, flags, reason: decided.reason };
}

/**
 * The default strategic segments of domain.md, in order: Prospect, At risk, then by potential
 * (Retain / Develop / Maintain), else by sales (Retain / Maintain, flagged noPotential).
 * ABC classes are computed once over the whole portfolio. Blank sales count as 0.
 * A row's segmentOverride wins (flag "override"). Client ids must be unique (parsePortfolio ensures it).
 */
export function strategicSegments(
  clients: readonly Client[],
  params: Partial<StrategicParams> = {},
): Map<string, SegmentAssignment> {
  const p: StrategicParams = { ...DEFAULT_STRATEGIC_PARAMS, ...params };
  const facts = computeFacts(clients, { a: p.a, b: p.b });
  const out = new Map<string, SegmentAssignment>();
  for (const c of clients) {
    const f = facts.get(c.id);
    if (!f) continue;
    out.set(c.id, assignment(c, f, strategicRule(f, p)));
  }
  return out;
}
