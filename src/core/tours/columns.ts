/**
 * The sheet columns tours read besides the portfolio's: Latitude / Longitude (a CRM's street-level
 * coordinates), and the Rendez-vous table of fixed appointments (date, client).
 */
import { normaliseHeader } from "../parse";
import { createClientMatcher, parseDateCell, type ClientRef } from "../tracking";
import type { CellValue, Grid, RowIssue } from "../types";
import type { Appointment } from "./plan";

const LATITUDE = new Set(["latitude", "lat", "gps latitude"]);
const LONGITUDE = new Set(["longitude", "lon", "lng", "long", "gps longitude"]);
const DATE = new Set(["date", "jour", "day", "date du rendez vous", "date rdv", "date du rdv"]);
const CLIENT = new Set([
  "client",
  "code client",
  "client id",
  "id",
  "code",
  "client code",
  "raison sociale",
  "nom",
  "name",
]);

const find = (header: readonly CellValue[], names: ReadonlySet<string>): number =>
  header.findIndex((h) => names.has(normaliseHeader(String(h ?? ""))));

/** Indices of the Latitude and Longitude columns, or null when the sheet has not both. */
export function coordinateColumns(header: readonly CellValue[]): { lat: number; lon: number } | null {
  const lat = find(header, LATITUDE);
  const lon = find(header, LONGITUDE);
  return lat >= 0 && lon >= 0 ? { lat, lon } : null;
}

/** A coordinate cell as a number ("47,2184" with a decimal comma too); null when blank or not one. */
export function coordinateOf(cell: CellValue): number | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== "string" || cell.trim() === "") return null;
  const n = Number(cell.trim().replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

export interface ParsedAppointments {
  appointments: Appointment[];
  issues: RowIssue[];
}

/**
 * The Rendez-vous table (header row first): a date column and a client column (id or name).
 * Rows are 1-based from `firstRow` (the header's row). Bad rows are reported, never dropped silently.
 */
export function parseAppointments(
  grid: Grid,
  clients: readonly ClientRef[],
  firstRow = 1,
): ParsedAppointments {
  const header = grid[0] ?? [];
  const dateCol = find(header, DATE);
  const clientCol = find(header, CLIENT);
  const issues: RowIssue[] = [];
  if (dateCol < 0 || clientCol < 0) {
    const missing = dateCol < 0 ? "Date" : "Client";
    issues.push({
      row: firstRow,
      column: missing,
      code: "missingColumn",
      message: `the Rendez-vous table needs a '${missing}' column / il manque la colonne « ${missing} » aux rendez-vous`,
    });
    return { appointments: [], issues };
  }
  const matcher = createClientMatcher(clients);
  const appointments: Appointment[] = [];
  grid.slice(1).forEach((r, i) => {
    const row = firstRow + 1 + i;
    const rawDate = r[dateCol];
    const rawClient = String(r[clientCol] ?? "").trim();
    if ((rawDate === "" || rawDate === null || rawDate === undefined) && rawClient === "") return;
    const date = parseDateCell(rawDate);
    if (date === null) {
      issues.push({
        row,
        column: String(header[dateCol] ?? "Date"),
        code: "badDate",
        message: `'${String(rawDate ?? "")}' is not a date / n'est pas une date`,
        value: rawDate,
      });
      return;
    }
    const m = matcher.match(rawClient);
    if (m.kind !== "matched") {
      issues.push({
        row,
        column: String(header[clientCol] ?? "Client"),
        code: "unmatched",
        message:
          m.kind === "ambiguous"
            ? `'${rawClient}' names several clients (${m.ids.join(", ")}) / désigne plusieurs clients`
            : `no client '${rawClient}' in the plan / aucun client « ${rawClient} » dans le plan`,
        value: rawClient,
      });
      return;
    }
    appointments.push({ date, clientId: m.clientId, row });
  });
  return { appointments, issues };
}
