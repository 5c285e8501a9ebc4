/**
 * The core's errors are a code and data (as actual's SyncError { reason, meta }): each face has one
 * catalogue that turns them into the rep's words (French or English) and into its own error kind
 * (an Excel error, an HTTP status). The core keeps an English message for logs and stack traces.
 */

/** What a value should have been: the reason of an input error, as data. */
export type Requirement =
  | { kind: "number" }
  | { kind: "nonNegative" }
  | { kind: "wholeNumber" }
  /** min ≤ value ≤ max, or value < max when maxOpen. */
  | { kind: "range"; min: number; max: number; maxOpen: boolean }
  | { kind: "above"; bound: number }
  | { kind: "atLeast"; bound: number }
  /** A minimum above the client's maximum. */
  | { kind: "notAboveMaximum"; maximum: number }
  /** A period end before its start. */
  | { kind: "notBeforeStart"; start: string }
  /** Days off that exceed the period's working days (with the leave already counted, when given). */
  | { kind: "withinWorkingDays"; workingDays: number; leaveDays: number | null; rtt?: boolean };

/** The data each core error carries, by code. */
export interface CoreErrorData {
  unknownSegment: { segment: string; known: readonly string[] };
  unknownChannel: { channel: string; known: readonly string[] };
  invalidNormTable: {
    problems: readonly { segment: string | null; channel: string | null; message: string }[];
  };
  infeasibleAllocation: { capacity: number; minimumNeeded: number; maximumAllowed: number };
  invalidAllocationInput: {
    clientId: string | null;
    field: string;
    value: unknown;
    requirement: Requirement;
  };
  invalidCapacityInput: { field: string; value: unknown; requirement: Requirement };
  invalidPeriod: { start: string; end: string };
  invalidSeasonality: { weights: readonly number[] };
  invalidOption: { option: string; value: number; requirement: Requirement };
  unknownCalendar: { country: string; region: string | null };
  invalidDate: { value: string; field: string };
  invalidDatedPeriods: { field: string; part: string; problem: "badDate" | "endBeforeStart" | "notAPeriod" };
  invalidSegmentParams: { field: string; value: number; reason: string };
  invalidRule: {
    ruleIndex: number | null;
    conditionIndex: number | null;
    field: string | null;
    reason: string;
  };
}

export type CoreErrorCode = keyof CoreErrorData;

/** An error of the core: a code and its data; `message` is the English text for logs. */
export class CoreError<C extends CoreErrorCode = CoreErrorCode> extends Error {
  constructor(
    readonly code: C,
    readonly data: CoreErrorData[C],
    message: string,
  ) {
    super(message);
  }
}

/** True for any error of the core (narrowed to the union of every code). */
export function isCoreError(error: unknown): error is CoreError {
  return error instanceof CoreError;
}

const fmt = (n: number): string => (Number.isFinite(n) ? String(n) : "∞");

/** The English reason a requirement gives, for the core's log messages. */
export function requirementEn(r: Requirement): string {
  switch (r.kind) {
    case "number":
      return "must be a number.";
    case "nonNegative":
      return "must be a number ≥ 0.";
    case "wholeNumber":
      return "must be a whole number.";
    case "range":
      return r.maxOpen
        ? `must be in [${fmt(r.min)}, ${fmt(r.max)}).`
        : `must be between ${fmt(r.min)} and ${fmt(r.max)}.`;
    case "above":
      return `must be greater than ${fmt(r.bound)}.`;
    case "atLeast":
      return `must be ≥ ${fmt(r.bound)}.`;
    case "notAboveMaximum":
      return `exceeds the maximum (${fmt(r.maximum)}).`;
    case "notBeforeStart":
      return `is before the start (${r.start}).`;
    case "withinWorkingDays":
      return r.leaveDays === null
        ? `exceeds the ${r.workingDays} working days of the period.`
        : `with ${r.leaveDays} days of leave${r.rtt === true ? " and RTT" : ""}, exceeds the ${r.workingDays} working days of the period.`;
  }
}

export { fmt as formatBound };
