/** How the CLI shows ratios: rounded in JSON and files, as percentages in its printed summaries. */
export const round = (x: number | null, digits = 4): number | null =>
  x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits;

export const pct = (x: number | null): string => (x === null ? "–" : `${(100 * x).toFixed(1)} %`);
