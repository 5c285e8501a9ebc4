export { computeCapacity, DEFAULT_PROSPECTING_SHARE } from "./computeCapacity";
export { InvalidCapacityInputError } from "./errors";
export type { CapacityInput, CapacityResult, ExplanationLine, ExplanationOp, ExplanationUnit } from "./types";
