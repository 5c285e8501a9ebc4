/** Ratios used by segmentation; null when the ratio is undefined (blank or non-positive base). */

/** Share of wallet = salesN / potential; null when either is blank or potential ≤ 0. */
export function shareOfWallet(salesN: number | null, potential: number | null): number | null {
  if (salesN === null || potential === null || !(potential > 0)) return null;
  return salesN / potential;
}

/** Trend = salesN / salesN1 − 1; null when either is blank or salesN1 ≤ 0. */
export function trend(salesN: number | null, salesN1: number | null): number | null {
  if (salesN === null || salesN1 === null || !(salesN1 > 0)) return null;
  return salesN / salesN1 - 1;
}
