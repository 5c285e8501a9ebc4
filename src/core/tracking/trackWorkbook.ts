/**
 * The one place a plan workbook becomes tracking figures (issue 17): the Excel refresh, the pane's
 * Track tab and `cadence track` hand it the cells they read and report what it returns.
 * - Plan rows: the Clients table (workbookTables.clientsPlan); channels and weights: the Channels table.
 * - "Same contact", client matching and channel mapping: the contacts parser's (by client id, else by
 *   company name; a repeated contact counts once; inbound calls, after-sales and mailings are not
 *   contacts); contacts of clients not in the plan are new names, tracked as prospects without a plan.
 * - Period, calendar and what a day holds: the plan's settings (trackingFrame: dated leave skipped),
 *   else the as-of date's calendar year with the default settings.
 * - Statuses, KPIs and catch-up: trackClients, portfolioKpis, rules.catchUpOf, portfolioCatchUp.
 */
import type { Channel } from "../types";
import { DEFAULT_CHANNELS } from "../types";
import type { PlanSettings } from "../workbook/planSettings";
import type { CatchUpLine } from "./catchUp";
import { portfolioCatchUp } from "./catchUp";
import type { ParseContactsOptions, ParsedContacts } from "./contacts";
import type { TrackingFrame } from "./frame";
import { trackingFrame } from "./frame";
import { newNameRows, parseContacts } from "./contacts";
import type { PortfolioKpis } from "./kpis";
import { portfolioKpis } from "./kpis";
import * as rules from "./rules";
import type { ClientTracking, TrackingResult } from "./track";
import { trackClients } from "./track";
import type { ClientsPlan, TableRead } from "./workbookTables";
import { channelsOf, clientsPlan, contactsLog } from "./workbookTables";

export interface TrackWorkbookInput {
  /** The Clients table (the plan). */
  clients: TableRead;
  /** The Contacts table, or a CRM export read from a file. */
  contacts: TableRead;
  /** The Channels table; absent or empty: the built-in channels and weights. */
  channels?: TableRead | null;
  /** The plan's recorded settings; null: the defaults for the as-of date's year (trackingFrame). */
  settings?: PlanSettings | null;
  /** τ of the status; default rules.DEFAULT_TOLERANCE. */
  tolerance?: number | null;
  /** ISO date the tracking is computed at (inclusive). */
  asOf: string;
  /** How the contacts are read (new names, excluded channels…); the parser's defaults otherwise. */
  contactOptions?: ParseContactsOptions;
}

export interface WorkbookTracking {
  /** The period, the calendar (dated leave and RTT out of it) and what a day holds: the plan's settings. */
  frame: TrackingFrame;
  channels: readonly Channel[];
  clients: ClientsPlan;
  contacts: ParsedContacts;
  /** Every tracked client: the plan's rows first (in their order), then the new names. */
  result: TrackingResult;
  kpis: PortfolioKpis;
  /** Remaining weighted contacts per remaining working day, for the whole portfolio (rules.catchUpOf). */
  catchUp: number | null;
  /** Catch-up per channel against what a day holds. */
  catchUpLines: CatchUpLine[];
}

const present = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);

export function trackWorkbook(input: TrackWorkbookInput): WorkbookTracking {
  const channels = channelsOf(input.channels);
  const clients = clientsPlan(input.clients, channels);
  const refs = clients.plan.map((p) => ({ id: p.id, name: clients.names.get(p.id) ?? p.id }));
  const contacts = parseContacts(contactsLog(input.contacts), refs, {
    headerRow: input.contacts.headerRow ?? 1,
    ...input.contactOptions,
  });
  return trackParsed({
    clients,
    contacts,
    channels,
    settings: input.settings ?? null,
    tolerance: input.tolerance ?? null,
    asOf: input.asOf,
  });
}

/** trackWorkbook's second half, for contacts already parsed against the plan (a team export split by rep). */
export interface TrackParsedInput {
  clients: ClientsPlan;
  contacts: ParsedContacts;
  channels?: readonly Channel[];
  settings?: PlanSettings | null;
  tolerance?: number | null;
  asOf: string;
}

export function trackParsed(input: TrackParsedInput): WorkbookTracking {
  const { clients, contacts } = input;
  const channels = input.channels ?? DEFAULT_CHANNELS;
  const frame = trackingFrame(input.settings ?? null, input.asOf);
  const tolerance = input.tolerance;
  const result = trackClients({
    // New names (clients not in the plan) are tracked as prospects without a plan.
    plan: [...clients.plan, ...newNameRows(contacts.newNames)],
    contacts: contacts.contacts,
    period: frame.period,
    asOf: input.asOf,
    calendar: frame.calendar,
    channels,
    options: present(tolerance) ? { tolerance } : {},
  });
  const remaining = result.clients.reduce((s, c) => s + c.remainingWeighted, 0);
  return {
    frame,
    channels,
    clients,
    contacts,
    result,
    kpis: portfolioKpis(result),
    catchUp: rules.catchUpOf(remaining, result.elapsed.remainingDays),
    catchUpLines: portfolioCatchUp(result, frame.holds, channels),
  };
}

/** Per grid row of the Clients table (0 is the header row), its client's tracking; null for a row without one. */
export function trackingByRow(tracking: WorkbookTracking): (ClientTracking | null)[] {
  const rows: (ClientTracking | null)[] = [];
  tracking.clients.gridRows.forEach((index, i) => {
    while (rows.length <= index) rows.push(null);
    rows[index] = tracking.result.clients[i] ?? null;
  });
  return rows;
}
