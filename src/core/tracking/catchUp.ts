/**
 * Catch-up a rep can do (domain.md, Tracking): per channel, the remaining planned contacts over the
 * remaining working days, set against what a day holds — visits per field day on the share of days
 * spent in the field, the remote visit-equivalents of the share of days at the desk — and, when
 * the pace cannot be reached, how many contacts cannot be made this year.
 */
import type { Channel, ChannelCounts, ChannelId } from "../types";
import { DEFAULT_CHANNELS } from "../types";

/** What a working day holds, from the plan's capacity. */
export interface DayHolds {
  /** Visits on a field day. */
  visitsPerDay: number;
  /** Visit-equivalents on a remote day. */
  remotePerDay: number;
  /** Field days / working days of the period (leave, RTT and office days take the rest). */
  fieldShare: number;
  /** Remote days / working days of the period. */
  remoteShare: number;
}

export interface CatchUpLine {
  channel: ChannelId;
  /** Planned contacts not yet made. */
  remaining: number;
  /** remaining / remaining working days; null when no working day is left. */
  perDay: number | null;
  /** Contacts of this channel an average remaining working day holds. */
  holds: number;
  /** Whether the catch-up fits in what the days hold. */
  reachable: boolean;
  /** Contacts that cannot be made this year at what the days hold (0 when reachable). */
  cannotMake: number;
}

export function catchUpByChannel(
  remaining: ChannelCounts,
  remainingDays: number,
  holds: DayHolds,
  channels: readonly Channel[] = DEFAULT_CHANNELS,
): CatchUpLine[] {
  const remote = channels.filter((c) => c.id !== "visit" && (remaining[c.id] ?? 0) > 0 && c.weight > 0);
  const remoteAsked = remote.reduce((s, c) => s + (remaining[c.id] ?? 0) * c.weight, 0);
  const remoteVePerDay = holds.remotePerDay * holds.remoteShare;
  const lines: CatchUpLine[] = [];
  for (const c of channels) {
    const left = Math.max(0, remaining[c.id] ?? 0);
    if (left === 0) continue;
    let holdsPerDay: number;
    if (c.id === "visit") holdsPerDay = holds.visitsPerDay * holds.fieldShare;
    else if (c.weight > 0 && remoteAsked > 0) {
      // Remote channels share the remote time in proportion to what they still ask (by weight).
      const share = (left * c.weight) / remoteAsked;
      holdsPerDay = (remoteVePerDay * share) / c.weight;
    } else holdsPerDay = 0;
    const possible = Math.floor(holdsPerDay * remainingDays + 1e-9);
    const cannotMake = Math.max(0, Math.ceil(left - possible - 1e-9));
    lines.push({
      channel: c.id,
      remaining: left,
      perDay: remainingDays > 0 ? left / remainingDays : null,
      holds: holdsPerDay,
      reachable: cannotMake === 0,
      cannotMake,
    });
  }
  return lines;
}

/** The catch-up of a tracked portfolio: remaining contacts summed per channel over its clients. */
export function portfolioCatchUp(
  result: { clients: readonly { remaining: ChannelCounts }[]; elapsed: { remainingDays: number } },
  holds: DayHolds,
  channels: readonly Channel[] = DEFAULT_CHANNELS,
): CatchUpLine[] {
  const remaining: Record<string, number> = {};
  for (const c of result.clients)
    for (const [id, n] of Object.entries(c.remaining)) remaining[id] = (remaining[id] ?? 0) + (n ?? 0);
  return catchUpByChannel(remaining, result.elapsed.remainingDays, holds, channels);
}
