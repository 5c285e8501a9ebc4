/** Tracking figures from what the workbook holds: the Clients table (with the plan) and the Contacts log. */
import * as calendar from "../../core/calendar";
import * as parse from "../../core/parse";
import * as tracking from "../../core/tracking";
import type { CellValue, Channel, ChannelCounts } from "../../core/types";
import { DEFAULT_CHANNELS } from "../../core/types";
import type { SourceRead } from "../../excel/gateway.types";

export interface TrackedPortfolio {
  plan: tracking.PlanRow[];
  names: ReadonlyMap<string, string>;
}

const num = (cell: CellValue): number | null => {
  if (typeof cell === "number" && Number.isFinite(cell)) return cell;
  if (typeof cell === "string" && cell.trim() !== "" && Number.isFinite(Number(cell))) return Number(cell);
  return null;
};

const columnOf = (ids: Readonly<Record<string, number>>, id: string): number | undefined =>
  Object.hasOwn(ids, id) ? ids[id] : undefined;

/**
 * Plan rows from the Clients table: base fields through the core's header detection, the plan
 * through the Cadence column ids the gateway reports (so renamed headers do not matter).
 */
export function planFromClients(
  read: SourceRead,
  channels: readonly Channel[] = DEFAULT_CHANNELS,
): TrackedPortfolio {
  const parsed = parse.parsePortfolio(read.grid, { firstRow: read.location.headerRow, channels });
  const ids = read.cadenceColumns;
  const plan: tracking.PlanRow[] = [];
  const names = new Map<string, string>();
  for (const client of parsed.clients) {
    const row = read.grid[client.row - read.location.headerRow] ?? [];
    const segmentIndex = columnOf(ids, "segment");
    const segment = segmentIndex === undefined ? "" : String(row[segmentIndex] ?? "").trim();
    const planned: ChannelCounts = {};
    for (const ch of channels) {
      const index = columnOf(ids, `planned.${ch.id}`);
      const value = index === undefined ? null : num(row[index]);
      if (value !== null) planned[ch.id] = value;
    }
    plan.push({
      id: client.id,
      segment,
      planned,
      salesN: client.salesN,
      salesN1: client.salesN1,
      potential: client.potential,
    });
    names.set(client.id, client.name);
  }
  return { plan, names };
}

export interface TrackFigures {
  result: tracking.TrackingResult;
  kpis: tracking.PortfolioKpis;
  /** Remaining weighted contacts per remaining working day, for the whole portfolio. */
  catchUp: number | null;
  contactIssues: number;
  names: ReadonlyMap<string, string>;
}

/** Tracking as of a date, over the calendar year of that date (France's calendar unless told). */
export function computeFigures(
  portfolio: TrackedPortfolio,
  contactsGrid: CellValue[][] | readonly (readonly CellValue[])[],
  asOf: string,
  country = "FR",
): TrackFigures {
  const refs = portfolio.plan.map((p) => ({ id: p.id, name: portfolio.names.get(p.id) ?? p.id }));
  const parsed = tracking.parseContacts(contactsGrid, refs);
  const year = asOf.slice(0, 4);
  const result = tracking.trackClients({
    plan: portfolio.plan,
    contacts: parsed.contacts,
    period: { start: `${year}-01-01`, end: `${year}-12-31` },
    asOf,
    calendar: calendar.createWorkCalendar({ country }),
  });
  const kpis = tracking.portfolioKpis(result);
  const remaining = result.clients.reduce((s, c) => s + c.remainingWeighted, 0);
  const days = result.elapsed.remainingDays;
  return {
    result,
    kpis,
    catchUp: days > 0 ? remaining / days : null,
    contactIssues: parsed.issues.length + parsed.unmatched.length,
    names: portfolio.names,
  };
}
