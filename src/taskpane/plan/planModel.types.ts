import type { SourceRead } from "../../excel/gateway.types";
import type { Channel, ChannelCounts, SegmentId } from "../../core/types";
import type { ColumnMapping } from "../../core/parse";
import type { SegmentRule, StrategicParams } from "../../core/segment";
import type { NormTable } from "../../core/norms";

export type SegmentationMethod = "strategic" | "abc" | "crossAbc" | "rules";
export type AllocationMethod = "norms" | "optimized";

export interface SegmentationChoices {
  method: SegmentationMethod;
  params: StrategicParams;
  /** The ABC method's measure. */
  abcMeasure: "salesN" | "potential";
  /** The custom method's ordered rules (always valid: the editor commits only rules that check) and fallback. */
  rules: readonly SegmentRule[];
  fallback: SegmentId;
  /** Client id → segment forced in the pane (on top of the sheet's own override column). */
  overrides: Readonly<Record<string, SegmentId>>;
}

/** The capacity form as the rep fills it (plain numbers; percentages as 0..1). */
export interface CapacityChoices {
  year: number;
  country: string;
  region: string;
  leaveDays: number;
  nonFieldDays: number;
  contactsPerDay: ChannelCounts;
  prospectingShare: number;
}

/** Every choice the wizard collects; the plan is derived from it by pure functions. */
export interface PlanChoices {
  source: SourceRead | null;
  mapping: ColumnMapping;
  segmentation: SegmentationChoices;
  norms: NormTable;
  channels: readonly Channel[];
  capacity: CapacityChoices;
  allocation: AllocationMethod;
}
