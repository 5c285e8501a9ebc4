export { allocateByNorms } from "./norms";
export type { NormsClient, NormsInput } from "./norms";
export { allocateOptimized } from "./optimized";
export type { OptimizedClient, OptimizedInput } from "./optimized";
export { adbudg, calibrateD, checkParams, DEFAULT_ADBUDG, DEFAULT_RESPONSE_BY_SEGMENT } from "./adbudg";
export type { AdbudgParams, CheckedParams } from "./adbudg";
export { buildModel, marginal, valueAt } from "./model";
export type { ResponseClient, ResponseModel } from "./model";
export { greedyUnits } from "./greedy";
export { thresholdCursor, thresholdUnits } from "./threshold";
export type { Cursor } from "./greedy";
export { readBounds } from "./bounds";
export type { Bounds } from "./bounds";
export { InfeasibleAllocationError, InvalidAllocationInputError } from "./errors";
export type {
  AllocationExplanation,
  AllocationMethod,
  AllocationResult,
  BindingBound,
  ClientAllocation,
} from "./types";
