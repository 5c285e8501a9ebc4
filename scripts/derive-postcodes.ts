/**
 * Derives two tables from La Poste's official file (../shared/data/laposte_hexasmal.csv):
 * - the workbench demo's: one commune per postal code of the Pays de la Loire (departments 44, 49,
 *   53, 72, 85) — the one nearest the centre of the communes sharing it — with its position;
 * - the tours' geocoding table for all of France: every commune of every postal code, with its
 *   position (src/core/tours/data/postcodesFr.ts, loaded lazily by the faces that geocode).
 * Run:
 *   npx tsx scripts/derive-postcodes.ts /work/shared/data/laposte_hexasmal.csv
 * and commit both generated files with it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const DEPARTMENTS = new Set(["44", "49", "53", "72", "85"]);
const source = process.argv[2] ?? "/work/shared/data/laposte_hexasmal.csv";
const target = join(import.meta.dirname, "..", "src", "workbench", "demo", "postcodes.ts");
const toursTarget = join(import.meta.dirname, "..", "src", "core", "tours", "data", "postcodesFr.ts");

interface Entry {
  code: string;
  city: string;
  lat: number;
  lon: number;
}

const byCode = new Map<string, Entry[]>();
const allCodes = new Map<string, Entry[]>();
for (const line of readFileSync(source, "utf8").split(/\r?\n/).slice(1)) {
  const [, name, code, , , gps] = line.split(";");
  if (!name || !code || !gps) continue;
  const [lat = NaN, lon = NaN] = gps.split(",").map(Number);
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
  const entry = { code, city: name, lat: Math.round(lat * 1e4) / 1e4, lon: Math.round(lon * 1e4) / 1e4 };
  const all = allCodes.get(code) ?? [];
  if (!all.some((e) => e.city === name)) all.push(entry);
  allCodes.set(code, all);
  if (!DEPARTMENTS.has(code.slice(0, 2))) continue;
  const list = byCode.get(code) ?? [];
  if (!list.some((e) => e.city === name)) list.push(entry);
  byCode.set(code, list);
}

/** The commune nearest the centre of those sharing a code: usually the town that gives it its name. */
function mainCommune(list: Entry[]): Entry {
  const lat = list.reduce((sum, e) => sum + e.lat, 0) / list.length;
  const lon = list.reduce((sum, e) => sum + e.lon, 0) / list.length;
  const distance = (e: Entry): number => (e.lat - lat) ** 2 + (e.lon - lon) ** 2;
  return list.reduce((best, e) => (distance(e) < distance(best) ? e : best));
}

const rows = [...byCode.values()].map(mainCommune).sort((a, b) => a.code.localeCompare(b.code));
const body = rows.map((e) => `  "${e.code}|${e.city}|${e.lat}|${e.lon}",`).join("\n");
writeFileSync(
  target,
  `/**
 * Postal codes of the Pays de la Loire with one commune each and its position, derived from
 * La Poste's base officielle des codes postaux by scripts/derive-postcodes.ts (do not edit by hand).
 * Format: "code|COMMUNE|latitude|longitude".
 */
export const POSTCODES: readonly string[] = [
${body}
];
`,
);
console.log(`${rows.length} postal codes written to ${target}`);

// The tours' table: one line per postal code, "code|COMMUNE,lat,lon|COMMUNE,lat,lon…", communes by name.
const lines = [...allCodes.entries()]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(
    ([code, list]) =>
      `${code}|${list
        .sort((a, b) => a.city.localeCompare(b.city))
        .map((e) => `${e.city},${e.lat},${e.lon}`)
        .join("|")}`,
  );
writeFileSync(
  toursTarget,
  `/**
 * Every French postal code with its communes and their positions (latitude, longitude, degrees),
 * derived from La Poste — Base officielle des codes postaux (open data) by
 * scripts/derive-postcodes.ts (do not edit by hand). One line per code:
 * "code|COMMUNE,lat,lon|COMMUNE,lat,lon…". Large: import it lazily (import()) where it is needed.
 */
export const POSTCODES_FR = \`
${lines.join("\n")}
\`;
`,
);
console.log(
  `${lines.length} postal codes (${[...allCodes.values()].reduce((n, l) => n + l.length, 0)} communes) written to ${toursTarget}`,
);
