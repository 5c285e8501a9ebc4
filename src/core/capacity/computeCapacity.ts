/**
 * Capacity (capital de visites): working days of the period, less leave, RTT and non-field days,
 * give the available days; a remote share of them goes to the desk (video, calls, digital), the
 * rest to the field. Visit capacity = field days × visits per day; remote capacity, in
 * visit-equivalents = remote days × visit-equivalents per remote day. No day is counted twice.
 * Contacts are rounded to the nearest integer (Math.round), as are the reserve and remote days.
 */
import * as calendar from "../calendar";
import { DEFAULT_CHANNELS } from "../types";
import type { ChannelCounts } from "../types";
import { claimWorkingDays, isDated } from "./datedDays";
import { DEFAULT_PROSPECTING_SHARE, DEFAULT_REMOTE_PER_DAY } from "./defaults";
import type { DaysInput } from "./datedDays";
import { InvalidCapacityInputError } from "./errors";
import { holidayLine, line, nonFieldLines } from "./explain";
import type { CapacityInput, CapacityResult, ExplanationLine, RemoteCapacity } from "./types";
import { channelMap, nonNegative, shareInUnitRange } from "./validate";

export { DEFAULT_PROSPECTING_SHARE, DEFAULT_REMOTE_PER_DAY };
const VISIT = "visit";
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

type NonField = CapacityInput["nonFieldDays"];

function nonFieldBreakdown(value: NonField): Map<string, number> {
  if (typeof value === "number" || isDated(value)) return new Map();
  return channelMap("nonFieldDays", value, nonNegative);
}

/** Days given as a count are read as is; dated ones count their working days not claimed before. */
function countDays(
  field: string,
  value: DaysInput,
  claim: (field: string, periods: Parameters<typeof claimWorkingDays>[2]) => string[],
): number {
  return isDated(value) ? claim(field, value).length : nonNegative(field, value);
}

export function computeCapacity(input: CapacityInput): CapacityResult {
  const cal = calendar.createWorkCalendar({
    country: input.country ?? "FR",
    region: input.region ?? null,
    extraDaysOff: input.extraDaysOff ?? [],
  });
  const { start, end } = input.period;
  const startDay = calendar.isoToDayNumber(start, "period.start");
  const endDay = calendar.isoToDayNumber(end, "period.end");
  if (endDay < startDay) {
    throw new InvalidCapacityInputError("period.end", end, { kind: "notBeforeStart", start });
  }

  const taken = new Set<string>();
  const claim = (field: string, periods: Parameters<typeof claimWorkingDays>[2]): string[] =>
    claimWorkingDays(cal, field, periods, start, end, taken);
  const leaveDays = countDays("leaveDays", input.leaveDays, claim);
  const rttDays = countDays("rttDays", input.rttDays ?? 0, claim);
  const breakdown = nonFieldBreakdown(input.nonFieldDays);
  const nonFieldInput = input.nonFieldDays;
  const nonFieldDays =
    typeof nonFieldInput === "number" || isDated(nonFieldInput)
      ? countDays("nonFieldDays", nonFieldInput, claim)
      : [...breakdown.values()].reduce((a, b) => a + b, 0);
  const share = shareInUnitRange("prospectingShare", input.prospectingShare ?? DEFAULT_PROSPECTING_SHARE);
  const perDay = channelMap("contactsPerDay", input.contactsPerDay, nonNegative);
  const remoteShare = shareInUnitRange("remoteShare", input.remoteShare ?? 0);
  const remotePerDay = nonNegative("remotePerDay", input.remotePerDay ?? DEFAULT_REMOTE_PER_DAY);
  const channels = input.channels ?? DEFAULT_CHANNELS;

  const calendarDays = endDay - startDay + 1;
  let weekendDays = 0;
  for (let d = startDay; d <= endDay; d++) if (calendar.isWeekend(d)) weekendDays++;
  const publicHolidays = cal.holidaysBetween(start, end);
  const weekdayHolidays = publicHolidays.filter((h) => !h.weekend).length;
  const workingDays = cal.workingDaysBetween(start, end);
  const extraDaysOff = calendarDays - weekendDays - weekdayHolidays - workingDays;

  if (leaveDays > workingDays) {
    throw new InvalidCapacityInputError("leaveDays", leaveDays, {
      kind: "withinWorkingDays",
      workingDays,
      leaveDays: null,
    });
  }
  if (leaveDays + rttDays > workingDays) {
    throw new InvalidCapacityInputError("rttDays", rttDays, {
      kind: "withinWorkingDays",
      workingDays,
      leaveDays,
      rtt: false,
    });
  }
  if (leaveDays + rttDays + nonFieldDays > workingDays) {
    throw new InvalidCapacityInputError("nonFieldDays", nonFieldDays, {
      kind: "withinWorkingDays",
      workingDays,
      leaveDays: leaveDays + rttDays,
      rtt: true,
    });
  }
  const availableDays = workingDays - leaveDays - rttDays - nonFieldDays;
  const remoteDays = Math.round(availableDays * remoteShare);
  const fieldDays = availableDays - remoteDays;

  const lines: ExplanationLine[] = [
    line(
      "calendarDays",
      `Jours calendaires du ${start} au ${end}`,
      `Calendar days from ${start} to ${end}`,
      calendarDays,
      "days",
      "start",
    ),
    line("weekendDays", "Samedis et dimanches", "Saturdays and Sundays", weekendDays, "days", "minus"),
    holidayLine(publicHolidays),
  ];
  if (extraDaysOff > 0) {
    lines.push(
      line(
        "extraDaysOff",
        "Autres jours chômés (ponts…)",
        "Other days off (bridge days…)",
        extraDaysOff,
        "days",
        "minus",
      ),
    );
  }
  lines.push(
    line("workingDays", "Jours ouvrés", "Working days", workingDays, "days", "equals"),
    line("leaveDays", "Congés", "Leave", leaveDays, "days", "minus"),
    line("rttDays", "RTT", "RTT days (reduced working time)", rttDays, "days", "minus"),
    ...nonFieldLines(breakdown, nonFieldDays),
    line(
      "availableDays",
      "Jours disponibles (terrain et distance)",
      "Days available (field and remote)",
      availableDays,
      "days",
      "equals",
    ),
    line(
      "remoteShare",
      "Part des jours au bureau à distance (visio, appels, digital)",
      "Share of days at the desk (video, calls, digital)",
      remoteShare,
      "share",
      "info",
    ),
    line("remoteDays", "Jours à distance", "Remote days", remoteDays, "days", "minus"),
    line("fieldDays", "Jours terrain", "Field days", fieldDays, "days", "equals"),
  );

  const visitsPerDay = perDay.get(VISIT) ?? 0;
  const visitCapacity = Math.round(fieldDays * visitsPerDay);
  const perChannel: ChannelCounts = { [VISIT]: visitCapacity };
  lines.push(
    line(
      `contactsPerDay.${VISIT}`,
      "Visites par jour terrain",
      "Visits per field day",
      visitsPerDay,
      "contactsPerDay",
      "times",
    ),
    line(`capacity.${VISIT}`, "Capacité visites", "Visit capacity", visitCapacity, "contacts", "equals"),
  );

  const remoteContacts: ChannelCounts = {};
  for (const ch of channels) {
    if (ch.id !== VISIT && ch.weight > 0) remoteContacts[ch.id] = round3(remotePerDay / ch.weight);
  }
  const remote: RemoteCapacity = {
    share: remoteShare,
    days: remoteDays,
    perDay: remotePerDay,
    visitEquivalents: round3(remoteDays * remotePerDay),
    contactsPerDay: remoteContacts,
  };
  lines.push(
    line(
      "remote.perDay",
      "Équivalents visites par jour à distance",
      "Visit-equivalents per remote day",
      remotePerDay,
      "visitEquivalents",
      "times",
    ),
    line(
      "capacity.remote",
      "Capacité à distance (équivalents visites, partagée par visio, appels et digital selon leur poids)",
      "Remote capacity (visit-equivalents, shared by video, calls and digital by their weights)",
      remote.visitEquivalents,
      "visitEquivalents",
      "equals",
    ),
  );

  const prospectVisits = Math.round(visitCapacity * share);
  const clientVisits = visitCapacity - prospectVisits;
  lines.push(
    line(
      "prospectingShare",
      "Part réservée à la prospection",
      "Share reserved for prospecting",
      share,
      "share",
      "info",
    ),
    line(
      "prospecting.visits",
      "Visites réservées aux prospects",
      "Visits reserved for prospects",
      prospectVisits,
      "contacts",
      "minus",
    ),
    line(
      "clientVisits",
      "Visites disponibles pour les clients",
      "Visits available for clients",
      clientVisits,
      "contacts",
      "equals",
    ),
  );

  return {
    period: { start, end },
    country: cal.country,
    region: cal.region,
    calendarDays,
    weekendDays,
    publicHolidays,
    extraDaysOff,
    workingDays,
    leaveDays,
    rttDays,
    nonFieldDays,
    availableDays,
    fieldDays,
    remote,
    perChannel,
    datedDaysOff: [...taken].sort(),
    suggestedNonFieldDays: Math.round((workingDays - leaveDays - rttDays) / 5),
    prospecting: { share, visits: prospectVisits },
    clientVisits,
    lines,
  };
}
