/**
 * Cadence custom functions (=CADENCE.*): thin wrappers that validate arguments, call the core and map core
 * errors to Excel errors. JSDoc tags generate functions.json (custom-functions-metadata-plugin); French
 * names and help live in functions.fr.json.
 */
import * as measures from "../core/segment/measures";
import { numberCell, zipMatrices } from "./args";
import { guarded } from "./excelErrors";

/**
 * Share of wallet: current-year sales divided by the client's potential (blank when there is no potential).
 * @customfunction SHARE
 * @param salesN Current-year sales (CA N): one cell or a column.
 * @param potential The client's yearly potential: same size as salesN.
 * @returns The share of wallet, between 0 and 1 for a client below its potential.
 */
export function share(salesN: any[][], potential: any[][]): any[][] {
  return guarded(() =>
    zipMatrices([salesN, potential], ["salesN", "potential"], ([s, p], row) => {
      const value = measures.shareOfWallet(numberCell(s, "salesN", row), numberCell(p, "potential", row));
      return value ?? "";
    }),
  );
}

/**
 * Sales trend: current-year sales over previous-year sales, minus 1 (blank without previous-year sales).
 * @customfunction TREND
 * @param salesN Current-year sales (CA N): one cell or a column.
 * @param salesN1 Previous-year sales (CA N-1): same size as salesN.
 * @returns The trend, e.g. -0.15 for a 15 % drop.
 */
export function trend(salesN: any[][], salesN1: any[][]): any[][] {
  return guarded(() =>
    zipMatrices([salesN, salesN1], ["salesN", "salesN1"], ([s, p], row) => {
      const value = measures.trend(numberCell(s, "salesN", row), numberCell(p, "salesN1", row));
      return value ?? "";
    }),
  );
}
