/**
 * Geocoding a portfolio offline: a client's own coordinates (Latitude / Longitude columns from the
 * CRM, street-level) when it has them, else its postal code and city. Clients that cannot be placed
 * are reported with their row, never dropped silently.
 */
import { isLatLon, type LatLon } from "./geo";
import {
  normalisePostalCode,
  placePostcode,
  type GeocodePrecision,
  type Placed,
  type PostcodeIndex,
} from "./postcodes";

export interface GeocodeInput {
  id: string;
  /** 1-based row in the source, for messages. */
  row: number;
  postalCode: unknown;
  city?: string | null;
  lat?: number | null;
  lon?: number | null;
}

export interface GeocodedClient extends LatLon {
  id: string;
  precision: GeocodePrecision;
}

export interface NotGeocoded {
  id: string;
  row: number;
  /** The postal code as given (normalised when it could be), "" when blank. */
  postalCode: string;
  reason: "noPostalCode" | "badPostalCode" | "unknownPostalCode";
}

export interface GeocodeResult {
  placed: Map<string, GeocodedClient>;
  notGeocoded: NotGeocoded[];
}

const blank = (v: unknown): boolean =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

export function geocodeClients(index: PostcodeIndex, clients: readonly GeocodeInput[]): GeocodeResult {
  const placed = new Map<string, GeocodedClient>();
  const notGeocoded: NotGeocoded[] = [];
  // Clients share postal codes and cities: each pair is looked up once.
  const seen = new Map<string, Placed | null>();
  for (const c of clients) {
    if (placed.has(c.id)) continue;
    if (isLatLon(c.lat, c.lon) && !(c.lat === 0 && c.lon === 0)) {
      placed.set(c.id, { id: c.id, lat: c.lat as number, lon: c.lon as number, precision: "coordinates" });
      continue;
    }
    const key = `${String(c.postalCode)}|${c.city ?? ""}`;
    let where = seen.get(key);
    if (where === undefined) {
      where = placePostcode(index, c.postalCode, c.city ?? null);
      seen.set(key, where);
    }
    if (where !== null) {
      placed.set(c.id, { id: c.id, lat: where.lat, lon: where.lon, precision: where.precision });
      continue;
    }
    const code = normalisePostalCode(c.postalCode);
    notGeocoded.push({
      id: c.id,
      row: c.row,
      postalCode: code ?? (blank(c.postalCode) ? "" : String(c.postalCode)),
      reason: blank(c.postalCode) ? "noPostalCode" : code === null ? "badPostalCode" : "unknownPostalCode",
    });
  }
  return { placed, notGeocoded };
}

/** A base given as a postal code, or as "lat, lon" coordinates; null when it cannot be placed. */
export function placeBase(index: PostcodeIndex, base: string): LatLon | null {
  const coords = /^\s*(-?\d+(?:\.\d+)?)\s*[,;]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(base);
  if (coords !== null) {
    const lat = Number(coords[1]);
    const lon = Number(coords[2]);
    return isLatLon(lat, lon) ? { lat, lon } : null;
  }
  const [code = "", ...rest] = base.trim().split(/\s+/);
  const where = placePostcode(index, code, rest.join(" "));
  return where === null ? null : { lat: where.lat, lon: where.lon };
}
