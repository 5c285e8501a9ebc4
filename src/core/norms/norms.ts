import type {
  Channel,
  ChannelCounts,
  ChannelId,
  Client,
  NormTable,
  SegmentId,
  VisitEquivalents,
} from "../types";
import { DEFAULT_CHANNELS, DEFAULT_NORMS, visitEquivalents } from "../types";
import type { NormProblem } from "./errors";
import { InvalidNormTableError, UnknownChannelError, UnknownSegmentError } from "./errors";

export type { NormTable };
export { DEFAULT_NORMS };

/**
 * The norm that applies to a client in `segment`: the segment's norm, with each channel the
 * client's normOverride gives replacing the segment's value (other channels keep the segment's).
 * Throws UnknownSegmentError when the segment is not in the table.
 */
export function normFor(
  client: Pick<Client, "normOverride">,
  segment: SegmentId,
  table: NormTable,
): ChannelCounts {
  if (!Object.hasOwn(table, segment)) throw new UnknownSegmentError(segment, Object.keys(table));
  const base = table[segment] ?? {};
  const out: ChannelCounts = { ...base };
  if (client.normOverride) {
    for (const [channel, count] of Object.entries(client.normOverride)) {
      if (count !== undefined) out[channel] = count;
    }
  }
  return out;
}

/** Weighted intensity in visit-equivalents: Σ count × weight. Unknown channel → UnknownChannelError. */
export function weighted(
  counts: ChannelCounts,
  channels: readonly Channel[] = DEFAULT_CHANNELS,
): VisitEquivalents {
  let total = 0;
  for (const [id, count] of Object.entries(counts)) {
    if (count === undefined) continue;
    const channel = channels.find((c) => c.id === id);
    if (!channel)
      throw new UnknownChannelError(
        id,
        channels.map((c) => c.id),
      );
    total += count * channel.weight;
  }
  return visitEquivalents(total);
}

/** Problems in a channel list: empty or duplicate ids, negative or non-finite weights. */
export function channelProblems(channels: readonly Channel[]): NormProblem[] {
  const problems: NormProblem[] = [];
  const seen = new Set<ChannelId>();
  for (const c of channels) {
    if (c.id.trim() === "") {
      problems.push({ segment: null, channel: c.id, code: "emptyId", message: "a channel has an empty id" });
    } else if (seen.has(c.id)) {
      problems.push({
        segment: null,
        channel: c.id,
        code: "duplicateChannel",
        message: `channel '${c.id}' is listed twice`,
      });
    }
    seen.add(c.id);
    if (!Number.isFinite(c.weight) || c.weight < 0) {
      problems.push({
        segment: null,
        channel: c.id,
        code: "badWeight",
        message: `channel '${c.id}' has weight ${c.weight}; a weight must be a number ≥ 0`,
      });
    }
  }
  return problems;
}

/** Problems in a user-edited norm table: unknown channels, negative or non-finite counts. */
export function normTableProblems(
  table: NormTable,
  channels: readonly Channel[] = DEFAULT_CHANNELS,
): NormProblem[] {
  const known = new Set(channels.map((c) => c.id));
  const problems: NormProblem[] = [];
  for (const [segment, counts] of Object.entries(table)) {
    if (segment.trim() === "") {
      problems.push({ segment, channel: null, code: "emptyId", message: "a norm has an empty segment id" });
    }
    for (const [channel, count] of Object.entries(counts)) {
      if (!known.has(channel)) {
        problems.push({
          segment,
          channel,
          code: "unknownChannel",
          message: `segment '${segment}': unknown channel '${channel}'`,
        });
      }
      if (count === undefined) continue;
      if (!Number.isFinite(count)) {
        problems.push({
          segment,
          channel,
          code: "notFinite",
          message: `segment '${segment}', channel '${channel}': ${count} is not a number`,
        });
      } else if (count < 0) {
        problems.push({
          segment,
          channel,
          code: "negative",
          message: `segment '${segment}', channel '${channel}': count ${count} is negative`,
        });
      }
    }
  }
  return problems;
}

/** Throws InvalidNormTableError listing every problem of the table and the channels, if any. */
export function validateNormTable(table: NormTable, channels: readonly Channel[] = DEFAULT_CHANNELS): void {
  const problems = [...channelProblems(channels), ...normTableProblems(table, channels)];
  if (problems.length > 0) throw new InvalidNormTableError(problems);
}
