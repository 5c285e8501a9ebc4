/**
 * Derives the workbench demo's postal-code table from La Poste's official file
 * (../shared/data/laposte_hexasmal.csv): one commune per postal code of the Pays de la Loire
 * (departments 44, 49, 53, 72, 85) — the one nearest the centre of the communes sharing it — with its position. Run:
 *   npx tsx scripts/derive-postcodes.ts /work/shared/data/laposte_hexasmal.csv
 * and commit src/workbench/demo/postcodes.ts with it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const DEPARTMENTS = new Set(["44", "49", "53", "72", "85"]);
const source = process.argv[2] ?? "/work/shared/data/laposte_hexasmal.csv";
const target = join(import.meta.dirname, "..", "src", "workbench", "demo", "postcodes.ts");

interface Entry {
  code: string;
  city: string;
  lat: number;
  lon: number;
}

const byCode = new Map<string, Entry[]>();
for (const line of readFileSync(source, "utf8").split(/\r?\n/).slice(1)) {
  const [, name, code, , , gps] = line.split(";");
  if (!name || !code || !gps || !DEPARTMENTS.has(code.slice(0, 2))) continue;
  const [lat = NaN, lon = NaN] = gps.split(",").map(Number);
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
  const list = byCode.get(code) ?? [];
  if (!list.some((e) => e.city === name))
    list.push({ code, city: name, lat: Math.round(lat * 1e4) / 1e4, lon: Math.round(lon * 1e4) / 1e4 });
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
