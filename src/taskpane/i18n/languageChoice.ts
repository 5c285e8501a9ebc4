/**
 * The pane's language: the rep's own choice when they made one (kept in the add-in origin's storage,
 * never in the workbook, which travels), else Office's display language, else the browser's.
 */
import type { Language } from "./catalogue.types";
import { detectLanguage } from "./format";

const KEY = "cadence.language";

/** The part of Web Storage the choice needs (localStorage in the pane, a Map in tests). */
export interface LanguageStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function storedLanguage(storage: LanguageStorage | null): Language | null {
  try {
    const value = storage?.getItem(KEY) ?? null;
    return value === "fr" || value === "en" ? value : null;
  } catch {
    return null; // storage refused (private mode): fall back to the host's language
  }
}

export function rememberLanguage(storage: LanguageStorage | null, language: Language): void {
  try {
    storage?.setItem(KEY, language);
  } catch {
    // Not remembered; the pane still switches.
  }
}

/** The language the pane starts in. */
export function startLanguage(
  storage: LanguageStorage | null,
  officeLanguage: string | undefined,
  browserLanguage: string | undefined,
): Language {
  return storedLanguage(storage) ?? detectLanguage(officeLanguage, browserLanguage);
}
