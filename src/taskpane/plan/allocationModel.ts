/** The Allocation step's figures: the core's plan, per segment, and what one more visit day is worth. */
import * as plan from "../../core/plan";
import type { CapacityResult } from "../../core/capacity";
import type { NormTable } from "../../core/norms";
import type { Channel, ChannelCounts, SegmentId } from "../../core/types";
import type { SegmentedClient } from "./planModel";
import type { AllocationMethod, SegmentationChoices, ShortfallChoices } from "./planModel.types";
import { segmentationChoice, withOverrides } from "./planModel";

export interface SegmentAllocation {
  segment: SegmentId;
  clients: number;
  norm: ChannelCounts;
  planned: ChannelCounts;
}

export type AllocationOutcome =
  | {
      ok: true;
      result: plan.PlanResult;
      perSegment: SegmentAllocation[];
      /** Value of one more visit for existing clients (the shadow price), null when capacity does not bind. */
      visitShadowPrice: number | null;
      /** shadow price × visits per day: what one more field day would be worth. */
      visitDayValue: number | null;
    }
  | { ok: false; error: unknown };

export function allocate(
  segmented: readonly SegmentedClient[],
  segmentation: SegmentationChoices,
  table: NormTable,
  channels: readonly Channel[],
  capacity: CapacityResult,
  method: AllocationMethod,
  visitsPerDay: number,
  shortfall: ShortfallChoices = { mode: "proportional", floor: false },
): AllocationOutcome {
  try {
    const clients = withOverrides(
      segmented.map((s) => s.client),
      segmentation.overrides,
    );
    const result = plan.buildPlan(clients, {
      segmentation: segmentationChoice(segmentation),
      norms: table,
      channels,
      capacity: {
        perChannel: capacity.perChannel,
        prospecting: { visits: capacity.prospecting.visits },
        remote: { visitEquivalents: capacity.remote.visitEquivalents, perDay: capacity.remote.perDay },
      },
      method,
      mode: shortfall.mode,
      floor: shortfall.floor,
    });
    const pool = result.pools.find((p) => p.channel === "visit" && p.pool !== "prospects");
    const shadow = pool?.result.shadowPrice ?? null;
    return {
      ok: true,
      result,
      perSegment: perSegment(result),
      visitShadowPrice: shadow,
      visitDayValue: shadow === null ? null : shadow * visitsPerDay,
    };
  } catch (error: unknown) {
    return { ok: false, error };
  }
}

function add(into: Record<string, number>, counts: ChannelCounts): void {
  for (const [channel, n] of Object.entries(counts)) into[channel] = (into[channel] ?? 0) + (n ?? 0);
}

export function perSegment(result: plan.PlanResult): SegmentAllocation[] {
  const rows = new Map<
    SegmentId,
    { segment: SegmentId; clients: number; norm: Record<string, number>; planned: Record<string, number> }
  >();
  for (const c of result.clients) {
    let row = rows.get(c.segment);
    if (row === undefined) {
      row = { segment: c.segment, clients: 0, norm: {}, planned: {} };
      rows.set(c.segment, row);
    }
    row.clients += 1;
    add(row.norm, c.norm);
    add(row.planned, c.planned);
  }
  return [...rows.values()];
}
