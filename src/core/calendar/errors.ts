/** Errors of the working-day calendar, carrying the offending data. */

export class UnknownCalendarError extends Error {
  readonly country: string;
  readonly region: string | null;
  readonly messageFr: string;

  constructor(country: string, region: string | null) {
    const where = region === null ? `country "${country}"` : `region "${region}" of country "${country}"`;
    const whereFr = region === null ? `pays « ${country} »` : `région « ${region} » du pays « ${country} »`;
    super(`Unknown calendar: no public holidays are known for ${where}.`);
    this.name = "UnknownCalendarError";
    this.country = country;
    this.region = region;
    this.messageFr = `Calendrier inconnu : aucun jour férié connu pour le ${whereFr}.`;
  }
}

export class InvalidDateError extends Error {
  readonly value: string;
  readonly field: string;
  readonly messageFr: string;

  constructor(value: string, field: string) {
    super(`${field}: "${value}" is not a valid date (expected YYYY-MM-DD).`);
    this.name = "InvalidDateError";
    this.value = value;
    this.field = field;
    this.messageFr = `${field} : « ${value} » n'est pas une date valide (format attendu AAAA-MM-JJ).`;
  }
}
