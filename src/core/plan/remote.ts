/**
 * The remote pool (domain.md, Capacity): the visit-equivalents of the remote days are shared by
 * the remote channels by their weights. Each channel gets the contacts its share of the weighted
 * demand buys (rounded down, so Σ contacts × weight never passes the pool); with no remote time,
 * the norms' remote contacts are reported as unfunded days, never taken from the field days.
 */
import type { Channel, ChannelCounts, ChannelId } from "../types";

export interface RemoteDemand {
  channel: Channel;
  /** Σ of the clients' norms on the channel (contacts). */
  demand: number;
  /** Contacts the floor keeps on the channel (one per client that needs one). */
  floors: number;
}

export interface RemoteSplit {
  /** Contacts each remote channel may plan. */
  capacity: ChannelCounts;
  /** The norms' remote contacts when there is no remote time; null when there is some. */
  unfunded: Unfunded | null;
}

export interface Unfunded {
  contacts: ChannelCounts;
  visitEquivalents: number;
  /** visit-equivalents / visit-equivalents per remote day, rounded up. */
  days: number;
}

const EPS = 1e-9;

export function splitRemote(
  visitEquivalents: number,
  perDay: number,
  demands: readonly RemoteDemand[],
): RemoteSplit {
  const asked = demands.reduce((s, d) => s + d.demand * d.channel.weight, 0);
  const capacity: ChannelCounts = {};
  if (visitEquivalents <= 0) {
    const contacts: ChannelCounts = {};
    for (const d of demands) {
      capacity[d.channel.id] = 0;
      if (d.demand > 0) contacts[d.channel.id] = d.demand;
    }
    const ve = Math.round(asked * 1000) / 1000;
    const days = perDay > 0 ? Math.ceil(ve / perDay - EPS) : 0;
    return { capacity, unfunded: asked > 0 ? { contacts, visitEquivalents: ve, days } : null };
  }
  if (asked <= visitEquivalents + EPS) {
    for (const d of demands) capacity[d.channel.id] = Math.ceil(Math.max(d.demand, d.floors) - EPS);
    return { capacity, unfunded: null };
  }
  const floorsVe = demands.reduce((s, d) => s + d.floors * d.channel.weight, 0);
  const left = Math.max(0, visitEquivalents - floorsVe);
  const beyond = demands.reduce((s, d) => s + Math.max(0, d.demand - d.floors) * d.channel.weight, 0);
  for (const d of demands) {
    const w = d.channel.weight;
    const share = beyond > 0 ? (left * Math.max(0, d.demand - d.floors) * w) / beyond : 0;
    capacity[d.channel.id] = d.floors + (w > 0 ? Math.floor(share / w + EPS) : 0);
  }
  return { capacity, unfunded: null };
}

export const remoteChannels = (channels: readonly Channel[], fixed: ChannelCounts): Channel[] =>
  channels.filter((c) => c.id !== "visit" && fixed[c.id] === undefined);

/** The remote channel a floor contact goes to: a call when there is one, else the first remote channel. */
export function floorChannel(remote: readonly Channel[]): ChannelId | null {
  const chosen = remote.find((c) => c.id === "call") ?? remote.at(0);
  return chosen === undefined ? null : chosen.id;
}
