export { allocateByNorms } from "./norms";
export type { NormsClient, NormsInput } from "./norms";
export { InfeasibleAllocationError, InvalidAllocationInputError, infeasibleMessageFr } from "./errors";
export type {
  AllocationExplanation,
  AllocationMethod,
  AllocationResult,
  BindingBound,
  ClientAllocation,
} from "./types";
