import type { Grid } from "../../src/core/types";
import type { PlanWriteRow, PortfolioCopy } from "../../src/excel/gateway.types";

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

/** The copy the pane sends for repPortfolio: mapped columns by id, the comment as the rep's own. */
export function repCopy(n: number, extraHeader = "Mon commentaire"): PortfolioCopy {
  return {
    columns: [
      { id: "id", header: "Code" },
      { id: "name", header: "Raison sociale" },
      { id: "postalCode", header: "CP" },
      { id: "salesN1", header: "CA N-1" },
      { id: "salesN", header: "CA N" },
      { id: "potential", header: "Potentiel" },
      { id: null, header: extraHeader },
    ],
    rows: repPortfolio(n).slice(1),
  };
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

import { createWorkbench } from "../../src/workbench";
import type { Workbench } from "../../src/workbench";
import { createGateway } from "../../src/excel/gateway";
import type { WorkbookGateway } from "../../src/excel/gateway.types";
import * as schema from "../../src/core/workbook/schema";

/** A plan workbook (created by the gateway) with n clients whose plan is written: C00001 … */
export async function planWorkbook(
  n: number,
  lang: "fr" | "en" = "fr",
): Promise<{ wb: Workbench; gateway: WorkbookGateway }> {
  const wb = createWorkbench();
  const gateway = createGateway(wb.run);
  await gateway.createPlanWorkbook({ lang });
  const columns = schema.table("Clients").columns;
  const rows = repPortfolio(n)
    .slice(1)
    .map((r) => {
      const byId: Record<string, string | number> = {
        id: r[0] as string,
        name: r[1] as string,
        postalCode: "67000",
        city: "Strasbourg",
        salesN1: r[3] as number,
        salesN: r[4] as number,
        potential: r[5] as number,
      };
      return columns.map((c) => byId[c.id] ?? "");
    });
  await wb.run(async (context) => {
    context.workbook.tables.getItem("Clients").rows.add(undefined, rows);
    await context.sync();
  });
  const read = await gateway.readSource("clients");
  await gateway.writePlan({ location: read.location, idColumn: 0 }, planFor(read.grid));
  return { wb, gateway };
}
