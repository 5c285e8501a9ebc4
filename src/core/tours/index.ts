/** Tour plans: offline geocoding, great-circle distances, priority, sectors and round trips. */
export {
  EARTH_RADIUS_KM,
  DEFAULT_ROAD_FACTOR,
  haversineKm,
  roadEstimateKm,
  isLatLon,
  angleFrom,
} from "./geo";
export type { LatLon } from "./geo";
export { parsePostcodeTable, normalisePostalCode, normaliseCity, placePostcode, centroid } from "./postcodes";
export type { Commune, PostcodeIndex, Placed, GeocodePrecision } from "./postcodes";
export { geocodeClients, placeBase } from "./geocode";
export type { GeocodeInput, GeocodedClient, GeocodeResult, NotGeocoded } from "./geocode";
export { loadFranceIndex } from "./table";
export { dueDay, isOverdueAt, urgencyOf, compareUrgency, reasonOf, reasonText } from "./priority";
export type { StopReason, Urgency } from "./priority";
export { EXACT_LIMIT, heldKarp, improve, shortestRoundTrip, tourLength } from "./tsp";
export type { Matrix } from "./tsp";
export { planTours, DEFAULT_PROSPECTING_SHARE } from "./plan";
export type {
  Appointment,
  TourClient,
  TourDay,
  TourInput,
  TourPlan,
  TourStop,
  Unscheduled,
  UnscheduledReason,
} from "./plan";
export { InvalidTourInputError } from "./errors";
export { tourClientsOf, PROSPECT_SEGMENT, AT_RISK_SEGMENT } from "./fromTracking";
export { coordinateColumns, coordinateOf, parseAppointments } from "./columns";
export type { ParsedAppointments } from "./columns";
export { tourSheetRows, TOUR_SHEET_HEADERS } from "./sheet";
export type { TourSheetClient } from "./sheet";
