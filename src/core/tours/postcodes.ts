/**
 * The offline postal-code table (derived from La Poste's base into data/postcodesFr.ts) and the
 * lookup of a postal code and city: the commune of that name when the code has it, else the
 * centroid of the code's communes (domain.md, "Tour plans").
 */
import type { LatLon } from "./geo";

export interface Commune extends LatLon {
  /** La Poste's spelling: upper case, no accents, "ST" for Saint. */
  name: string;
}

export interface PostcodeIndex {
  readonly size: number;
  communes(postalCode: string): readonly Commune[] | undefined;
}

export type GeocodePrecision = "commune" | "centroid" | "coordinates";

export interface Placed extends LatLon {
  precision: GeocodePrecision;
  /** The commune found (precision "commune"), else null. */
  commune: string | null;
}

/** Parses the derived table ("code|COMMUNE,lat,lon|…" a line); codes are parsed on first lookup. */
export function parsePostcodeTable(text: string): PostcodeIndex {
  const raw = new Map<string, string>();
  for (const line of text.split("\n")) {
    const bar = line.indexOf("|");
    if (bar > 0) raw.set(line.slice(0, bar), line.slice(bar + 1));
  }
  const parsed = new Map<string, readonly Commune[]>();
  return {
    size: raw.size,
    communes(postalCode) {
      const done = parsed.get(postalCode);
      if (done !== undefined) return done;
      const line = raw.get(postalCode);
      if (line === undefined) return undefined;
      const list = line.split("|").map((entry) => {
        const b = entry.lastIndexOf(",");
        const a = entry.lastIndexOf(",", b - 1);
        return {
          name: entry.slice(0, a),
          lat: Number(entry.slice(a + 1, b)),
          lon: Number(entry.slice(b + 1)),
        };
      });
      parsed.set(postalCode, list);
      return list;
    },
  };
}

/**
 * A postal code as five digits: "44 000" → "44000", 1000 (a number that lost its leading zero in
 * Excel) → "01000"; null when it is not one.
 */
export function normalisePostalCode(value: unknown): string | null {
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < 1000 || value > 99999) return null;
    return String(value).padStart(5, "0");
  }
  if (typeof value !== "string") return null;
  const compact = value.replace(/[\s.]/g, "");
  if (/^\d{5}$/.test(compact)) return compact;
  if (/^\d{4}$/.test(compact)) return `0${compact}`;
  return null;
}

/** A city as La Poste writes it: "Saint-Andre-des-Eaux" → "ST ANDRE DES EAUX", "L'Île-d'Yeu" → "L ILE D YEU". */
export function normaliseCity(city: string): string {
  // eslint-disable-next-line no-control-regex -- plain ASCII needs no accent stripping (the common case, and fast)
  const plain = /^[\x00-\x7f]*$/.test(city) ? city : city.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  return plain
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, " ")
    .trim()
    .replace(/\bSAINTE\b/g, "STE")
    .replace(/\bSAINT\b/g, "ST")
    .replace(/ CEDEX( \d+)?$/, "");
}

/** Centroid of points (a plain mean: the communes of one code lie a few kilometres apart). */
export function centroid(points: readonly LatLon[]): LatLon {
  let lat = 0;
  let lon = 0;
  for (const p of points) {
    lat += p.lat;
    lon += p.lon;
  }
  return { lat: lat / points.length, lon: lon / points.length };
}

/** The position of a postal code (and city), or null when the code is unknown. */
export function placePostcode(
  index: PostcodeIndex,
  postalCode: unknown,
  city?: string | null,
): Placed | null {
  const code = normalisePostalCode(postalCode);
  if (code === null) return null;
  const communes = index.communes(code);
  if (communes === undefined || communes.length === 0) return null;
  if (communes.length === 1) {
    const only = communes[0];
    return { lat: only.lat, lon: only.lon, precision: "commune", commune: only.name };
  }
  if (city !== undefined && city !== null && city.trim() !== "") {
    const wanted = normaliseCity(city);
    const match = communes.find((c) => c.name === wanted);
    if (match !== undefined)
      return { lat: match.lat, lon: match.lon, precision: "commune", commune: match.name };
  }
  return { ...centroid(communes), precision: "centroid", commune: null };
}
