/** Bad capacity input: names the field, the value and why (EN and FR). */
export class InvalidCapacityInputError extends Error {
  readonly field: string;
  readonly value: unknown;
  readonly messageFr: string;

  constructor(field: string, value: unknown, reasonEn: string, reasonFr: string) {
    super(`Capacity input "${field}" = ${JSON.stringify(value)}: ${reasonEn}`);
    this.name = "InvalidCapacityInputError";
    this.field = field;
    this.value = value;
    this.messageFr = `Paramètre de capacité « ${field} » = ${JSON.stringify(value)} : ${reasonFr}`;
  }
}
