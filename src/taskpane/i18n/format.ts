/** Pure i18n helpers: language detection, message lookup and Intl formatting. */
import type { Language, MessageKey, Messages } from "./catalogue.types";

/** Picks the pane's language from Office's display language, then the browser's; English otherwise. */
export function detectLanguage(
  officeLanguage: string | undefined,
  browserLanguage: string | undefined,
): Language {
  for (const tag of [officeLanguage, browserLanguage]) {
    if (tag === undefined || tag === "") continue;
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (primary === "fr") return "fr";
    if (primary === "en") return "en";
  }
  return "en";
}

/** The locale used by Intl: the host's own tag when it matches the language (fr-CA stays fr-CA). */
export function localeFor(language: Language, hostTag: string | undefined): string {
  if (hostTag !== undefined && hostTag.toLowerCase().startsWith(language)) return hostTag.replace("_", "-");
  return language === "fr" ? "fr-FR" : "en-US";
}

export type MessageParams = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders; unknown placeholders stay visible so a gap is noticed, not hidden. */
export function translate(messages: Messages, key: MessageKey, params?: MessageParams): string {
  const template = messages[key];
  if (params === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    return Object.hasOwn(params, name) ? String(params[name]) : whole;
  });
}

export interface Formatters {
  number: (value: number, maximumFractionDigits?: number) => string;
  percent: (ratio: number, maximumFractionDigits?: number) => string;
  date: (iso: string) => string;
}

export function formattersFor(locale: string): Formatters {
  return {
    number: (value, maximumFractionDigits = 0) =>
      new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value),
    percent: (ratio, maximumFractionDigits = 0) =>
      new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits }).format(ratio),
    date: (iso) => {
      const parsed = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
      if (Number.isNaN(parsed.getTime())) return iso;
      return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(parsed);
    },
  };
}
