/** The year-end plan: segmentation choice, norms, capacity and allocation in one call. */
export { buildPlan, responseFor } from "./buildPlan";
export type { PlanCapacity, PlanOptions, PlanResult, PlannedClient, PoolResult } from "./buildPlan";
export { allocatePool, DEFAULT_CEILING_FACTOR, DEFAULT_PRIORITY } from "./pool";
export type { PoolChoice, PoolMember, ShortfallMode } from "./pool";
export type { Unfunded } from "./remote";
export { segmentPortfolio, segmentsOf, ABC_SEGMENTS } from "./segmentation";
export type { SegmentationChoice } from "./segmentation";
export { clientValue, describeClient } from "./explain";
