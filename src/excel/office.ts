/** Small shared pieces of the gateway's Excel plumbing. */

/** `Excel.run` as the gateway uses it (production passes Excel.run; tests pass the workbench's run). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Pads ragged rows with "" so they form the rectangle Range.values expects. */
export function rectangular(rows: readonly (readonly unknown[])[], width?: number): unknown[][] {
  const w = width ?? Math.max(1, ...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: w }, (_, i) => r[i] ?? ""));
}

/** Applies one value to every cell of a range (Office.js broadcasts a scalar to the whole range). */
export function broadcastNumberFormat(range: Excel.Range, format: string): void {
  (range as unknown as { numberFormat: string }).numberFormat = format;
}

export const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;
