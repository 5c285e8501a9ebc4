/** Consolidation of many reps' tracked plans: team view, coherence flags, N+1 view. */
export {
  addClient,
  DEFAULT_SYMPTOM_SEGMENTS,
  emptyFigures,
  figuresOf,
  mergeFigures,
  mergeSegmentFigures,
  ratiosOf,
  segmentFiguresOf,
} from "./figures";
export type { Figures, Ratios, SegmentFigures, SymptomSegments } from "./figures";
export {
  coherenceFlags,
  hasCapacity,
  INTENSITY_BAND,
  median,
  segmentMedians,
  UTILISATION_BAND,
  utilisationFlags,
  utilisationOf,
} from "./coherence";
export type { CoherenceFlag, CoherenceFlagKind, CoherenceOptions, CoherenceRep } from "./coherence";
export {
  consolidateSums,
  consolidateTeam,
  emptyTeamSums,
  mergeTeams,
  mergeTeamSums,
  repView,
  repViewOfSums,
} from "./team";
export type {
  ConsolidationOptions,
  RepInput,
  RepSums,
  RepView,
  SegmentView,
  TeamSums,
  TeamView,
} from "./team";
export { directorView, isOpenAction, ritualsOf } from "./manager";
export type { ActionItem, DirectorInput, DirectorView, ManagerView, Review, Rituals } from "./manager";
export { managerReport, repReport, teamReport, teamTotals } from "./report";
export type {
  DirectorReport,
  FiguresReport,
  ManagerReport,
  RepReport,
  ReportFlag,
  ReportFlagKind,
  TeamReport,
} from "./report";
