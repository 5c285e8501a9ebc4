/**
 * Country and region codes as date-holidays names them, plus friendly aliases.
 * date-holidays calls French départements "states": Alsace-Moselle is Bas-Rhin "67", Haut-Rhin "68"
 * and Moselle "57" (same holidays: Good Friday and St Stephen's Day, Dec 26).
 * Accepted aliases (case-insensitive): "alsace-moselle"/"alsace" (→ "67"), "bas-rhin", "haut-rhin",
 * "moselle", and ISO 3166-2 style "FR-67".
 */
import Holidays from "date-holidays";
import { UnknownCalendarError } from "./errors";

const REGION_ALIASES: Readonly<Partial<Record<string, Readonly<Partial<Record<string, string>>>>>> = {
  FR: {
    "alsace-moselle": "67",
    "alsace moselle": "67",
    alsace: "67",
    "bas-rhin": "67",
    "haut-rhin": "68",
    moselle: "57",
  },
};

export interface ResolvedCalendarPlace {
  country: string;
  region: string | null;
}

const registry = new Holidays();

/** Normalises country and region; throws UnknownCalendarError when date-holidays does not know them. */
export function resolvePlace(country: string, region?: string | null): ResolvedCalendarPlace {
  const countryCode = country.trim().toUpperCase();
  const countries = registry.getCountries();
  if (!Object.prototype.hasOwnProperty.call(countries, countryCode)) {
    throw new UnknownCalendarError(country, region ?? null);
  }
  const rawRegion = region?.trim() ?? "";
  if (rawRegion === "") return { country: countryCode, region: null };

  const lower = rawRegion.toLowerCase();
  const alias = REGION_ALIASES[countryCode]?.[lower];
  const prefix = `${countryCode.toLowerCase()}-`;
  const stripped = lower.startsWith(prefix) ? rawRegion.slice(prefix.length) : rawRegion;
  const candidate = (alias ?? stripped).toUpperCase();
  const states = registry.getStates(countryCode) as Partial<Record<string, string>> | undefined;
  if (states === undefined || !Object.prototype.hasOwnProperty.call(states, candidate)) {
    throw new UnknownCalendarError(country, rawRegion);
  }
  return { country: countryCode, region: candidate };
}
