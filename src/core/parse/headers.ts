import type { Channel } from "../types";
import { DEFAULT_CHANNELS } from "../types";
import type { BaseField, ClientField } from "./fields";
import { normField } from "./fields";

/**
 * Header text in comparable form: accents removed, lower case, bracketed units dropped
 * ("Potentiel (k€)"), punctuation turned into spaces, trailing currency words dropped.
 */
export function normaliseHeader(text: string): string {
  const plain = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  const unbracketed = plain.replace(/[([{][^)\]}]*[)\]}]/g, " ");
  const base = /[a-z0-9]/.test(unbracketed) ? unbracketed : plain;
  return base
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/(?: (?:eur|euro|euros|ht|ttc|keur|usd|k))+$/, "")
    .trim();
}

/**
 * Synonyms per field, French and English, written as users write them; compared after
 * normaliseHeader. Year-labelled sales columns ("CA 2025", "Sales 2026") are recognised by pattern.
 */
export const HEADER_SYNONYMS: Readonly<Record<BaseField, readonly string[]>> = {
  id: [
    "id",
    "n°",
    "no",
    "num",
    "réf",
    "référence",
    "code",
    "code client",
    "n° client",
    "no client",
    "num client",
    "numéro client",
    "numero",
    "identifiant",
    "identifiant client",
    "réf client",
    "référence client",
    "code tiers",
    "client id",
    "customer id",
    "customer code",
    "customer number",
    "customer no",
    "account id",
    "account number",
    "account no",
    "account code",
    "client code",
    "client number",
  ],
  name: [
    "nom",
    "nom client",
    "nom du client",
    "raison sociale",
    "client",
    "société",
    "entreprise",
    "enseigne",
    "dénomination",
    "name",
    "client name",
    "customer",
    "customer name",
    "account",
    "account name",
    "company",
    "company name",
  ],
  postalCode: [
    "code postal",
    "cp",
    "c p",
    "postal code",
    "postcode",
    "post code",
    "zip",
    "zip code",
    "zipcode",
  ],
  city: ["ville", "commune", "localité", "city", "town", "locality"],
  salesN1: [
    "ca n-1",
    "ca n 1",
    "ca an dernier",
    "ca année précédente",
    "ca annee n-1",
    "chiffre d'affaires n-1",
    "ventes n-1",
    "sales n-1",
    "sales ly",
    "last year sales",
    "sales last year",
    "previous year sales",
    "revenue n-1",
    "revenue last year",
    "last year revenue",
    "prior year sales",
  ],
  salesN: [
    "ca n",
    "ca",
    "ca annuel",
    "ca année",
    "ca année en cours",
    "chiffre d'affaires",
    "chiffre d'affaires n",
    "ventes",
    "ventes n",
    "sales",
    "sales n",
    "sales ytd",
    "revenue",
    "revenue n",
    "annual sales",
    "current year sales",
    "this year sales",
    "turnover",
  ],
  potential: [
    "potentiel",
    "potentiel annuel",
    "potentiel ca",
    "potentiel client",
    "potential",
    "annual potential",
    "sales potential",
    "potential sales",
    "wallet",
    "wallet size",
  ],
  margin: [
    "marge",
    "taux de marge",
    "marge %",
    "% marge",
    "margin",
    "margin rate",
    "gross margin",
    "margin %",
  ],
  segmentOverride: [
    "segment forcé",
    "segment force",
    "segment imposé",
    "forcer segment",
    "segment override",
    "forced segment",
    "override segment",
    "segment manuel",
    "manual segment",
  ],
  min: [
    "min",
    "minimum",
    "min visites",
    "visites min",
    "visites minimum",
    "nb visites min",
    "min visits",
    "visits min",
    "minimum visits",
    "plancher",
  ],
  max: [
    "max",
    "maximum",
    "max visites",
    "visites max",
    "visites maximum",
    "nb visites max",
    "max visits",
    "visits max",
    "maximum visits",
    "plafond",
  ],
};

/** Extra words users put on built-in channels, beyond ids and labels. */
const CHANNEL_ALIASES: Readonly<Record<string, readonly string[]>> = {
  visit: ["visite", "visites", "visit", "visits", "terrain", "rdv", "field visits"],
  video: ["visio", "visios", "video", "videos", "visioconference", "teams"],
  call: ["appel", "appels", "call", "calls", "telephone", "tel", "phone", "appels sortants"],
  digital: ["digital", "email", "emails", "e mail", "e mails", "mail", "mails", "reseaux sociaux", "social"],
};

const SALES_WORDS = ["ca", "sales", "ventes", "revenue", "chiffre d affaires", "turnover"];
// "nb visites" is left out on purpose: it often holds actual contacts, not a norm.
const NORM_WORDS = ["norme", "normes", "norm", "norms", "norme de", "norme des"];

export interface HeaderMatch {
  field: ClientField;
  /** For year-labelled sales columns ("CA 2025"): the year, resolved to salesN / salesN1 by detectColumns. */
  year?: number;
}

const lookup = new Map<string, BaseField>();
for (const [field, words] of Object.entries(HEADER_SYNONYMS) as [BaseField, readonly string[]][]) {
  for (const w of words) lookup.set(normaliseHeader(w), field);
}

function channelFor(words: string, channels: readonly Channel[]): string | null {
  for (const c of channels) {
    const names = [c.id, c.labelFr, c.labelEn, ...(CHANNEL_ALIASES[c.id] ?? [])].map(normaliseHeader);
    if (names.includes(words) || names.includes(words.replace(/s$/, ""))) return c.id;
  }
  return null;
}

/** Recognises one header: a field, a year-labelled sales column, or a per-channel norm column. */
export function classifyHeader(
  text: string,
  channels: readonly Channel[] = DEFAULT_CHANNELS,
): HeaderMatch | null {
  const h = normaliseHeader(text);
  if (h === "") return null;
  const direct = lookup.get(h);
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
