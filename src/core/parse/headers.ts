import type { Channel } from "../types";
import { DEFAULT_CHANNELS } from "../types";
import type { BaseField, ClientField } from "./fields";
import { normField } from "./fields";
import { CHANNEL_ALIASES, HEADER_SYNONYMS, NORM_WORDS, SALES_WORDS } from "./synonyms";

/**
 * Header text in comparable form: accents removed, lower case, bracketed units dropped
 * ("Potentiel (k€)"; kept with keepBracketed, for "CA (N-1)"), punctuation turned into spaces,
 * trailing currency words dropped.
 */
export function normaliseHeader(text: string, keepBracketed = false): string {
  const plain = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  const unbracketed = keepBracketed ? plain : plain.replace(/[([{][^)\]}]*[)\]}]/g, " ");
  const base = /[a-z0-9]/.test(unbracketed) ? unbracketed : plain;
  return base
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/(?: (?:eur|euro|euros|ht|ttc|keur|usd|k))+$/, "")
    .trim();
}

export interface HeaderMatch {
  field: ClientField;
  /** For year-labelled sales columns ("CA 2025"): the year, resolved to salesN / salesN1 by detectColumns. */
  year?: number;
}

/** Plural-tolerant form: a trailing "s" dropped from words of four letters or more ("Villes", "Codes clients"). */
const singular = (h: string): string =>
  h
    .split(" ")
    .map((w) => (w.length >= 4 && w.endsWith("s") ? w.slice(0, -1) : w))
    .join(" ");

const lookup = new Map<string, BaseField>();
const lookupSingular = new Map<string, BaseField>();
for (const [field, words] of Object.entries(HEADER_SYNONYMS) as [BaseField, readonly string[]][]) {
  for (const w of words) {
    lookup.set(normaliseHeader(w), field);
    if (!lookupSingular.has(singular(normaliseHeader(w))))
      lookupSingular.set(singular(normaliseHeader(w)), field);
  }
}

/** The channel a header or cell names (id, French or English label, usual words), or null. */
export function matchChannel(text: string, channels: readonly Channel[] = DEFAULT_CHANNELS): string | null {
  return channelFor(normaliseHeader(text), channels);
}

function channelFor(words: string, channels: readonly Channel[]): string | null {
  if (words === "") return null;
  for (const c of channels) {
    const names = [c.id, c.labelFr, c.labelEn, ...(CHANNEL_ALIASES[c.id] ?? [])].map((n) =>
      normaliseHeader(n),
    );
    if (names.includes(words) || names.includes(words.replace(/s$/, ""))) return c.id;
  }
  return null;
}

/** Recognises one header: a field, a year-labelled sales column, or a per-channel norm column. */
export function classifyHeader(
  text: string,
  channels: readonly Channel[] = DEFAULT_CHANNELS,
): HeaderMatch | null {
  // Bracketed text is first read as words ("CA (N-1)"), then dropped as a unit ("Potentiel (€/an)").
  return (
    classifyWords(normaliseHeader(text, true), channels) ?? classifyWords(normaliseHeader(text), channels)
  );
}

function classifyWords(h: string, channels: readonly Channel[]): HeaderMatch | null {
  if (h === "") return null;
  const direct = lookup.get(h) ?? lookupSingular.get(singular(h));
  if (direct) return { field: direct };
  const year =
    /^(?<words>.*?) ?(?:annee |fy ?)?(?<year>(?:19|20)\d\d)$/.exec(h) ??
    /^(?:fy ?)?(?<year>(?:19|20)\d\d) (?<words>.*)$/.exec(h);
  const words = year?.groups?.words;
  const y = year?.groups?.year;
  if (words !== undefined && y !== undefined && SALES_WORDS.includes(words)) {
    return { field: "salesN", year: Number(y) };
  }
  // "Potentiel 2026", "CA N-1 2025": for other columns the year does not change what they hold.
  const dated = words === undefined ? undefined : lookup.get(words);
  if (dated !== undefined) return { field: dated };
  for (const w of NORM_WORDS) {
    for (const rest of [
      h.startsWith(`${w} `) ? h.slice(w.length + 1) : null,
      h.endsWith(` ${w}`) ? h.slice(0, -w.length - 1) : null,
    ]) {
      if (rest === null) continue;
      const channel = channelFor(rest.replace(/ (?:par an|an|annuel|annuelle|per year|year)$/, ""), channels);
      if (channel !== null) return { field: normField(channel) };
    }
  }
  return null;
}

/** The field a header names, or null. Year-labelled sales headers give "salesN" (see classifyHeader). */
export function matchHeader(
  text: string,
  channels: readonly Channel[] = DEFAULT_CHANNELS,
): ClientField | null {
  return classifyHeader(text, channels)?.field ?? null;
}
