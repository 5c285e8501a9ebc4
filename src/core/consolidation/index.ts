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
export { coherenceFlags, median, segmentMedians } from "./coherence";
export type { CoherenceFlag, CoherenceFlagKind, CoherenceOptions, CoherenceRep } from "./coherence";
export { consolidateTeam, emptyTeamSums, mergeTeams, mergeTeamSums, repView } from "./team";
export type { ConsolidationOptions, RepInput, RepView, SegmentView, TeamSums, TeamView } from "./team";
export { directorView, isOpenAction, ritualsOf } from "./manager";
export type { ActionItem, DirectorInput, DirectorView, ManagerView, Review, Rituals } from "./manager";
