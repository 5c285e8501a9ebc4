/** The re-forecast per segment: baseline, done, remaining demand and re-planned, per channel. */
import type { ChannelCounts, ChannelId, SegmentId } from "../types";
import type { ClientReforecast } from "./reforecast";

export interface SegmentReforecast {
  segment: SegmentId;
  clients: number;
  baseline: ChannelCounts;
  done: ChannelCounts;
  /** Σ max(0, baseline − done). */
  demand: ChannelCounts;
  /** Σ re-planned remaining contacts. */
  remaining: ChannelCounts;
}

const FIELDS = ["baseline", "done", "demand", "remaining"] as const;

/** Segments in the order they first appear among the clients. */
export function summariseBySegment(
  clients: readonly ClientReforecast[],
  channels: readonly ChannelId[],
): SegmentReforecast[] {
  const bySegment = new Map<SegmentId, SegmentReforecast>();
  for (const c of clients) {
    let s = bySegment.get(c.segment);
    if (s === undefined) {
      s = { segment: c.segment, clients: 0, baseline: {}, done: {}, demand: {}, remaining: {} };
      for (const f of FIELDS) for (const ch of channels) s[f][ch] = 0;
      bySegment.set(c.segment, s);
    }
    s.clients++;
    for (const f of FIELDS) for (const ch of channels) s[f][ch] = (s[f][ch] ?? 0) + (c[f][ch] ?? 0);
  }
  return [...bySegment.values()];
}
