/**
 * The Tours sheet, the same from the task pane and the CLI: one row per stop (day, order, client,
 * name, city, postal code, great-circle km from the previous stop, reason), then per day a row back
 * to the base carrying the day's totals: great-circle km and, beside it, the road estimate.
 */
import type { CellValue } from "../types";
import type { TourPlan } from "./plan";
import { reasonText } from "./priority";

export interface TourSheetClient {
  name: string;
  city: string | null;
  postalCode: string | null;
}

export const TOUR_SHEET_HEADERS = {
  fr: [
    "Jour",
    "Ordre",
    "Client",
    "Nom",
    "Ville",
    "Code postal",
    "km depuis l'arrêt précédent",
    "Raison",
    "km du jour (à vol d'oiseau)",
    "km du jour (estimation route)",
  ],
  en: [
    "Day",
    "Order",
    "Client",
    "Name",
    "City",
    "Postal code",
    "km from previous stop",
    "Reason",
    "Day km (great circle)",
    "Day km (road estimate)",
  ],
} as const;

const round = (km: number, digits = 1): number => Math.round(km * 10 ** digits) / 10 ** digits;

export function tourSheetRows(
  plan: TourPlan,
  clients: ReadonlyMap<string, TourSheetClient>,
  lang: "fr" | "en",
): CellValue[][] {
  const fr = lang === "fr";
  const rows: CellValue[][] = [[...TOUR_SHEET_HEADERS[lang]]];
  for (const day of plan.days) {
    if (day.stops.length === 0) continue;
    for (const s of day.stops) {
      const c = clients.get(s.id);
      rows.push([
        day.date,
        s.order,
        s.id,
        c?.name ?? "",
        c?.city ?? "",
        c?.postalCode ?? "",
        round(s.legKm),
        reasonText(s.reason, lang),
        "",
        "",
      ]);
    }
    const back = fr
      ? `retour à la base (estimation route × ${plan.roadFactor})`
      : `back to base (road estimate × ${plan.roadFactor})`;
    rows.push([day.date, "", "", back, "", "", round(day.returnKm), "", round(day.km), round(day.roadKm)]);
  }
  return rows;
}
