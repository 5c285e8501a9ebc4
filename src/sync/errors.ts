/** The store answered with an error the client must not retry (a 4xx other than 401/408/429). */
export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly details: unknown,
    message: string,
  ) {
    super(message);
    this.name = "SyncHttpError";
  }
}

/** The store stayed unreachable (or kept failing) after every retry. */
export class SyncUnavailableError extends Error {
  constructor(
    readonly attempts: number,
    readonly lastError: unknown,
  ) {
    super(
      `The store is unreachable after ${attempts} attempts. / Le serveur est injoignable après ${attempts} essais.`,
    );
    this.name = "SyncUnavailableError";
  }
}

export class WrongPersonError extends Error {
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(
      `This workbook was synced by another person (${expected}); you are signed in as ${actual}. / Ce classeur a été synchronisé par une autre personne (${expected}) ; vous êtes connecté en tant que ${actual}.`,
    );
    this.name = "WrongPersonError";
  }
}
