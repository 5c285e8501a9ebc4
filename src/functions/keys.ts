/**
 * Segments and channels as reps write them: ids ("retain"), English or French labels ("Retain",
 * "Fidéliser"), any case and accents. Unknown names are #N/A through the core's Unknown*Error.
 */
import * as norms from "../core/norms";
import * as tracking from "../core/tracking";
import type { Channel, ChannelId, SegmentId, StrategicSegmentId } from "../core/types";
import { DEFAULT_CHANNELS, KNOWN_SEGMENTS, STRATEGIC_SEGMENTS, segmentIdOf } from "../core/types";
import { FunctionInputError } from "./excelErrors";

/** Resolves segment names to the keys of a norm table (its ids, or the names written in the user's table). */
export function segmentResolver(keys: readonly string[]): (name: string) => SegmentId {
  // A key stands for itself and, when it names a known segment, for that segment's every name.
  const byOwn = new Map<string, SegmentId>();
  const byKnown = new Map<SegmentId, SegmentId>();
  for (const key of keys) {
    byOwn.set(tracking.normaliseText(key), key);
    const known = segmentIdOf(key);
    if (known !== null && !byKnown.has(known)) byKnown.set(known, key);
  }
  const lookUp = (name: string): SegmentId | undefined => {
    const own = byOwn.get(tracking.normaliseText(name));
    if (own !== undefined) return own;
    const known = segmentIdOf(name);
    return known === null ? undefined : byKnown.get(known);
  };
  // Names repeat down a column: remember each raw spelling once normalised.
  const seen = new Map<string, SegmentId>();
  return (name) => {
    const known = seen.get(name);
    if (known !== undefined) return known;
    const key = lookUp(name);
    if (key === undefined) throw new norms.UnknownSegmentError(name, keys);
    if (seen.size < 1000) seen.set(name, key);
    return key;
  };
}

/** The strategic segment a name stands for (id or label), or null for other segments. */
export function strategicId(name: string): StrategicSegmentId | null {
  return segmentIdOf(name, STRATEGIC_SEGMENTS) as StrategicSegmentId | null;
}

export type LabelLanguage = "en" | "fr" | "id";

/** How SEGMENT shows a segment: English label, French label, or the id. */
export function readLabelLanguage(text: string): LabelLanguage {
  const t = tracking.normaliseText(text);
  if (t === "" || t === "en" || t === "english" || t === "anglais") return "en";
  if (t === "fr" || t === "french" || t === "francais") return "fr";
  if (t === "id") return "id";
  throw new FunctionInputError(
    "value",
    `language '${text}': give "en", "fr" or "id"`,
    `langue « ${text} » : donnez "en", "fr" ou "id"`,
  );
}

export function segmentLabel(id: SegmentId, language: LabelLanguage): string {
  const s = KNOWN_SEGMENTS.find((k) => k.id === id);
  if (s === undefined || language === "id") return id;
  return language === "fr" ? s.labelFr : s.labelEn;
}

/** The channel a name stands for (id, label or a usual alias such as "RDV visio"), among `channels`. */
export function resolveChannel(name: string, channels: readonly Channel[] = DEFAULT_CHANNELS): ChannelId {
  const byId = channels.find((c) => tracking.normaliseText(c.id) === tracking.normaliseText(name));
  if (byId) return byId.id;
  const matched = tracking.matchChannel(name);
  if (matched !== null && channels.some((c) => c.id === matched)) return matched;
  throw new norms.UnknownChannelError(
    name,
    channels.map((c) => c.id),
  );
}
