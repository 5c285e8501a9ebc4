/** Great-circle distances (domain.md, "Tour plans"): haversine on the mean Earth radius. */

/** Mean Earth radius (IUGG), kilometres. */
export const EARTH_RADIUS_KM = 6371.0088;
/** Default road estimate factor: shown beside great-circle km, never in their place. */
export const DEFAULT_ROAD_FACTOR = 1.3;

export interface LatLon {
  /** Degrees, −90..90. */
  lat: number;
  /** Degrees, −180..180. */
  lon: number;
}

const RAD = Math.PI / 180;

/** Great-circle kilometres between two points (haversine). */
export function haversineKm(a: LatLon, b: LatLon): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** The road estimate of a great-circle distance (× 1.3 by default). */
export const roadEstimateKm = (greatCircleKm: number, factor = DEFAULT_ROAD_FACTOR): number =>
  greatCircleKm * factor;

/** True for a finite latitude in [−90, 90] and longitude in [−180, 180]. */
export const isLatLon = (lat: unknown, lon: unknown): boolean =>
  typeof lat === "number" &&
  typeof lon === "number" &&
  Number.isFinite(lat) &&
  Number.isFinite(lon) &&
  Math.abs(lat) <= 90 &&
  Math.abs(lon) <= 180;

/** Bearing of b seen from a, radians in (−π, π] (an equirectangular angle: enough to sweep sectors). */
export function angleFrom(a: LatLon, b: LatLon): number {
  return Math.atan2(b.lat - a.lat, (b.lon - a.lon) * Math.cos(a.lat * RAD));
}
