import type { Lang, RowIssue } from "../types";

/** A parse issue: a RowIssue plus the details its messages are built from. */
export interface ParseIssue extends RowIssue {
  params?: Readonly<Record<string, string | number>>;
}

export type { Lang };

const show = (v: unknown): string => (typeof v === "string" ? v : v === undefined ? "" : JSON.stringify(v));

/** The issue's detail sentence in French or English, without its location. */
export function issueMessage(issue: ParseIssue, lang: Lang): string {
  const p = issue.params ?? {};
  const v = show(issue.value);
  const fr = lang === "fr";
  switch (issue.code) {
    case "missingId":
      if (p.what === "segment")
        return fr ? "segment manquant ; ligne ignorée" : "missing segment; row ignored";
      return fr
        ? `identifiant manquant ; la ligne garde l'identifiant généré '${String(p.generated)}'`
        : `missing id; the row keeps the generated id '${String(p.generated)}'`;
    case "duplicateId":
      return "renamed" in p
        ? fr
          ? `identifiant '${v}' déjà utilisé ligne ${String(p.firstRow)} ; cette ligne devient '${String(p.renamed)}'`
          : `id '${v}' already used on row ${String(p.firstRow)}; this row becomes '${String(p.renamed)}'`
        : fr
          ? `identifiant '${v}' repris plus bas (ligne ${String(p.otherRow)})`
          : `id '${v}' is used again further down (row ${String(p.otherRow)})`;
    case "notANumber":
      return fr
        ? `le texte '${v}' n'est pas un nombre ; valeur ignorée`
        : `text '${v}' is not a number; value ignored`;
    case "negative":
      return "dropped" in p
        ? fr
          ? `valeur négative ${v} ; valeur ignorée`
          : `negative value ${v}; value ignored`
        : fr
          ? `valeur négative ${v} (conservée)`
          : `negative value ${v} (kept)`;
    case "excelError":
      return fr ? `erreur Excel ${v} ; valeur ignorée` : `Excel error ${v}; value ignored`;
    case "missingColumn":
      return fr
        ? `colonne obligatoire introuvable (${String(p.expected)})`
        : `required column not found (${String(p.expected)})`;
    case "duplicate":
      if (p.what === "segment") {
        return fr
          ? `segment '${v}' déjà donné ligne ${String(p.kept)} ; ligne ignorée`
          : `segment '${v}' already given on row ${String(p.kept)}; row ignored`;
      }
      return fr
        ? `deuxième colonne pour ${String(p.field)} (la colonne ${String(p.kept)} est utilisée) ; ignorée`
        : `second column for ${String(p.field)} (column ${String(p.kept)} is used); ignored`;
    case "unknownValue":
      if (p.what === "channel") {
        return fr ? `canal inconnu '${v}' ; colonne ignorée` : `unknown channel '${v}'; column ignored`;
      }
      if ("index" in p) {
        return fr
          ? `la correspondance désigne la colonne ${String(p.index)}, qui n'existe pas`
          : `the mapping names column ${String(p.index)}, which does not exist`;
      }
      if ("field" in p) {
        return fr
          ? `la correspondance désigne un champ inconnu '${String(p.field)}' ; ignorée`
          : `the mapping names an unknown field '${String(p.field)}'; ignored`;
      }
      return fr ? `segment inconnu '${v}' (conservé tel quel)` : `unknown segment '${v}' (kept as is)`;
    case "badDate":
      return fr ? `date invalide '${v}'` : `invalid date '${v}'`;
    case "unmatched":
      return fr ? `valeur '${v}' sans correspondance` : `value '${v}' has no match`;
  }
}

/** "row 12, column 'Potentiel': text 'n/a' is not a number; value ignored" (or in French). */
export function formatIssue(issue: ParseIssue, lang: Lang = "en"): string {
  const where =
    lang === "fr"
      ? `ligne ${issue.row}, colonne '${issue.column}'`
      : `row ${issue.row}, column '${issue.column}'`;
  return `${where}${lang === "fr" ? " : " : ": "}${issueMessage(issue, lang)}`;
}

/** Builds an issue whose `message` is the English formatIssue text. */
export function makeIssue(
  row: number,
  column: string,
  code: RowIssue["code"],
  value?: unknown,
  params?: Record<string, string | number>,
): ParseIssue {
  const issue: ParseIssue = { row, column, code, message: "" };
  if (value !== undefined) issue.value = value;
  if (params !== undefined) issue.params = params;
  issue.message = formatIssue(issue, "en");
  return issue;
}
