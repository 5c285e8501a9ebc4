/** The re-forecast as of a date: remaining capacity, remaining demand, re-planned remaining contacts. */
export { reforecast, remainingCapacityOf } from "./reforecast";
export type { ChannelReforecast, ClientReforecast, Reforecast, ReforecastInput } from "./reforecast";
export { withRemainingColumns } from "./columns";
export { summariseBySegment } from "./summary";
export type { SegmentReforecast } from "./summary";
