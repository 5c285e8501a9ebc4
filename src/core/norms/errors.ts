/** Errors of the norms module: named, carrying the data a caller needs to explain them. */
import { CoreError } from "../errors";

export class UnknownSegmentError extends CoreError<"unknownSegment"> {
  constructor(
    readonly segment: string,
    readonly known: readonly string[],
  ) {
    super(
      "unknownSegment",
      { segment, known },
      `Unknown segment '${segment}' (known: ${known.join(", ") || "none"})`,
    );
    this.name = "UnknownSegmentError";
  }
}

export class UnknownChannelError extends CoreError<"unknownChannel"> {
  constructor(
    readonly channel: string,
    readonly known: readonly string[],
  ) {
    super(
      "unknownChannel",
      { channel, known },
      `Unknown channel '${channel}' (known: ${known.join(", ") || "none"})`,
    );
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

export class InvalidNormTableError extends CoreError<"invalidNormTable"> {
  constructor(readonly problems: readonly NormProblem[]) {
    super("invalidNormTable", { problems }, `Invalid norms: ${problems.map((p) => p.message).join("; ")}`);
    this.name = "InvalidNormTableError";
  }
}
