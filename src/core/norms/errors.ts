/** Errors of the norms module: named, carrying the data a caller needs to explain them. */

export class UnknownSegmentError extends Error {
  constructor(
    readonly segment: string,
    readonly known: readonly string[],
  ) {
    super(`Unknown segment '${segment}' (known: ${known.join(", ") || "none"})`);
    this.name = "UnknownSegmentError";
  }
}

export class UnknownChannelError extends Error {
  constructor(
    readonly channel: string,
    readonly known: readonly string[],
  ) {
    super(`Unknown channel '${channel}' (known: ${known.join(", ") || "none"})`);
    this.name = "UnknownChannelError";
  }
}

/** One problem in a user-edited norm table or channel list. */
export interface NormProblem {
  /** Segment id, or null for a channel-list problem. */
  segment: string | null;
  channel: string | null;
  code: "negative" | "notFinite" | "unknownChannel" | "duplicateChannel" | "badWeight" | "emptyId";
  message: string;
}

export class InvalidNormTableError extends Error {
  constructor(readonly problems: readonly NormProblem[]) {
    super(`Invalid norms: ${problems.map((p) => p.message).join("; ")}`);
    this.name = "InvalidNormTableError";
  }
}
