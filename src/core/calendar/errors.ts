/** Errors of the working-day calendar, carrying the offending data (a code and data). */
import { CoreError } from "../errors";

export class UnknownCalendarError extends CoreError<"unknownCalendar"> {
  readonly country: string;
  readonly region: string | null;

  constructor(country: string, region: string | null) {
    const where = region === null ? `country "${country}"` : `region "${region}" of country "${country}"`;
    super(
      "unknownCalendar",
      { country, region },
      `Unknown calendar: no public holidays are known for ${where}.`,
    );
    this.name = "UnknownCalendarError";
    this.country = country;
    this.region = region;
  }
}

export class InvalidDateError extends CoreError<"invalidDate"> {
  readonly value: string;
  readonly field: string;

  constructor(value: string, field: string) {
    super("invalidDate", { value, field }, `${field}: "${value}" is not a valid date (expected YYYY-MM-DD).`);
    this.name = "InvalidDateError";
    this.value = value;
    this.field = field;
  }
}
