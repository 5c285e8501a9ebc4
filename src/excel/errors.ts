/** Office.js errors → GatewayError (a code and data), and the catalogue that says them in French or English. */
import type { Lang } from "../core/types";
import { GatewayError } from "./gateway.types";
import type { GatewayErrorCode } from "./gateway.types";

const MESSAGES: Readonly<Record<GatewayErrorCode, [fr: string, en: string]>> = {
  sheetProtected: [
    "La feuille « {sheet} » est protégée : ôtez la protection puis recommencez. Rien n'a été modifié.",
    'Sheet "{sheet}" is protected: unprotect it and try again. Nothing was changed.',
  ],
  tableMissing: [
    "Le tableau « {table} » est introuvable (supprimé ou renommé ?). Rien n'a été modifié.",
    'Table "{table}" cannot be found (deleted or renamed?). Nothing was changed.',
  ],
  tableMoved: [
    "Le tableau « {table} » a changé de place ou de taille depuis la lecture ({was} → {now}) : relisez-le. Rien n'a été modifié.",
    'Table "{table}" moved or changed size since it was read ({was} → {now}): read it again. Nothing was changed.',
  ],
  editMode: [
    "Une cellule est en cours de modification : validez-la (Entrée) puis recommencez.",
    "A cell is being edited: press Enter to finish, then try again.",
  ],
  missingColumn: [
    "La colonne « {column} » est introuvable dans « {where} ». Rien n'a été modifié.",
    'Column "{column}" is missing in "{where}". Nothing was changed.',
  ],
  alreadyExists: [
    "Ce classeur contient déjà « {name} » : Cadence ne l'écrase pas.",
    'This workbook already has "{name}": Cadence does not overwrite it.',
  ],
  notPlanWorkbook: [
    "Ce classeur n'est pas un plan Cadence (tableau « {table} » absent) : créez d'abord le plan.",
    'This workbook is not a Cadence plan (no "{table}" table): create the plan first.',
  ],
  emptySource: [
    "La sélection est vide ou n'a qu'une ligne : sélectionnez le tableau avec sa ligne d'en-tête.",
    "The selection is empty or has a single row: select the table with its header row.",
  ],
  severalAreas: [
    "La sélection compte plusieurs zones ({address}) : Cadence lit un seul bloc. Sélectionnez le tableau d'un seul tenant avec sa ligne d'en-tête, ou cliquez une seule cellule de la liste.",
    "The selection has several areas ({address}): Cadence reads one block. Select the table in one piece with its header row, or click a single cell of the list.",
  ],
  targetNotEmpty: [
    "Les cellules {address} à droite du tableau ne sont pas vides : Cadence n'écrit pas par-dessus vos données. Libérez-les ou convertissez la plage en tableau.",
    "Cells {address} right of the data are not empty: Cadence does not write over your data. Clear them or turn the range into a table.",
  ],
  aborted: ["Opération annulée. Rien n'a été modifié.", "Cancelled. Nothing was changed."],
  createFailed: [
    "Le classeur de plan n'a pas été créé : {reason} Les feuilles que Cadence avait commencé à ajouter ont été retirées ; vos feuilles n'ont pas changé.",
    "The plan workbook was not created: {reason} The sheets Cadence had started to add were removed; your own sheets are unchanged.",
  ],
  createCleanupFailed: [
    "Le classeur de plan n'a pas été créé : {reason} Cadence n'a pas pu retirer les feuilles qu'il avait commencé à ajouter ({sheets}) : supprimez-les, puis recommencez. Vos feuilles n'ont pas changé.",
    "The plan workbook was not created: {reason} Cadence could not remove the sheets it had started to add ({sheets}): delete them, then try again. Your own sheets are unchanged.",
  ],
  unexpected: ["Erreur inattendue d'Excel : {detail}", "Unexpected Excel error: {detail}"],
};

/** Why a creation failed, when the reason is the rep's own cancel: said without "nothing was changed". */
const CANCELLED: Readonly<Record<Lang, string>> = { fr: "Opération annulée.", en: "Cancelled." };

function phrase(code: GatewayErrorCode, data: Readonly<Record<string, unknown>>, lang: Lang): string {
  const [fr, en] = MESSAGES[code];
  return (lang === "fr" ? fr : en).replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = data[key];
    // A failure's reason is another gateway error, said in the same language.
    if (v instanceof GatewayError) return v.code === "aborted" ? CANCELLED[lang] : gatewayErrorText(v, lang);
    return typeof v === "string" || typeof v === "number" ? String(v) : "";
  });
}

/** The gateway's catalogue: what an error says to the rep, in French or English. */
export function gatewayErrorText(error: GatewayError, lang: Lang): string {
  return phrase(error.code, error.details, lang);
}

export function gatewayError(
  code: GatewayErrorCode,
  data: Readonly<Record<string, unknown>> = {},
): GatewayError {
  return new GatewayError(code, data, phrase(code, data, "en"));
}

function officeCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null || !("code" in error)) return null;
  const code = error.code;
  return typeof code === "string" ? code : null;
}

/** Maps what a sync threw to a GatewayError the rep can act on. */
export function fromOffice(error: unknown, context: Readonly<Record<string, unknown>> = {}): GatewayError {
  if (error instanceof GatewayError) return error;
  switch (officeCode(error)) {
    case "InvalidOperationInCellEditMode":
      return gatewayError("editMode", context);
    case "AccessDenied":
      return gatewayError("sheetProtected", context);
    case "ItemNotFound":
      return gatewayError("tableMissing", context);
    default:
      return gatewayError("unexpected", {
        ...context,
        detail: error instanceof Error ? error.message : String(error),
      });
  }
}

/** Runs an action and turns whatever Office.js throws into a GatewayError. */
export async function withGatewayErrors<T>(
  context: Readonly<Record<string, unknown>>,
  action: () => Promise<T>,
): Promise<T> {
  try {
    return await action();
  } catch (error: unknown) {
    throw fromOffice(error, context);
  }
}

export function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw gatewayError("aborted");
}
