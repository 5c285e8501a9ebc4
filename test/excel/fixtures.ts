import type { Grid } from "../../src/core/types";
import type { PlanWriteRow } from "../../src/excel/gateway.types";

/** A rep's own sheet: their columns, in their words, with an extra column Cadence must not touch. */
export function repPortfolio(n: number): Grid {
  const rows: (string | number)[][] = [
    ["Code", "Raison sociale", "CP", "CA N-1", "CA N", "Potentiel", "Mon commentaire"],
  ];
  for (let i = 1; i <= n; i++) {
    rows.push([
      `C${String(i).padStart(5, "0")}`,
      `Client ${i}`,
      "67000",
      1000 + i,
      900 + (i % 7) * 100,
      5000 + i,
      `note ${i}`,
    ]);
  }
  return rows;
}

export function planFor(grid: Grid): PlanWriteRow[] {
  return grid.slice(1).map((r, i) => ({
    clientId: String(r[0]),
    segment: ["retain", "develop", "atRisk", "maintain", "prospect"][i % 5] ?? null,
    norm: 11.5,
    planned: { visit: 10 + (i % 3), call: 6 },
    weightedPlanned: 11.5 + (i % 3),
    explanation: `Norme du segment ${i % 5}`,
  }));
}
