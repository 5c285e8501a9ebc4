import type { AbcClass, Client, Lang } from "../types";
import type { AbcResult, AbcThresholds } from "./abc";
import { abc } from "./abc";
import { shareOfWallet, trend } from "./measures";

/**
 * What the segmentation rules read about a client. Blank salesN / salesN1 count as 0 (a blank
 * revenue is no revenue), so a row with both blank is a prospect and a blank salesN with
 * salesN1 > 0 is a lost client. Blank potential stays blank (null): it means "not estimated".
 */
export interface ClientFacts {
  salesN: number;
  salesN1: number;
  potential: number | null;
  /** salesN against salesN1 over the same months; null when that base is ≤ 0. */
  trend: number | null;
  /** What the trend compared salesN with: the "same period" column, salesN1 × m / 12, or the full salesN1. */
  trendBase: "samePeriod" | "prorated" | "fullYear";
  /** Months of the year salesN covers (12: a full year). */
  monthsN: number;
  /** ABC class on salesN1 over the whole portfolio: erosion only matters for A and B. */
  abcSalesN1: AbcClass;
  /** null when potential is blank or ≤ 0. */
  share: number | null;
  abcSales: AbcClass;
  noSales: boolean;
  /** null when the client has no potential (blank or ≤ 0). */
  abcPotential: AbcClass | null;
}

/** Tolerance for threshold comparisons so round figures (90 vs 100 → −10 %) hit the threshold. */
export const EPSILON = 1e-12;

/** Computes facts for every client, with both ABC rankings done once over the whole portfolio. */
export function computeFacts(
  clients: readonly Client[],
  thresholds: AbcThresholds,
  monthsN = 12,
): Map<string, ClientFacts> {
  const bySalesN1 = abc(
    clients.map((c) => ({ id: c.id, value: c.salesN1 })),
    thresholds,
  );
  const bySales = abc(
    clients.map((c) => ({ id: c.id, value: c.salesN })),
    thresholds,
  );
  const byPotential = abc(
    clients.map((c) => ({ id: c.id, value: c.potential })),
    thresholds,
  );
  const out = new Map<string, ClientFacts>();
  for (const c of clients) {
    const salesN = c.salesN ?? 0;
    const salesN1 = c.salesN1 ?? 0;
    const s: AbcResult = bySales.get(c.id) ?? { class: "C", cumulativeBefore: 1, noSales: true };
    const p = byPotential.get(c.id);
    const hasPotential = c.potential !== null && c.potential > 0;
    const same = c.salesN1SamePeriod ?? null;
    const trendBase = same !== null ? "samePeriod" : monthsN < 12 ? "prorated" : "fullYear";
    const base = same !== null ? same : (salesN1 * monthsN) / 12;
    out.set(c.id, {
      salesN,
      salesN1,
      potential: c.potential,
      trend: trend(salesN, base),
      trendBase,
      monthsN,
      abcSalesN1: bySalesN1.get(c.id)?.class ?? "C",
      share: shareOfWallet(salesN, c.potential),
      abcSales: s.class,
      noSales: s.noSales,
      abcPotential: hasPotential && p ? p.class : null,
    });
  }
  return out;
}

/** How the trend was measured, for reasons: "" for a full year against a full year. */
export function trendBasis(f: Pick<ClientFacts, "trendBase" | "monthsN">, lang: "en" | "fr" = "en"): string {
  if (f.trendBase === "samePeriod")
    return lang === "fr" ? " (contre le CA N-1 même période)" : " (against sales N-1 over the same period)";
  if (f.trendBase === "prorated")
    return lang === "fr"
      ? ` (CA N sur ${f.monthsN} mois contre CA N-1 × ${f.monthsN}/12)`
      : ` (sales N over ${f.monthsN} months against sales N-1 × ${f.monthsN}/12)`;
  return "";
}

/** "-12.5 %" (en) or "-12,5 %" (fr) for reasons. */
export function pct(x: number, lang: Lang = "en"): string {
  const s = (Math.round(x * 1000) / 10).toString();
  return `${lang === "fr" ? s.replace(".", ",") : s} %`;
}
