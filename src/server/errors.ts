/**
 * The store's error catalogue (as fastify's lib/errors.js): code → HTTP status → message in English
 * and French. Bodies are `{ error: { code, message, details } }`; 4xx for the caller, 5xx for us.
 */
export const ERRORS = {
  BAD_REQUEST: [400, "The request is invalid.", "La requête est invalide."],
  INVALID_JSON: [400, "The body is not valid JSON.", "Le corps de la requête n'est pas un JSON valide."],
  VALIDATION: [400, "The request does not match the schema.", "La requête ne respecte pas le schéma."],
  UNKNOWN_TABLE: [400, "Unknown table.", "Table inconnue."],
  UNKNOWN_FIELD: [400, "Unknown field.", "Champ inconnu."],
  BAD_FIELD_VALUE: [400, "A field value has the wrong type.", "Une valeur de champ a un type incorrect."],
  DUPLICATE_MUTATION: [
    400,
    "The same mutation id appears twice in one push.",
    "Un même identifiant de mutation apparaît deux fois.",
  ],
  UNSUPPORTED_MEDIA_TYPE: [415, "Send application/json.", "Envoyez du application/json."],
  UNAUTHENTICATED: [401, "A valid access token is required.", "Un jeton d'accès valide est requis."],
  FORBIDDEN: [403, "You may not do this.", "Vous n'avez pas le droit de faire cela."],
  NOT_FOUND: [404, "Not found.", "Introuvable."],
  ROW_NOT_FOUND: [404, "The row does not exist.", "La ligne n'existe pas."],
  PERSON_NOT_FOUND: [404, "No such person.", "Personne inconnue."],
  CONFLICT: [409, "This conflicts with existing data.", "Cela entre en conflit avec des données existantes."],
  METHOD_NOT_ALLOWED: [405, "Method not allowed.", "Méthode non autorisée."],
  REQUEST_TIMEOUT: [408, "The request took too long to arrive.", "La requête a mis trop de temps à arriver."],
  HEADERS_TOO_LARGE: [
    431,
    "The request headers are too large.",
    "Les en-têtes de la requête sont trop volumineux.",
  ],
  MUTATION_REUSED: [
    409,
    "A mutation id was sent again with different content.",
    "Un identifiant de mutation a été renvoyé avec un contenu différent.",
  ],
  STORED_DATA_OUT_OF_RANGE: [
    422,
    "Stored figures are out of range; correct the plan rows named in details.",
    "Des chiffres enregistrés sont hors limites ; corrigez les lignes de plan indiquées.",
  ],
  BODY_TOO_LARGE: [413, "The body is too large.", "Le corps de la requête est trop volumineux."],
  RATE_LIMITED: [429, "Too many requests; retry later.", "Trop de requêtes ; réessayez plus tard."],
  NOT_READY: [503, "The database is not reachable.", "La base de données est injoignable."],
  DB_UNAVAILABLE: [
    503,
    "The database is briefly unavailable; retry shortly.",
    "La base de données est momentanément indisponible ; réessayez dans un instant.",
  ],
  INTERNAL: [500, "Internal error.", "Erreur interne."],
} as const satisfies Record<string, readonly [number, string, string]>;

export type ErrorCode = keyof typeof ERRORS;

/** An error the API returns as is. */
export class ApiError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    message?: string,
  ) {
    const [status, en, fr] = ERRORS[code];
    super(message ?? `${en} / ${fr}`);
    this.name = "ApiError";
    this.statusCode = status;
  }
}

export function errorBody(code: ErrorCode, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}
