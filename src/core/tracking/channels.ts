/**
 * Channel names as reps and CRMs write them, in French and English, mapped to channel ids.
 * Matching is exact on the normalised text (case, accents, punctuation ignored); users extend or
 * override the mapping with their own aliases.
 */
import type { ChannelId } from "../types";
import { DEFAULT_CHANNELS } from "../types";
import { normaliseText } from "./text";

const ALIASES: Readonly<Record<ChannelId, readonly string[]>> = {
  visit: [
    "visite",
    "visites",
    "visite terrain",
    "visite client",
    "visite clientele",
    "rdv",
    "rendez vous",
    "rdv terrain",
    "rdv physique",
    "meeting",
    "visit",
    "field visit",
    "on site visit",
    "face to face",
  ],
  video: [
    "visio",
    "visioconference",
    "rdv visio",
    "teams",
    "zoom",
    "video",
    "video call",
    "videoconference",
    "web meeting",
  ],
  call: [
    "appel",
    "appels",
    "appel sortant",
    "appel telephonique",
    "telephone",
    "tel",
    "call",
    "calls",
    "phone",
    "phone call",
    "outbound call",
  ],
  digital: [
    "e mail",
    "email",
    "mail",
    "courriel",
    "linkedin",
    "reseaux sociaux",
    "reseau social",
    "social",
    "social media",
    "sms",
    "e mail reseaux sociaux",
    "e mail social",
    "digital",
  ],
};

function buildDefaultTable(): Map<string, ChannelId> {
  const table = new Map<string, ChannelId>();
  for (const [id, names] of Object.entries(ALIASES)) for (const name of names) table.set(name, id);
  for (const channel of DEFAULT_CHANNELS) {
    table.set(normaliseText(channel.id), channel.id);
    table.set(normaliseText(channel.labelFr), channel.id);
    table.set(normaliseText(channel.labelEn), channel.id);
  }
  return table;
}

const DEFAULT_TABLE = buildDefaultTable();

/** A lookup table from normalised names to channel ids: the defaults, then the user's aliases on top. */
export function channelTable(aliases?: Readonly<Record<string, ChannelId>>): ReadonlyMap<string, ChannelId> {
  if (aliases === undefined) return DEFAULT_TABLE;
  const table = new Map(DEFAULT_TABLE);
  for (const [name, id] of Object.entries(aliases)) table.set(normaliseText(name), id);
  return table;
}

/** The channel id a name stands for ("RDV visio" → "video"), or null when it is unknown. */
export function matchChannel(text: string, aliases?: Readonly<Record<string, ChannelId>>): ChannelId | null {
  return channelTable(aliases).get(normaliseText(text)) ?? null;
}

/**
 * CRM values that are not contacts by default (domain.md): inbound calls, after-sales, mass
 * mailings. Matched on the normalised text, exactly or as a whole word of it ("Appel entrant SAV").
 */
export const DEFAULT_EXCLUDED_CHANNELS: readonly string[] = [
  "appel entrant",
  "appels entrants",
  "entrant",
  "inbound",
  "inbound call",
  "sav",
  "service apres vente",
  "apres vente",
  "after sales",
  "support",
  "mailing",
  "e mailing",
  "emailing",
  "mass mailing",
  "newsletter",
  "campagne",
  "campaign",
];

/** Whether a CRM value is left out: its normalised text is, or contains as whole words, an excluded value. */
export function isExcludedChannel(
  text: string,
  excluded: readonly string[] = DEFAULT_EXCLUDED_CHANNELS,
): boolean {
  const words = ` ${normaliseText(text)} `;
  if (words.trim() === "") return false;
  return excluded.some((e) => {
    const x = normaliseText(e);
    return x !== "" && words.includes(` ${x} `);
  });
}
