import type { AbcClass } from "../types";
import { checkAbcThresholds } from "./params";

export interface AbcThresholds {
  a: number;
  b: number;
}

export const DEFAULT_ABC_THRESHOLDS: Readonly<AbcThresholds> = { a: 0.8, b: 0.95 };

export interface AbcResult {
  class: AbcClass;
  /** S of domain.md: share of the total held by the clients ranked before this one (1 when noSales: all of it). */
  cumulativeBefore: number;
  /** True when the measure is blank or ≤ 0 (the client is C without being ranked). */
  noSales: boolean;
}

export interface AbcItem {
  id: string;
  value: number | null;
}

/** Plain code-unit order, as domain.md requires (not locale order). */
export function compareIds(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * ABC (Pareto) classes, exactly as domain.md: items with value > 0 sorted by value descending then id
 * ascending; S = sum of the values ranked before / total; A if S < a, B if S < b, else C.
 * Blank, ≤ 0 or non-finite values are C with noSales. Thresholds need 0 < a ≤ b ≤ 1
 * (InvalidSegmentParamsError otherwise).
 */
export function abc(
  items: readonly AbcItem[],
  thresholds: AbcThresholds = DEFAULT_ABC_THRESHOLDS,
): Map<string, AbcResult> {
  checkAbcThresholds(thresholds);
  const out = new Map<string, AbcResult>();
  const ranked: { id: string; value: number }[] = [];
  for (const item of items) {
    const v = item.value;
    if (v !== null && Number.isFinite(v) && v > 0) ranked.push({ id: item.id, value: v });
    else out.set(item.id, { class: "C", cumulativeBefore: 1, noSales: true });
  }
  ranked.sort((x, y) => y.value - x.value || compareIds(x.id, y.id));
  let total = 0;
  for (const r of ranked) total += r.value;
  let before = 0;
  for (const r of ranked) {
    const s = before / total;
    const cls: AbcClass = s < thresholds.a ? "A" : s < thresholds.b ? "B" : "C";
    out.set(r.id, { class: cls, cumulativeBefore: s, noSales: false });
    before += r.value;
  }
  return out;
}
