/** Segmentation: ABC, cross ABC, the strategic segments of domain.md and user-defined ordered rules. */
export type { AbcClass } from "../types";
export type { AbcItem, AbcResult, AbcThresholds } from "./abc";
export { abc, compareIds, DEFAULT_ABC_THRESHOLDS } from "./abc";
export type { CrossAbcResult, CrossCell, CrossTable } from "./crossAbc";
export { crossAbc, CROSS_CELLS, DEFAULT_CROSS_TABLE } from "./crossAbc";
export { shareOfWallet, trend } from "./measures";
export type { SegmentAssignment, SegmentFlag, StrategicParams } from "./strategic";
export { strategicSegments, DEFAULT_STRATEGIC_PARAMS } from "./strategic";
export type { Condition, ConditionField, Operator, SegmentRule } from "./rules";
export {
  segmentByRules,
  validateRules,
  RuleValidationError,
  NUMERIC_FIELDS,
  CLASS_FIELDS,
  OPERATORS,
} from "./rules";
export { InvalidSegmentParamsError, checkAbcThresholds, checkStrategicParams } from "./params";
export type { SegmentSummary } from "./summary";
export { summariseSegments } from "./summary";
