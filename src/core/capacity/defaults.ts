/** Capacity defaults, apart from the calendar so the pane's first paint can read them. */
export const DEFAULT_PROSPECTING_SHARE = 0.2;
/** Visit-equivalents a remote day holds (e.g. 12 calls of weight 0.25). */
export const DEFAULT_REMOTE_PER_DAY = 3;
