import type { SourceRead } from "../../excel/gateway.types";
import type { Channel, ChannelCounts, SegmentId } from "../../core/types";
import type { ColumnMapping } from "../../core/parse";
import type { SegmentRule, StrategicParams } from "../../core/segment";
import type { NormTable } from "../../core/norms";
import type { ShortfallMode } from "../../core/plan";
import type { DatedPeriod } from "../../core/capacity";

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
  /** Dated leave: when any, the leave is their working days (the count is not read) and tracking skips them. */
  leavePeriods: readonly DatedPeriod[];
  rttDays: number;
  rttPeriods: readonly DatedPeriod[];
  nonFieldDays: number;
  /** Visits per field day ({ visit: 4 }); remote channels share the remote days. */
  contactsPerDay: ChannelCounts;
  /** Share (0..1) of the available days at the desk: 0.2 is one day a week. */
  remoteShare: number;
  /** Visit-equivalents a remote day holds. */
  remotePerDay: number;
  prospectingShare: number;
}

/** What the plan does when the norms ask more than the capacity. */
export interface ShortfallChoices {
  mode: ShortfallMode;
  /** Keep one contact a year for every active client. */
  floor: boolean;
}

/** Every choice the wizard collects; the plan is derived from it by pure functions. */
export interface PlanChoices {
  source: SourceRead | null;
  mapping: ColumnMapping;
  /** The rep chose to write the plan in their own sheet (no plan workbook, so no tracking). */
  ownSheet: boolean;
  segmentation: SegmentationChoices;
  norms: NormTable;
  channels: readonly Channel[];
  capacity: CapacityChoices;
  allocation: AllocationMethod;
  shortfall: ShortfallChoices;
}
