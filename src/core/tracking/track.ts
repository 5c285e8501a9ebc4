/**
 * Per-client tracking as of a date: one pass over the contacts into typed arrays (client index ×
 * channel), working days counted once for the whole portfolio, then one record per client.
 * Actual counts contacts dated in [period start, asOf]; the last contact looks at every contact up to
 * asOf (a visit last December still counts as the last contact); contacts after asOf are ignored.
 * Plan rows sharing an id: contacts count for the first of them only.
 */
import * as calendar from "../calendar";
import type { Channel, ChannelCounts, ChannelId, SegmentId } from "../types";
import { DEFAULT_CHANNELS } from "../types";
import type { Elapsed, Period, WorkingDayCalendar } from "./elapsed";
import { elapsedShare } from "./elapsed";
import * as rules from "./rules";

export interface PlanRow {
  id: string;
  segment: SegmentId;
  /** Planned contacts for the period, per channel. */
  planned: ChannelCounts;
  salesN: number | null;
  salesN1: number | null;
  potential: number | null;
  /** This client's cap factor, overriding options.capFactor (≥ 1: it may only raise the cap). */
  capFactor?: number | null;
  /** The plan's own weighted total where the source holds one (the store's row); else Σ planned × weight. */
  plannedWeighted?: number | null;
}

/**
 * A contact. `weight`, when given, is its own weight in visit-equivalents (the store keeps the one the
 * rep's workbook gave it); otherwise its channel's weight. A contact with its own weight counts even
 * on a channel outside the channel list (its count then shows in no channel's actual).
 */
export type ContactLike = { date: string; clientId: string; channel: ChannelId; weight?: number | null };

export interface TrackingOptions {
  /** τ, default 0.20. */
  tolerance?: number;
  /** Earned is capped per client at capFactor × weighted planned; default 1.0. */
  capFactor?: number;
  /** 12 monthly weights (January first) for the elapsed share. */
  seasonality?: readonly number[];
}

export interface TrackingInput {
  plan: readonly PlanRow[];
  contacts: readonly ContactLike[];
  period: Period;
  /** ISO date the tracking is computed at (inclusive). */
  asOf: string;
  calendar: WorkingDayCalendar;
  /** Channels and weights; default DEFAULT_CHANNELS. */
  channels?: readonly Channel[];
  options?: TrackingOptions;
}

export interface ClientTracking {
  id: string;
  segment: SegmentId;
  salesN: number | null;
  salesN1: number | null;
  potential: number | null;
  planned: ChannelCounts;
  plannedWeighted: number;
  actual: ChannelCounts;
  actualWeighted: number;
  /** Contacts counted in actual (all channels). */
  contacts: number;
  /** Weighted planned × e. */
  plannedToDate: number;
  /** Weighted actual / planned to date; null when nothing is due yet. */
  pace: number | null;
  status: rules.TrackingStatus;
  /** min(weighted actual, capFactor × weighted planned): visit-equivalents over all channels. */
  earnedWeighted: number;
  lastContact: string | null;
  daysSinceLastContact: number | null;
  overdue: boolean;
  /** max(0, planned − actual) per channel. */
  remaining: ChannelCounts;
  remainingWeighted: number;
  /** Remaining weighted contacts per remaining working day (visit-equivalents a day). */
  catchUp: number | null;
}

export interface TrackingResult {
  asOf: string;
  period: Period;
  elapsed: Elapsed;
  tolerance: number;
  channels: readonly Channel[];
  clients: ClientTracking[];
  /** Contacts not counted, by reason (none is dropped silently). */
  ignored: {
    unknownClient: number;
    unknownChannel: number;
    badDate: number;
    beforePeriod: number;
    afterAsOf: number;
  };
}

interface Tally {
  actual: Float64Array;
  /** Per client × channel, the contacts weighed by their channel (those without a weight of their own). */
  byChannel: Float64Array;
  /** Per client, the summed weights of contacts that carry their own. */
  ownWeights: Float64Array;
  contacts: Int32Array;
  last: string[];
  ignored: TrackingResult["ignored"];
}

function tally(
  input: TrackingInput,
  channels: readonly Channel[],
  index: ReadonlyMap<string, number>,
): Tally {
  const nc = channels.length;
  const channelIndex = new Map(channels.map((c, k) => [c.id, k]));
  const n = input.plan.length;
  const t: Tally = {
    actual: new Float64Array(n * nc),
    byChannel: new Float64Array(n * nc),
    ownWeights: new Float64Array(n),
    contacts: new Int32Array(n),
    last: new Array<string>(n).fill(""),
    ignored: { unknownClient: 0, unknownChannel: 0, badDate: 0, beforePeriod: 0, afterAsOf: 0 },
  };
  const { asOf } = input;
  const start = input.period.start;
  // Locals, not property reads, in the hot loop (200,000 contacts).
  const { actual, byChannel, ownWeights, contacts, last, ignored } = t;
  for (const contact of input.contacts) {
    const i = index.get(contact.clientId);
    if (i === undefined) {
      ignored.unknownClient++;
      continue;
    }
    const k = channelIndex.get(contact.channel);
    const own = contact.weight;
    const hasOwn = own !== undefined && own !== null && Number.isFinite(own) && own >= 0;
    if (k === undefined && !hasOwn) {
      ignored.unknownChannel++;
      continue;
    }
    // ISO dates compare as strings (a time after the date is dropped); anything else is not a date.
    const raw = contact.date;
    if (
      raw.length < 10 ||
      raw.charCodeAt(4) !== 45 ||
      raw.charCodeAt(7) !== 45 ||
      (raw.length > 10 && raw.charCodeAt(10) !== 84 && raw.charCodeAt(10) !== 32)
    ) {
      ignored.badDate++;
      continue;
    }
    const date = raw.length === 10 ? raw : raw.slice(0, 10);
    if (date > asOf) {
      ignored.afterAsOf++;
      continue;
    }
    if (date > last[i]) last[i] = date;
    if (date < start) {
      ignored.beforePeriod++;
      continue;
    }
    // Counted per channel (weighted at the end: the sum does not depend on the contacts' order),
    // or, with its own weight, apart.
    if (k !== undefined) actual[i * nc + k]++;
    if (hasOwn) ownWeights[i] += own;
    else if (k !== undefined) byChannel[i * nc + k]++;
    contacts[i]++;
  }
  return t;
}

export function trackClients(input: TrackingInput): TrackingResult {
  const channels = input.channels ?? DEFAULT_CHANNELS;
  const options = input.options ?? {};
  const tolerance = options.tolerance ?? rules.DEFAULT_TOLERANCE;
  const defaultCap = options.capFactor ?? rules.DEFAULT_CAP_FACTOR;
  rules.checkTolerance(tolerance);
  rules.checkCapFactor(defaultCap);
  const elapsed = elapsedShare(input.period, input.asOf, input.calendar, options.seasonality);
  const asOfDay = calendar.isoToDayNumber(input.asOf, "asOf");

  const index = new Map<string, number>();
  input.plan.forEach((row, i) => {
    if (!index.has(row.id)) index.set(row.id, i);
  });
  const t = tally(input, channels, index);
  const nc = channels.length;

  const clients = input.plan.map((row, i): ClientTracking => {
    const capFactor = row.capFactor ?? defaultCap;
    if (row.capFactor !== undefined && row.capFactor !== null)
      rules.checkCapFactor(capFactor, `capFactor of ${row.id}`);
    const planned: ChannelCounts = {};
    const actual: ChannelCounts = {};
    const remaining: ChannelCounts = {};
    let channelsWeighted = 0;
    let actualWeighted = t.ownWeights[i] ?? 0;
    let remainingWeighted = 0;
    for (let k = 0; k < nc; k++) {
      const ch = channels[k];
      // A blank, negative or non-numeric plan counts as no plan (parsing reports such cells).
      const raw = row.planned[ch.id] ?? 0;
      const p = Number.isFinite(raw) && raw > 0 ? raw : 0;
      const a = t.actual[i * nc + k] ?? 0;
      const r = rules.remainingOf(p, a);
      planned[ch.id] = p;
      actual[ch.id] = a;
      remaining[ch.id] = r;
      channelsWeighted += p * ch.weight;
      actualWeighted += (t.byChannel[i * nc + k] ?? 0) * ch.weight;
      remainingWeighted += r * ch.weight;
    }
    const own = row.plannedWeighted;
    const plannedWeighted =
      own !== undefined && own !== null && Number.isFinite(own) ? Math.max(0, own) : channelsWeighted;
    const due = rules.plannedToDate(plannedWeighted, elapsed.share);
    const pace = rules.paceOf(actualWeighted, plannedWeighted, elapsed.share);
    const last = t.last[i] ?? "";
    const lastContact = last === "" ? null : last;
    const daysSinceLastContact = lastContact === null ? null : asOfDay - calendar.isoToDayNumber(lastContact);
    return {
      id: row.id,
      segment: row.segment,
      salesN: row.salesN,
      salesN1: row.salesN1,
      potential: row.potential,
      planned,
      plannedWeighted,
      actual,
      actualWeighted,
      contacts: t.contacts[i] ?? 0,
      plannedToDate: due,
      pace,
      status: rules.statusOf(actualWeighted, due, plannedWeighted, tolerance),
      earnedWeighted: rules.earnedOf(actualWeighted, plannedWeighted, capFactor),
      lastContact,
      daysSinceLastContact,
      overdue: rules.isOverdue(daysSinceLastContact, rules.overdueBasis(planned, channels)),
      remaining,
      remainingWeighted,
      catchUp: rules.catchUpOf(remainingWeighted, elapsed.remainingDays),
    };
  });
  return {
    asOf: input.asOf,
    period: { ...input.period },
    elapsed,
    tolerance,
    channels,
    clients,
    ignored: t.ignored,
  };
}
