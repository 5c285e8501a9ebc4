/** The segmentation methods a plan can use, behind one call (wizard, CLI and functions share it). */
import * as segment from "../segment";
import type { AbcThresholds, CrossTable, SegmentAssignment, SegmentRule, StrategicParams } from "../segment";
import type { Client, Segment } from "../types";
import { ABC_SEGMENTS, STRATEGIC_SEGMENTS } from "../types";

export type SegmentationChoice =
  | { method: "strategic"; params?: Partial<StrategicParams> }
  | { method: "abc"; measure?: "salesN" | "potential"; thresholds?: AbcThresholds }
  | { method: "crossAbc"; thresholds?: AbcThresholds; table?: CrossTable }
  | {
      method: "rules";
      rules: readonly SegmentRule[];
      fallback: string;
      thresholds?: Partial<AbcThresholds>;
      /** Months CA N covers (default 12): a rule on the trend compares the same months of N-1. */
      monthsN?: number;
    };

export { ABC_SEGMENTS };

/** The segments a method produces, for labels and norms (user rules bring their own ids). */
export function segmentsOf(choice: SegmentationChoice): readonly Segment[] {
  return choice.method === "abc" ? ABC_SEGMENTS : STRATEGIC_SEGMENTS;
}

export function segmentPortfolio(
  clients: readonly Client[],
  choice: SegmentationChoice,
): Map<string, SegmentAssignment> {
  switch (choice.method) {
    case "strategic":
      return segment.strategicSegments(clients, choice.params);
    case "rules":
      return segment.segmentByRules(clients, choice.rules, choice.fallback, {
        ...choice.thresholds,
        ...(choice.monthsN === undefined ? {} : { monthsN: choice.monthsN }),
      });
    case "abc": {
      const measure = choice.measure ?? "salesN";
      const classes = segment.abc(
        clients.map((c) => ({ id: c.id, value: c[measure] })),
        choice.thresholds,
      );
      return withOverrides(clients, (c) => {
        const r = classes.get(c.id);
        const cls = r?.class ?? "C";
        return {
          segment: cls,
          flags: r?.noSales === true ? ["noSales"] : [],
          reason: `ABC on ${measure}: ${(100 * (r?.cumulativeBefore ?? 1)).toFixed(1)} % of the total before it → ${cls}`,
          reasonFr: `ABC sur ${measure === "salesN" ? "le CA N" : "le potentiel"} : ${(100 * (r?.cumulativeBefore ?? 1)).toFixed(1).replace(".", ",")} % du total avant lui → ${cls}`,
        };
      });
    }
    case "crossAbc": {
      const cells = segment.crossAbc(clients, choice.thresholds, choice.table);
      return withOverrides(clients, (c) => {
        const r = cells.get(c.id);
        return {
          segment: r?.strategy ?? "maintain",
          flags: [],
          reason: `Cross ABC cell ${r?.cell ?? "CC"} (sales ${r?.sales ?? "C"}, potential ${r?.potential ?? "C"})`,
          reasonFr: `Case ABC croisée ${r?.cell ?? "CC"} (CA ${r?.sales ?? "C"}, potentiel ${r?.potential ?? "C"})`,
        };
      });
    }
  }
}

/** Wraps a simple per-client decision into full assignments, letting a row's forced segment win. */
function withOverrides(
  clients: readonly Client[],
  decide: (c: Client) => Pick<SegmentAssignment, "segment" | "flags" | "reason" | "reasonFr">,
): Map<string, SegmentAssignment> {
  const facts = segment.strategicSegments(clients);
  const out = new Map<string, SegmentAssignment>();
  for (const c of clients) {
    const base = facts.get(c.id);
    if (base === undefined) continue;
    const decided = decide(c);
    const forced = c.segmentOverride?.trim() ?? "";
    out.set(c.id, {
      ...base,
      segment: forced !== "" ? forced : decided.segment,
      flags: forced !== "" ? [...decided.flags, "override"] : decided.flags,
      reason: forced !== "" ? `Forced by the row (method would give ${decided.segment})` : decided.reason,
      reasonFr:
        forced !== "" ? `Forcé par la ligne (la méthode donnerait ${decided.segment})` : decided.reasonFr,
    });
  }
  return out;
}
