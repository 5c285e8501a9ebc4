/**
 * Capacity (capital de visites): working days of the period, less leave and non-field days, times
 * contacts per day per channel, with a prospecting reserve taken from the visit capacity.
 * Contacts per channel are rounded to the nearest integer (Math.round), as is the reserve.
 */
import * as calendar from "../calendar";
import { DEFAULT_CHANNELS } from "../types";
import type { ChannelCounts } from "../types";
import { InvalidCapacityInputError } from "./errors";
import { holidayLine, line, nonFieldLines } from "./explain";
import type { CapacityInput, CapacityResult, ExplanationLine } from "./types";
import { channelMap, nonNegative, shareInUnitRange } from "./validate";

export const DEFAULT_PROSPECTING_SHARE = 0.2;
const VISIT = "visit";

function channelLabels(id: string): [string, string] {
  const known = DEFAULT_CHANNELS.find((c) => c.id === id);
  return known ? [known.labelFr.toLowerCase(), known.labelEn.toLowerCase()] : [id, id];
}

function nonFieldBreakdown(value: CapacityInput["nonFieldDays"]): Map<string, number> {
  if (typeof value === "number") return new Map();
  return channelMap("nonFieldDays", value, nonNegative);
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
    throw new InvalidCapacityInputError(
      "period.end",
      end,
      `is before the start (${start}).`,
      `est antérieure au début (${start}).`,
    );
  }

  const leaveDays = nonNegative("leaveDays", input.leaveDays);
  const breakdown = nonFieldBreakdown(input.nonFieldDays);
  const nonFieldDays =
    typeof input.nonFieldDays === "number"
      ? nonNegative("nonFieldDays", input.nonFieldDays)
      : [...breakdown.values()].reduce((a, b) => a + b, 0);
  const share = shareInUnitRange("prospectingShare", input.prospectingShare ?? DEFAULT_PROSPECTING_SHARE);
  const perDay = channelMap("contactsPerDay", input.contactsPerDay, nonNegative);
  const shares = channelMap("daysPerChannel", input.daysPerChannel ?? {}, shareInUnitRange);

  const calendarDays = endDay - startDay + 1;
  let weekendDays = 0;
  for (let d = startDay; d <= endDay; d++) if (calendar.isWeekend(d)) weekendDays++;
  const publicHolidays = cal.holidaysBetween(start, end);
  const weekdayHolidays = publicHolidays.filter((h) => !h.weekend).length;
  const workingDays = cal.workingDaysBetween(start, end);
  const extraDaysOff = calendarDays - weekendDays - weekdayHolidays - workingDays;

  if (leaveDays > workingDays) {
    throw new InvalidCapacityInputError(
      "leaveDays",
      leaveDays,
      `exceeds the ${workingDays} working days of the period.`,
      `dépasse les ${workingDays} jours ouvrés de la période.`,
    );
  }
  if (leaveDays + nonFieldDays > workingDays) {
    throw new InvalidCapacityInputError(
      "nonFieldDays",
      nonFieldDays,
      `with ${leaveDays} days of leave, exceeds the ${workingDays} working days of the period.`,
      `avec ${leaveDays} jours de congés, dépasse les ${workingDays} jours ouvrés de la période.`,
    );
  }
  const fieldDays = workingDays - leaveDays - nonFieldDays;

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
    ...nonFieldLines(breakdown, nonFieldDays),
    line("fieldDays", "Jours terrain", "Field days", fieldDays, "days", "equals"),
  );

  const daysPerChannel: ChannelCounts = {};
  const perChannel: ChannelCounts = {};
  for (const [channel, contacts] of perDay) {
    const [fr, en] = channelLabels(channel);
    const channelShare = shares.get(channel) ?? 1;
    const days = fieldDays * channelShare;
    daysPerChannel[channel] = days;
    perChannel[channel] = Math.round(days * contacts);
    if (channelShare !== 1) {
      lines.push(
        line(
          `daysShare.${channel}`,
          `Part des jours terrain en ${fr}`,
          `Share of field days on ${en}`,
          channelShare,
          "share",
          "times",
        ),
      );
      lines.push(line(`days.${channel}`, `Jours de ${fr}`, `Days of ${en}`, days, "days", "equals"));
    }
    lines.push(
      line(
        `contactsPerDay.${channel}`,
        `Contacts par jour (${fr})`,
        `Contacts per day (${en})`,
        contacts,
        "contactsPerDay",
        "times",
      ),
      line(
        `capacity.${channel}`,
        `Capacité ${fr}`,
        `Capacity, ${en}`,
        perChannel[channel],
        "contacts",
        "equals",
      ),
    );
  }

  const visitCapacity = perChannel[VISIT] ?? 0;
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
    nonFieldDays,
    fieldDays,
    daysPerChannel,
    perChannel,
    prospecting: { share, visits: prospectVisits },
    clientVisits,
    lines,
  };
}
