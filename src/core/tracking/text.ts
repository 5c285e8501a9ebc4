/**
 * Text normalisation for matching what users type (headers, channel names, client names):
 * case, accents and punctuation do not matter.
 */

import { normaliseText } from "../types";

export { normaliseText };

/** Legal forms dropped from company names before matching ("Dupont SARL" = "DUPONT"). */
const LEGAL_FORMS = new Set([
  "sarl",
  "sas",
  "sasu",
  "sa",
  "eurl",
  "sci",
  "snc",
  "sca",
  "scop",
  "selarl",
  "gie",
  "ei",
  "ltd",
  "llc",
  "inc",
  "gmbh",
  "ag",
  "spa",
  "srl",
  "bv",
  "nv",
  "plc",
  "corp",
  "co",
  "cie",
  "et",
]);

/**
 * A company name reduced for matching: normalised, legal forms removed ("Sté Dupont & Fils SARL"
 * and "dupont et fils" differ only by "ste"; both drop "sarl"). Keeps the words when only legal forms remain.
 */
export function normaliseCompanyName(name: string): string {
  // Dots go before splitting, so "S.A.R.L." reads as the legal form "sarl".
  const words = normaliseText(name.replace(/&/g, " et ").replace(/\./g, "")).split(" ");
  const kept = words.filter((w) => !LEGAL_FORMS.has(w) && w !== "ste" && w !== "societe");
  return (kept.length > 0 ? kept : words).join(" ");
}

/** A cell as trimmed text ("" for blanks and booleans' absence); numbers keep their plain form. */
export function cellText(cell: unknown): string {
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "number" && Number.isFinite(cell)) return String(cell);
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return "";
}
