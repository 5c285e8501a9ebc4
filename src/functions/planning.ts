/** NORM, WEIGHTED, WORKDAYS and CAPACITY: per-row planning figures over the core's norms and calendar. */
import type * as calendar from "../core/calendar";
import * as capacity from "../core/capacity";
import { dayNumberToIso, isoToDayNumber } from "../core/calendar/isoDate";
import * as norms from "../core/norms";
import * as tracking from "../core/tracking";
import type { Channel, ChannelCounts } from "../core/types";
import { DEFAULT_CHANNELS } from "../core/types";
import type { Cell, Matrix } from "./args";
import * as args from "./args";
import { FunctionInputError } from "./excelErrors";
import { holidays } from "./holidays";
import * as keys from "./keys";
import { LruCache } from "./memo";
import { readNorms } from "./normTable";
import { isOmitted } from "./portfolio";

type Arg = Matrix | Cell | undefined;

const WEIGHTED_NAMES = new Set(["weighted", "pondere", "total pondere", "visit equivalents"]);

/** Contacts per year of each row's segment on a channel ("weighted": visit-equivalents over all channels). */
export function normOf(segments: Matrix, channel: Arg, table: Arg): (number | string)[][] {
  const resolved = readNorms(table);
  const channelName = args.scalarText(channel ?? null, "visit");
  const asWeighted = WEIGHTED_NAMES.has(tracking.normaliseText(channelName));
  const channelId = asWeighted ? "" : keys.resolveChannel(channelName);
  const { values, rows, columns } = args.cells(segments);
  const out = values.map((cell) => {
    const name = args.text(cell);
    if (name === "") return "";
    const counts = norms.normFor({ normOverride: null }, resolved.resolve(name), resolved.table);
    return asWeighted ? norms.weighted(counts) : (counts[channelId] ?? 0);
  });
  return args.reshape(out, rows, columns);
}

/** Channels (and their weights) named by a header row, optionally with a second row of weights. */
function readChannels(range: Matrix): Channel[] {
  const twoRows = range.length === 2 && (range[0]?.length ?? 0) > 1;
  const names = twoRows ? (range[0] ?? []).map(args.text) : args.texts(range);
  const weights = twoRows ? args.nonNegatives([range[1] ?? []], "weights") : [];
  return names.map((name, i) => {
    const id = keys.resolveChannel(name);
    const base: Channel = DEFAULT_CHANNELS.find((c) => c.id === id) ?? {
      id,
      labelFr: id,
      labelEn: id,
      weight: 1,
    };
    return { ...base, weight: weights[i] ?? base.weight };
  });
}

/** Σ count × weight per row, the counts given as one block or one range per channel. */
export function weightedOf(channels: Matrix, counts: readonly Matrix[]): (number | string)[][] {
  const list = readChannels(channels);
  const rows = counts[0]?.length ?? 0;
  args.sameSize(
    counts.map((m) => m.length),
    counts.map((_, i) => `counts range ${i + 1}`),
  );
  const width = counts.reduce((s, m) => s + (m[0]?.length ?? 0), 0);
  if (width !== list.length) {
    throw new FunctionInputError(
      "value",
      `${list.length} channels are named but the counts have ${width} columns`,
      `${list.length} canaux sont nommés mais les nombres de contacts ont ${width} colonnes`,
    );
  }
  const out: (number | string)[][] = [];
  for (let r = 0; r < rows; r++) {
    const line = counts.flatMap((m) => [...(m[r] ?? [])]);
    const values = args.nonNegatives([line], `counts (row ${r + 1})`);
    if (values.every((v) => v === null)) {
      out.push([""]);
      continue;
    }
    const byChannel: ChannelCounts = {};
    list.forEach((ch, i) => {
      byChannel[ch.id] = (byChannel[ch.id] ?? 0) + (values[i] ?? 0);
    });
    out.push([norms.weighted(byChannel, list)]);
  }
  return out;
}

const calendars = new LruCache<calendar.WorkCalendar>(16);

/**
 * A daysOff cell: a date, or dated periods as the Settings sheet holds dated leave
 * ("2026-08-03:2026-08-21, …", the core's reader), each of their days.
 */
function daysOffOf(v: Cell, i: number): string[] {
  if (typeof v === "string" && v.trim() !== "" && tracking.parseDateText(v) === null) {
    return capacity.parseDatedPeriods(v, "daysOff").flatMap((p) => {
      const days: string[] = [];
      for (let d = isoToDayNumber(p.start); d <= isoToDayNumber(p.end); d++) days.push(dayNumberToIso(d));
      return days;
    });
  }
  const d = args.date(v, "daysOff", args.where(i, 1));
  return d === null ? [] : [d];
}

/** A working-day calendar per place and extra days off, kept across calls. */
export function calendarFor(country: Arg, region: Arg, daysOff: Arg): calendar.WorkCalendar {
  const c = args.scalarText(country ?? null, "FR").toUpperCase();
  const r = args.scalarText(region ?? null, "");
  const off = isOmitted(daysOff) ? [] : args.cells(daysOff).values.flatMap((v, i) => daysOffOf(v, i));
  return calendars.getOrCompute(`${c}|${r}|${off.join(",")}`, () =>
    holidays().createWorkCalendar({ country: c, region: r === "" ? null : r, extraDaysOff: off }),
  );
}

/** Working days from start to end (both inclusive), row by row; a single date applies to every row. */
export function workdaysOf(
  start: Matrix,
  end: Matrix,
  country: Arg,
  region: Arg,
  daysOff: Arg,
): (number | string)[][] {
  const cal = calendarFor(country, region, daysOff);
  const s = args.cells(start);
  const e = args.cells(end);
  const big = s.values.length >= e.values.length ? s : e;
  if (s.values.length !== 1 && e.values.length !== 1)
    args.sameSize([s.values.length, e.values.length], ["start", "end"]);
  const out = big.values.map((_, i) => {
    const at = args.where(i, big.columns);
    const from = args.date(s.values.length === 1 ? s.values[0] : s.values[i], "start", at);
    const to = args.date(e.values.length === 1 ? e.values[0] : e.values[i], "end", at);
    return from === null || to === null ? "" : cal.workingDaysBetween(from, to);
  });
  return args.reshape(out, big.rows, big.columns);
}

export interface CapacityArgs {
  start: Arg;
  end: Arg;
  contactsPerDay: Arg;
  leaveDays: Arg;
  nonFieldDays: Arg;
  channel: Arg;
  prospectingShare: Arg;
  country: Arg;
  region: Arg;
  explain: Arg;
  remoteShare: Arg;
}

export function capacityArgs(
  start: Arg,
  end: Arg,
  contactsPerDay: Arg,
  leaveDays: Arg,
  nonFieldDays: Arg,
  channel: Arg,
  prospectingShare: Arg,
  country: Arg,
  region: Arg,
  explain: Arg,
  remoteShare: Arg = null,
): CapacityArgs {
  return {
    start,
    end,
    contactsPerDay,
    leaveDays,
    nonFieldDays,
    channel,
    prospectingShare,
    country,
    region,
    explain,
    remoteShare,
  };
}

/**
 * Contacts a rep can make in the period on one channel; for visits, net of the prospecting reserve.
 * With `explain` = "en" or "fr", spills the explanation lines (label, value) instead.
 */
export function capacityOf(a: CapacityArgs): (number | string)[][] {
  const channel = keys.resolveChannel(args.scalarText(a.channel ?? null, "visit"));
  const perDay = args.scalarNumber(a.contactsPerDay ?? null, "contactsPerDay", null);
  // A remote channel's contacts per remote day are visit-equivalents per day divided by its weight.
  const weight = DEFAULT_CHANNELS.find((c) => c.id === channel)?.weight ?? 1;
  const isVisit = channel === "visit";
  const result = holidays().computeCapacity({
    period: { start: args.scalarDate(a.start ?? null, "start"), end: args.scalarDate(a.end ?? null, "end") },
    country: args.scalarText(a.country ?? null, "FR").toUpperCase(),
    region: args.scalarText(a.region ?? null, "") || null,
    leaveDays: args.scalarNumber(a.leaveDays ?? null, "leaveDays", 0),
    nonFieldDays: args.scalarNumber(a.nonFieldDays ?? null, "nonFieldDays", 0),
    contactsPerDay: { visit: isVisit ? perDay : 0 },
    remoteShare: args.scalarNumber(a.remoteShare ?? null, "remoteShare", 0),
    ...(isVisit ? {} : { remotePerDay: perDay * weight }),
    prospectingShare: args.scalarNumber(
      a.prospectingShare ?? null,
      "prospectingShare",
      capacity.DEFAULT_PROSPECTING_SHARE,
    ),
  });
  const explain = tracking.normaliseText(args.scalarText(a.explain ?? null, ""));
  if (explain === "en" || explain === "fr") {
    return result.lines.map((l) => [explain === "fr" ? l.labelFr : l.labelEn, l.value]);
  }
  if (explain !== "") {
    throw new FunctionInputError(
      "value",
      `explain '${explain}': give "en" or "fr", or leave it blank`,
      `explication « ${explain} » : donnez "en" ou "fr", ou laissez vide`,
    );
  }
  if (isVisit) return [[result.clientVisits]];
  return [[weight > 0 ? Math.floor(result.remote.visitEquivalents / weight + 1e-9) : 0]];
}
