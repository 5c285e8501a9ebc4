/**
 * DISTANCE: great-circle km between two places given as postal codes ("44000", 44000, "44000
 * Nantes") or coordinates ("47.2, -1.55"), cell by cell. The postal-code table is large, so it is
 * loaded on the first call (loadFranceIndex), not with the functions bundle.
 */
import * as tours from "../core/tours";
import * as args from "./args";
import { FunctionInputError } from "./excelErrors";

type Cell = string | number | boolean | null | undefined;

function placeOf(
  index: tours.PostcodeIndex,
  cell: Cell,
  field: string,
  at: { en: string; fr: string },
): tours.LatLon | null {
  if (cell === null || cell === undefined || cell === "") return null;
  const text = typeof cell === "number" ? (tours.normalisePostalCode(cell) ?? String(cell)) : String(cell);
  const place = tours.placeBase(index, text);
  if (place !== null) return place;
  const code = tours.normalisePostalCode(text.trim().split(/\s+/)[0]);
  if (code !== null)
    throw new FunctionInputError(
      "na",
      `${field} (${at.en}): unknown postal code "${code}"`,
      `${field} (${at.fr}) : code postal inconnu « ${code} »`,
    );
  throw new FunctionInputError(
    "value",
    `${field} (${at.en}): "${text}" is not a postal code nor "latitude, longitude"`,
    `${field} (${at.fr}) : « ${text} » n'est ni un code postal ni « latitude, longitude »`,
  );
}

export async function distanceOf(from: unknown, to: unknown): Promise<(number | string)[][]> {
  const a = args.cells(from as Cell[][]);
  const b = args.cells(to as Cell[][]);
  const single = b.values.length === 1;
  if (!single) args.sameSize([a.values.length, b.values.length], ["postalCode1", "postalCode2"]);
  const index = await tours.loadFranceIndex();
  const out = a.values.map((cell, i) => {
    const at = args.where(i, a.columns);
    const p = placeOf(index, cell, "postalCode1", at);
    const q = placeOf(index, single ? b.values[0] : b.values[i], "postalCode2", at);
    return p === null || q === null ? "" : tours.haversineKm(p, q);
  });
  return args.reshape(out, a.rows, a.columns);
}
