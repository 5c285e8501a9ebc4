/** Allocation errors, carrying the numbers that explain them (a code and data; words at the edge). */
import type { Requirement } from "../errors";
import { CoreError, formatBound as fmt, requirementEn } from "../errors";

export class InfeasibleAllocationError extends CoreError<"infeasibleAllocation"> {
  readonly capacity: number;
  readonly minimumNeeded: number;
  /** Σ of the clients' maximums; Infinity when some client has none. */
  readonly maximumAllowed: number;

  constructor(capacity: number, minimumNeeded: number, maximumAllowed: number) {
    super(
      "infeasibleAllocation",
      { capacity, minimumNeeded, maximumAllowed },
      minimumNeeded > capacity
        ? `Cannot allocate ${fmt(capacity)} units: the clients' minimums add up to ${fmt(minimumNeeded)} (maximums allow ${fmt(maximumAllowed)}).`
        : `Cannot use exactly ${fmt(capacity)} units: the clients' maximums allow only ${fmt(maximumAllowed)} (minimums need ${fmt(minimumNeeded)}).`,
    );
    this.name = "InfeasibleAllocationError";
    this.capacity = capacity;
    this.minimumNeeded = minimumNeeded;
    this.maximumAllowed = maximumAllowed;
  }
}

/** Bad allocation input: names the client (when there is one), the field, the value and what it needs. */
export class InvalidAllocationInputError extends CoreError<"invalidAllocationInput"> {
  readonly clientId: string | null;
  readonly field: string;
  readonly value: unknown;

  constructor(clientId: string | null, field: string, value: unknown, requirement: Requirement) {
    const who = clientId === null ? "" : `client "${clientId}", `;
    super(
      "invalidAllocationInput",
      { clientId, field, value, requirement },
      `Allocation input: ${who}${field} = ${JSON.stringify(value)}: ${requirementEn(requirement)}`,
    );
    this.name = "InvalidAllocationInputError";
    this.clientId = clientId;
    this.field = field;
    this.value = value;
  }
}
