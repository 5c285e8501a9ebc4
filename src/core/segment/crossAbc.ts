import type { AbcClass, Client, SegmentId } from "../types";
import type { AbcThresholds } from "./abc";
import { abc, DEFAULT_ABC_THRESHOLDS } from "./abc";
import { checkAbcThresholds } from "./params";

/** A cross-ABC cell: the sales class then the potential class, e.g. "CA" = sales C, potential A. */
export type CrossCell = `${AbcClass}${AbcClass}`;
export type CrossTable = Readonly<Record<CrossCell, SegmentId>>;

export const CROSS_CELLS: readonly CrossCell[] = ["AA", "AB", "AC", "BA", "BB", "BC", "CA", "CB", "CC"];

/**
 * Default strategies (editable): top sellers are retained, high potential with lower sales is
 * developed, the rest maintained.
 */
export const DEFAULT_CROSS_TABLE: CrossTable = {
  AA: "retain",
  AB: "retain",
  AC: "retain",
  BA: "develop",
  BB: "maintain",
  BC: "maintain",
  CA: "develop",
  CB: "develop",
  CC: "maintain",
};

export interface CrossAbcResult {
  sales: AbcClass;
  potential: AbcClass;
  cell: CrossCell;
  strategy: SegmentId;
}

/** ABC on salesN × ABC on potential (each over the whole portfolio), mapped to a strategy by `table`. */
export function crossAbc(
  clients: readonly Pick<Client, "id" | "salesN" | "potential">[],
  thresholds: AbcThresholds = DEFAULT_ABC_THRESHOLDS,
  table: CrossTable = DEFAULT_CROSS_TABLE,
): Map<string, CrossAbcResult> {
  checkAbcThresholds(thresholds);
  const bySales = abc(
    clients.map((c) => ({ id: c.id, value: c.salesN })),
    thresholds,
  );
  const byPotential = abc(
    clients.map((c) => ({ id: c.id, value: c.potential })),
    thresholds,
  );
  const out = new Map<string, CrossAbcResult>();
  for (const c of clients) {
    const sales = bySales.get(c.id)?.class ?? "C";
    const potential = byPotential.get(c.id)?.class ?? "C";
    const cell: CrossCell = `${sales}${potential}`;
    out.set(c.id, { sales, potential, cell, strategy: table[cell] });
  }
  return out;
}
