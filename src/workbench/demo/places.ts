/** Postal codes and communes of the demo territory (Pays de la Loire), from the derived table. */
import { POSTCODES } from "./postcodes";

export interface Place {
  postalCode: string;
  city: string;
  lat: number;
  lon: number;
  department: string;
}

const ARTICLES = new Set(["LA", "LE", "LES", "L"]);
const LOWER = new Set(["DE", "DU", "DES", "SUR", "SOUS", "EN", "ET", "LA", "LE", "LES", "AUX", "AU", "LES"]);

function word(token: string): string {
  if (token === "ST") return "Saint";
  if (token === "STE") return "Sainte";
  return token.charAt(0) + token.slice(1).toLowerCase();
}

/** "LA ROCHE SUR YON" → "La Roche-sur-Yon", "ST ANDRE DES EAUX" → "Saint-Andre-des-Eaux" (La Poste drops accents). */
export function communeName(raw: string): string {
  const tokens = raw.split(" ").filter((t) => t !== "");
  let prefix = "";
  const first = tokens.at(0);
  if (first !== undefined && ARTICLES.has(first) && tokens.length > 1) {
    tokens.shift();
    prefix = first === "L" ? "L'" : `${word(first)} `;
  }
  let out = "";
  tokens.forEach((token, i) => {
    if ((token === "D" || token === "L") && i < tokens.length - 1) {
      out += `${i === 0 ? "" : "-"}${token.toLowerCase()}'`;
      return;
    }
    const text = i > 0 && LOWER.has(token) ? token.toLowerCase() : word(token);
    out += out === "" || out.endsWith("'") ? text : `-${text}`;
  });
  return prefix + out;
}

export const PLACES: readonly Place[] = POSTCODES.map((line) => {
  const [postalCode = "", city = "", lat = "0", lon = "0"] = line.split("|");
  return {
    postalCode,
    city: communeName(city),
    lat: Number(lat),
    lon: Number(lon),
    department: postalCode.slice(0, 2),
  };
});
