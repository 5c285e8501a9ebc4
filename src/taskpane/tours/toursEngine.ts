/**
 * The tours as the pane computes them from the workbook: the plan (Clients), the contacts log
 * (Contacts), the plan's calendar (Settings) and the Rendez-vous table, through the core (tracking as
 * the period begins, offline geocoding, planTours, the Tours sheet rows). Loaded on demand (its
 * postal-code table and holiday calendar are large), see loadToursEngine.
 */
import * as calendar from "../../core/calendar";
import * as tours from "../../core/tours";
import * as tracking from "../../core/tracking";
import type { Grid, Lang } from "../../core/types";
import type { PlanSettings, SourceRead } from "../../excel/gateway.types";
import { planFromClients } from "../track/trackModel";
import * as parse from "../../core/parse";

export interface ToursRequest {
  clients: SourceRead;
  contacts: SourceRead | null;
  appointments: SourceRead | null;
  settings: PlanSettings | null;
  base: string;
  start: string;
  weeks: number;
  perDay: number;
  lang: Lang;
}

export interface ToursOutcome {
  plan: tours.TourPlan;
  base: tours.LatLon;
  rows: Grid;
  notGeocoded: tours.NotGeocoded[];
  appointmentIssues: number;
}

export class ToursInputError extends Error {
  constructor(
    readonly field: "base" | "start" | "weeks" | "perDay",
    readonly messageFr: string,
    messageEn: string,
  ) {
    super(messageEn);
    this.name = "ToursInputError";
  }
}

export async function planToursFromWorkbook(r: ToursRequest): Promise<ToursOutcome> {
  const index = await tours.loadFranceIndex();
  const base = tours.placeBase(index, r.base);
  if (base === null)
    throw new ToursInputError(
      "base",
      `Base : « ${r.base} » n'est pas un code postal français connu (ni « latitude, longitude »).`,
      `Base: "${r.base}" is not a known French postal code (nor "latitude, longitude").`,
    );
  const { plan, names } = planFromClients(r.clients);
  const refs = plan.map((p) => ({ id: p.id, name: names.get(p.id) ?? "" }));
  const log = r.contacts === null ? [] : tracking.parseContacts(r.contacts.grid, refs).contacts;
  const dayBefore = calendar.dayNumberToIso(calendar.isoToDayNumber(r.start, "start") - 1);
  // The plan's calendar: holidays of its place, and its dated leave and RTT (the core's tracking frame).
  const cal =
    r.settings === null
      ? calendar.createWorkCalendar({ country: "FR", region: null })
      : tracking.trackingFrame(r.settings, dayBefore).calendar;
  const periodStart = r.settings?.periodStart ?? `${dayBefore.slice(0, 4)}-01-01`;
  const tracked = tracking.trackClients({
    plan,
    contacts: log,
    period: { start: periodStart < dayBefore ? periodStart : dayBefore, end: dayBefore },
    asOf: dayBefore,
    calendar: cal,
  });
  const portfolio = parse.parsePortfolio(r.clients.grid, { firstRow: r.clients.location.headerRow });
  const coords = tours.coordinateColumns(r.clients.grid[0] ?? []);
  const geo = tours.geocodeClients(
    index,
    portfolio.clients.map((c) => {
      const cells = r.clients.grid[c.row - r.clients.location.headerRow] ?? [];
      return {
        id: c.id,
        row: c.row,
        postalCode: c.postalCode,
        city: c.city,
        lat: coords === null ? null : tours.coordinateOf(cells[coords.lat]),
        lon: coords === null ? null : tours.coordinateOf(cells[coords.lon]),
      };
    }),
  );
  const appointments =
    r.appointments === null
      ? { appointments: [], issues: [] }
      : tours.parseAppointments(r.appointments.grid, refs, r.appointments.location.headerRow);
  const result = tours.planTours({
    clients: tours.tourClientsOf(tracked.clients, geo.placed),
    base,
    start: r.start,
    weeks: r.weeks,
    perDay: r.perDay,
    isWorkingDay: (iso) => cal.isWorkingDay(iso),
    prospectingShare: r.settings?.prospectingShare ?? tours.DEFAULT_PROSPECTING_SHARE,
    appointments: appointments.appointments,
  });
  const info = new Map(
    portfolio.clients.map((c) => [c.id, { name: c.name, city: c.city, postalCode: c.postalCode }]),
  );
  return {
    plan: result,
    base,
    rows: tours.tourSheetRows(result, info, r.lang),
    notGeocoded: geo.notGeocoded,
    appointmentIssues: appointments.issues.length,
  };
}
