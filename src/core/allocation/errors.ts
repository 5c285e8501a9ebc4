/** Allocation errors, carrying the numbers that explain them (EN message, FR in messageFr). */

const fmt = (n: number): string => (Number.isFinite(n) ? String(n) : "∞");

export class InfeasibleAllocationError extends Error {
  readonly capacity: number;
  readonly minimumNeeded: number;
  /** Σ of the clients' maximums; Infinity when some client has none. */
  readonly maximumAllowed: number;
  readonly messageFr: string;

  constructor(capacity: number, minimumNeeded: number, maximumAllowed: number) {
    const tooSmall = minimumNeeded > capacity;
    super(
      tooSmall
        ? `Cannot allocate ${fmt(capacity)} units: the clients' minimums add up to ${fmt(minimumNeeded)} (maximums allow ${fmt(maximumAllowed)}).`
        : `Cannot use exactly ${fmt(capacity)} units: the clients' maximums allow only ${fmt(maximumAllowed)} (minimums need ${fmt(minimumNeeded)}).`,
    );
    this.name = "InfeasibleAllocationError";
    this.capacity = capacity;
    this.minimumNeeded = minimumNeeded;
    this.maximumAllowed = maximumAllowed;
    this.messageFr = infeasibleMessageFr(capacity, minimumNeeded, maximumAllowed);
  }
}

export function infeasibleMessageFr(capacity: number, minimumNeeded: number, maximumAllowed: number): string {
  return minimumNeeded > capacity
    ? `Impossible de répartir ${fmt(capacity)} contacts : les minimums des clients totalisent ${fmt(minimumNeeded)} (les maximums permettent ${fmt(maximumAllowed)}).`
    : `Impossible d'utiliser exactement ${fmt(capacity)} contacts : les maximums des clients n'en permettent que ${fmt(maximumAllowed)} (les minimums en demandent ${fmt(minimumNeeded)}).`;
}

/** Bad allocation input: names the client (when there is one), the field and the value. */
export class InvalidAllocationInputError extends Error {
  readonly clientId: string | null;
  readonly field: string;
  readonly value: unknown;
  readonly messageFr: string;

  constructor(clientId: string | null, field: string, value: unknown, reasonEn: string, reasonFr: string) {
    const who = clientId === null ? "" : `client "${clientId}", `;
    const whoFr = clientId === null ? "" : `client « ${clientId} », `;
    super(`Allocation input: ${who}${field} = ${JSON.stringify(value)}: ${reasonEn}`);
    this.name = "InvalidAllocationInputError";
    this.clientId = clientId;
    this.field = field;
    this.value = value;
    this.messageFr = `Répartition : ${whoFr}${field} = ${JSON.stringify(value)} : ${reasonFr}`;
  }
}
