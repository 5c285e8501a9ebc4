export { computeCapacity, DEFAULT_PROSPECTING_SHARE, DEFAULT_REMOTE_PER_DAY } from "./computeCapacity";
export { claimWorkingDays, isDated } from "./datedDays";
export { InvalidCapacityInputError } from "./errors";
export { formatDatedPeriods, InvalidDatedPeriodsError, parseDatedPeriods } from "./periodsText";
export type { DatedPeriodsProblem } from "./periodsText";
export type {
  CapacityInput,
  CapacityResult,
  DatedPeriod,
  DaysInput,
  ExplanationLine,
  ExplanationOp,
  ExplanationUnit,
  RemoteCapacity,
} from "./types";
