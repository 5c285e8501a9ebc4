/**
 * The demo portfolio: a generated but realistic field sales rep in the Pays de la Loire, the same
 * for a given seed on every machine.
 */
import type { Grid } from "../../core/types";
import { generateClients } from "./clients";
import { generateContacts } from "./contacts";
import { demoPeriod, localToday } from "./period";
import type { DemoPeriod } from "./period";
import { createRandom } from "./random";

export { demoPeriod, localToday, workingDays } from "./period";
export type { DemoPeriod } from "./period";
export type { DemoClient, ClientKind } from "./clients";

export const CLIENT_HEADERS = [
  "Code client",
  "Raison sociale",
  "Code postal",
  "Ville",
  "CA N-1",
  "CA N",
  "Potentiel",
] as const;
export const CONTACT_HEADERS = ["Date", "Code client", "Raison sociale", "Type de contact", "Objet"] as const;

export interface DemoOptions {
  /** How many clients (default 300; benchmarks use 10,000). */
  clients?: number;
  /** The reference date (ISO) the year of contacts ends before (default: today, local time). */
  today?: string;
}

export interface Demo {
  /** Header row + one row per client; postal codes as text, sales in euros, blank potential as "". */
  clients: Grid;
  /** Header row + a year of contacts (ISO dates), sorted by date. */
  contacts: Grid;
  /** The 52 working weeks the contacts fall in, ending the Friday before the reference date. */
  period: DemoPeriod;
}

/** The same demo for the same seed and reference date, on every machine. */
export function generateDemo(seed = 1, options: DemoOptions = {}): Demo {
  const period = demoPeriod(options.today ?? localToday());
  const random = createRandom(seed);
  const clients = generateClients(random, options.clients ?? 300);
  const clientRows = clients.map((c) => [
    c.id,
    c.name,
    c.place.postalCode,
    c.place.city,
    c.salesN1,
    c.salesN,
    c.potential ?? "",
  ]);
  return {
    clients: [[...CLIENT_HEADERS], ...clientRows],
    contacts: [[...CONTACT_HEADERS], ...generateContacts(random, clients, period)],
    period,
  };
}
