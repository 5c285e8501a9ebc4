/** Validation of segmentation parameters a user may edit (thresholds). */
import { CoreError } from "../errors";

export class InvalidSegmentParamsError extends CoreError<"invalidSegmentParams"> {
  constructor(
    readonly field: string,
    readonly value: number,
    readonly reason: string,
  ) {
    super(
      "invalidSegmentParams",
      { field, value, reason },
      `Invalid segmentation parameter ${field} = ${value}: ${reason}`,
    );
    this.name = "InvalidSegmentParamsError";
  }
}

/** ABC thresholds must satisfy 0 < a ≤ b ≤ 1. Throws InvalidSegmentParamsError otherwise. */
export function checkAbcThresholds(t: { a: number; b: number }): void {
  if (!Number.isFinite(t.a) || t.a <= 0 || t.a > 1) {
    throw new InvalidSegmentParamsError("a", t.a, "must be a share in ]0, 1]");
  }
  if (!Number.isFinite(t.b) || t.b < t.a || t.b > 1) {
    throw new InvalidSegmentParamsError("b", t.b, `must be a share in [a = ${t.a}, 1]`);
  }
}

/** The months CA N covers: a whole number from 1 to 12. Throws InvalidSegmentParamsError otherwise. */
export function checkMonthsN(m: number): void {
  if (!Number.isInteger(m) || m < 1 || m > 12) {
    throw new InvalidSegmentParamsError("monthsN", m, "must be a whole number of months from 1 to 12");
  }
}

/** Finite numbers for the trend and share thresholds (share ≥ 0), plus valid ABC thresholds. */
export function checkStrategicParams(p: {
  trendThreshold: number;
  shareThreshold: number;
  a: number;
  b: number;
  monthsN?: number;
}): void {
  checkAbcThresholds(p);
  checkMonthsN(p.monthsN ?? 12);
  if (!Number.isFinite(p.trendThreshold)) {
    throw new InvalidSegmentParamsError("trendThreshold", p.trendThreshold, "must be a number (e.g. -0.10)");
  }
  if (!Number.isFinite(p.shareThreshold) || p.shareThreshold < 0) {
    throw new InvalidSegmentParamsError(
      "shareThreshold",
      p.shareThreshold,
      "must be a number ≥ 0 (e.g. 0.5)",
    );
  }
}
