/** Errors of tour planning: a code and its data, with French and English messages. */

export class InvalidTourInputError extends Error {
  readonly field: string;
  readonly value: unknown;
  readonly messageFr: string;

  constructor(field: string, value: unknown, expectedEn: string, expectedFr: string) {
    super(`${field}: ${JSON.stringify(value)} is not valid (expected ${expectedEn}).`);
    this.name = "InvalidTourInputError";
    this.field = field;
    this.value = value;
    this.messageFr = `${field} : ${JSON.stringify(value)} n'est pas valide (attendu : ${expectedFr}).`;
  }
}
