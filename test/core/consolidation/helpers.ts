import * as calendar from "../../../src/core/calendar";
import * as tracking from "../../../src/core/tracking";

export const fr = calendar.createWorkCalendar({ country: "FR" });

export interface SimpleClient {
  id: string;
  segment: string;
  /** Planned visits for 2026. */
  visits: number;
  /** Visits done (all before the as-of date). */
  done: number;
  calls?: number;
}

/** Tracks simple clients as of 2026-12-31 (e = 1, so pace = done / planned). */
export function trackSimple(
  clients: readonly SimpleClient[],
  asOf = "2026-12-31",
): tracking.ClientTracking[] {
  const contacts = clients.flatMap((c) =>
    Array.from({ length: c.done }, (_, k) => ({
      clientId: c.id,
      channel: "visit",
      date: calendar.dayNumberToIso(calendar.isoToDayNumber("2026-01-05") + k),
    })),
  );
  return tracking.trackClients({
    plan: clients.map((c) => ({
      id: c.id,
      segment: c.segment,
      planned: { visit: c.visits, call: c.calls ?? 0 },
      salesN: 100,
      salesN1: 100,
      potential: 100,
    })),
    contacts,
    period: { start: "2026-01-01", end: "2026-12-31" },
    asOf,
    calendar: fr,
  }).clients;
}
