/** Norms and channels: contacts per year per segment and channel, and their weighting. */
export type { NormTable } from "./norms";
export {
  DEFAULT_NORMS,
  normFor,
  weighted,
  channelProblems,
  normTableProblems,
  validateNormTable,
} from "./norms";
export type { NormProblem } from "./errors";
export { UnknownSegmentError, UnknownChannelError, InvalidNormTableError } from "./errors";
export type { NormGridOptions } from "./grid";
export { normTableFromGrid } from "./grid";
