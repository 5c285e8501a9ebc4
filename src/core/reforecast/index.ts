/** The re-forecast as of a date: remaining capacity, remaining demand, re-planned remaining contacts. */
export { reforecast } from "./reforecast";
export { hasStarted, reforecastColumn, remainingCapacityOf, replanChannel } from "./channel";
export type { ChannelDemand, ColumnInput, ColumnReforecast, ReforecastMethod, Replanned } from "./channel";
export type { ChannelReforecast, ClientReforecast, Reforecast, ReforecastInput } from "./reforecast";
export { withRemainingColumns } from "./columns";
export { summariseBySegment } from "./summary";
export type { SegmentReforecast } from "./summary";
