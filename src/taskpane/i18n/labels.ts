/** Display names of core data (segments, channels) in the pane's language. */
import * as core from "../../core/types";
import { DEFAULT_CHANNELS, KNOWN_SEGMENTS } from "../../core/types";
import type { Channel } from "../../core/types";
import type { Language } from "./catalogue.types";

export function segmentLabel(id: string, language: Language): string {
  const s = KNOWN_SEGMENTS.find((k) => k.id === id);
  if (s === undefined) return id;
  return language === "fr" ? s.labelFr : s.labelEn;
}

export function segmentColour(id: string): string {
  return KNOWN_SEGMENTS.find((k) => k.id === id)?.colour ?? "#6D6D6D";
}

export function channelLabel(
  id: string,
  language: Language,
  channels: readonly Channel[] = DEFAULT_CHANNELS,
): string {
  const c = channels.find((k) => k.id === id);
  if (c === undefined) return id;
  return language === "fr" ? c.labelFr : c.labelEn;
}

/** A segment as a sheet shows it (id, French or English label, any case) → its id; unknown text stays. */
export function segmentIdOf(text: string): string {
  return core.segmentIdOf(text) ?? text.trim();
}
