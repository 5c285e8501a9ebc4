/** Errors of tracking and consolidation inputs, carrying the offending data (messages in EN and FR). */

export class InvalidPeriodError extends Error {
  readonly start: string;
  readonly end: string;
  readonly messageFr: string;

  constructor(start: string, end: string) {
    super(`The period ends (${end}) before it starts (${start}).`);
    this.name = "InvalidPeriodError";
    this.start = start;
    this.end = end;
    this.messageFr = `La période se termine (${end}) avant de commencer (${start}).`;
  }
}

export class InvalidSeasonalityError extends Error {
  readonly weights: readonly number[];
  readonly messageFr: string;

  constructor(weights: readonly number[]) {
    super(
      `Seasonality needs 12 monthly weights, each ≥ 0, not all 0 (got ${weights.length}: ${weights.join(", ")}).`,
    );
    this.name = "InvalidSeasonalityError";
    this.weights = [...weights];
    this.messageFr = `La saisonnalité demande 12 poids mensuels, chacun ≥ 0, pas tous nuls (reçu ${weights.length} : ${weights.join(", ")}).`;
  }
}

export class InvalidOptionError extends Error {
  readonly option: string;
  readonly value: number;
  readonly messageFr: string;

  constructor(option: string, value: number, expected: string, expectedFr: string) {
    super(`Option ${option} = ${value}: expected ${expected}.`);
    this.name = "InvalidOptionError";
    this.option = option;
    this.value = value;
    this.messageFr = `Option ${option} = ${value} : attendu ${expectedFr}.`;
  }
}
