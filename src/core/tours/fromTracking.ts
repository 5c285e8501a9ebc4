/**
 * The tours' view of a tracked plan: planned visits a year (the visit channel), the last contact on
 * any channel, prospects (the prospect segment) and At risk clients under plan, at the positions
 * geocoding found. Tracking is computed by the core's trackClients as of the day before the period.
 */
import type { ClientTracking } from "../tracking";
import type { LatLon } from "./geo";
import type { TourClient } from "./plan";

export const PROSPECT_SEGMENT = "prospect";
export const AT_RISK_SEGMENT = "atRisk";

export function tourClientsOf(
  tracked: readonly ClientTracking[],
  placed: ReadonlyMap<string, LatLon>,
): TourClient[] {
  const out: TourClient[] = [];
  for (const c of tracked) {
    const at = placed.get(c.id);
    if (at === undefined) continue;
    out.push({
      id: c.id,
      lat: at.lat,
      lon: at.lon,
      plannedVisits: c.planned.visit ?? 0,
      lastContact: c.lastContact,
      prospect: c.segment === PROSPECT_SEGMENT,
      atRiskUnder: c.segment === AT_RISK_SEGMENT && c.status === "Under",
    });
  }
  return out;
}
