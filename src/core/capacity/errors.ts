import type { Requirement } from "../errors";
import { CoreError, requirementEn } from "../errors";

/** Bad capacity input: names the field, the value and what it needs. */
export class InvalidCapacityInputError extends CoreError<"invalidCapacityInput"> {
  readonly field: string;
  readonly value: unknown;

  constructor(field: string, value: unknown, requirement: Requirement) {
    super(
      "invalidCapacityInput",
      { field, value, requirement },
      `Capacity input "${field}" = ${JSON.stringify(value)}: ${requirementEn(requirement)}`,
    );
    this.name = "InvalidCapacityInputError";
    this.field = field;
    this.value = value;
  }
}
