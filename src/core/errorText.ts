/**
 * The rep's words for the core's errors, in French and English: one catalogue keyed by error code,
 * read by every face (the functions add an Excel error type, the pane and the CLI show the text).
 * A new error code does not compile until it has its words here.
 */
import type { CoreError, CoreErrorCode, CoreErrorData, Requirement } from "./errors";
import { formatBound as fmt, requirementEn } from "./errors";
import type { Lang } from "./types";

const list = (known: readonly string[], none: string): string => known.join(", ") || none;
const json = (v: unknown): string => JSON.stringify(v);

function requirementFr(r: Requirement): string {
  switch (r.kind) {
    case "number":
      return "doit être un nombre.";
    case "nonNegative":
      return "doit être un nombre ≥ 0.";
    case "wholeNumber":
      return "doit être un entier.";
    case "range":
      return r.maxOpen
        ? `doit être dans [${fmt(r.min)}, ${fmt(r.max)}[.`
        : `doit être compris entre ${fmt(r.min)} et ${fmt(r.max)}.`;
    case "above":
      return `doit être supérieur à ${fmt(r.bound)}.`;
    case "atLeast":
      return `doit être ≥ ${fmt(r.bound)}.`;
    case "notAboveMaximum":
      return `dépasse le maximum (${fmt(r.maximum)}).`;
    case "notBeforeStart":
      return `est antérieure au début (${r.start}).`;
    case "withinWorkingDays":
      return r.leaveDays === null
        ? `dépasse les ${r.workingDays} jours ouvrés de la période.`
        : `avec ${r.leaveDays} jours de congés${r.rtt === true ? " et RTT" : ""}, dépasse les ${r.workingDays} jours ouvrés de la période.`;
  }
}

type French = { [C in CoreErrorCode]: (data: CoreErrorData[C]) => string };

const FR: French = {
  unknownSegment: (d) => `Segment inconnu « ${d.segment} » (connus : ${list(d.known, "aucun")})`,
  unknownChannel: (d) => `Canal inconnu « ${d.channel} » (connus : ${list(d.known, "aucun")})`,
  invalidNormTable: (d) => `Normes invalides : ${d.problems.map((p) => p.message).join(" ; ")}`,
  infeasibleAllocation: (d) =>
    d.minimumNeeded > d.capacity
      ? `Impossible de répartir ${fmt(d.capacity)} contacts : les minimums des clients totalisent ${fmt(d.minimumNeeded)} (les maximums permettent ${fmt(d.maximumAllowed)}).`
      : `Impossible d'utiliser exactement ${fmt(d.capacity)} contacts : les maximums des clients n'en permettent que ${fmt(d.maximumAllowed)} (les minimums en demandent ${fmt(d.minimumNeeded)}).`,
  invalidAllocationInput: (d) =>
    `Répartition : ${d.clientId === null ? "" : `client « ${d.clientId} », `}${d.field} = ${json(d.value)} : ${requirementFr(d.requirement)}`,
  invalidCapacityInput: (d) =>
    `Paramètre de capacité « ${d.field} » = ${json(d.value)} : ${requirementFr(d.requirement)}`,
  invalidPeriod: (d) => `La période se termine (${d.end}) avant de commencer (${d.start}).`,
  invalidSeasonality: (d) =>
    `La saisonnalité demande 12 poids mensuels, chacun ≥ 0, pas tous nuls (reçu ${d.weights.length} : ${d.weights.join(", ")}).`,
  invalidOption: (d) => `Option ${d.option} = ${d.value} : ${requirementFr(d.requirement)}`,
  unknownCalendar: (d) =>
    `Calendrier inconnu : aucun jour férié connu pour le ${d.region === null ? `pays « ${d.country} »` : `région « ${d.region} » du pays « ${d.country} »`}.`,
  invalidDate: (d) => `${d.field} : « ${d.value} » n'est pas une date valide (format attendu AAAA-MM-JJ).`,
  invalidDatedPeriods: (d) =>
    `${d.field} : « ${d.part} » ${
      d.problem === "badDate"
        ? "n'est pas une date réelle"
        : d.problem === "endBeforeStart"
          ? "se termine avant de commencer"
          : "n'est pas une période (03/08/2026 - 21/08/2026 ou 2026-08-03:2026-08-21)"
    }`,
  invalidSegmentParams: (d) => `Paramètre de segmentation ${d.field} = ${d.value} invalide : ${d.reason}`,
  invalidRule: (d) =>
    `${d.ruleIndex === null ? "" : `règle ${d.ruleIndex + 1}${d.conditionIndex === null ? "" : `, condition ${d.conditionIndex + 1}`} : `}${d.reason}`,
};

/**
 * A core error in the rep's language (English is the core's own message). `fieldName` gives a field
 * the name a face shows it under (the pane's "Leave (working days)" for `leaveDays`).
 */
export function coreErrorText(
  error: CoreError,
  lang: Lang,
  fieldName?: (field: string) => string | undefined,
): string {
  const data = error.data as CoreErrorData[CoreErrorCode] & { field?: unknown };
  const field = typeof data.field === "string" ? data.field : null;
  const shown = field === null ? undefined : fieldName?.(field);
  if (lang === "en")
    return shown === undefined || field === null
      ? error.message
      : error.message.replace(`"${field}"`, `"${shown}"`);
  const phrase = FR[error.code] as (data: CoreErrorData[CoreErrorCode]) => string;
  return phrase(shown === undefined ? data : { ...data, field: shown });
}

export { requirementEn };
