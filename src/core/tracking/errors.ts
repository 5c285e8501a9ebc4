/** Errors of tracking and consolidation inputs, carrying the offending data (a code and data). */
import type { Requirement } from "../errors";
import { CoreError, requirementEn } from "../errors";

export class InvalidPeriodError extends CoreError<"invalidPeriod"> {
  readonly start: string;
  readonly end: string;

  constructor(start: string, end: string) {
    super("invalidPeriod", { start, end }, `The period ends (${end}) before it starts (${start}).`);
    this.name = "InvalidPeriodError";
    this.start = start;
    this.end = end;
  }
}

export class InvalidSeasonalityError extends CoreError<"invalidSeasonality"> {
  readonly weights: readonly number[];

  constructor(weights: readonly number[]) {
    super(
      "invalidSeasonality",
      { weights: [...weights] },
      `Seasonality needs 12 monthly weights, each ≥ 0, not all 0 (got ${weights.length}: ${weights.join(", ")}).`,
    );
    this.name = "InvalidSeasonalityError";
    this.weights = [...weights];
  }
}

export class InvalidOptionError extends CoreError<"invalidOption"> {
  readonly option: string;
  readonly value: number;

  constructor(option: string, value: number, requirement: Requirement) {
    super(
      "invalidOption",
      { option, value, requirement },
      `Option ${option} = ${value}: ${requirementEn(requirement)}`,
    );
    this.name = "InvalidOptionError";
    this.option = option;
    this.value = value;
  }
}
