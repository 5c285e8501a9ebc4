/**
 * The gateway against the workbench on a 10,000-row portfolio: round trips per action and milliseconds.
 * "Our code" = wall time minus the time spent inside the workbench's sync (the stand-in for Excel).
 */
import { createWorkbench } from "../src/workbench";
import type { Workbench } from "../src/workbench";
import { createGateway } from "../src/excel/gateway";
import type { PlanWriteRow } from "../src/excel/gateway.types";
import { toCsv } from "../src/excel/csv";
import * as schema from "../src/core/workbook/schema";
import { planFor, repCopy, repPortfolio } from "../test/excel/fixtures";
import { fmt, median } from "./stats";

const N = 10_000;

// The rep's own sheet, its plan and the pane's copy of it: the gateway tests' fixtures.
const plan = (n: number): PlanWriteRow[] => planFor(repPortfolio(n));

/** Wraps the workbench's run so the time spent in sync (Excel's side) is measured apart. */
function timedRun(wb: Workbench): { run: Workbench["run"]; excelMs: () => number; reset: () => void } {
  let excel = 0;
  const run: Workbench["run"] = (batch) =>
    wb.run(async (context) => {
      const sync = context.sync.bind(context);
      context.sync = async <T>(value?: T): Promise<T> => {
        const t0 = performance.now();
        const out = await sync(value);
        excel += performance.now() - t0;
        return out;
      };
      return batch(context);
    });
  return { run, excelMs: () => excel, reset: () => (excel = 0) };
}

interface Row {
  action: string;
  syncs: number;
  totalMs: number;
  ourMs: number;
}

async function measure(
  wb: Workbench,
  t: ReturnType<typeof timedRun>,
  action: string,
  fn: () => Promise<unknown>,
): Promise<Row> {
  wb.stats.reset();
  t.reset();
  const t0 = performance.now();
  await fn();
  const total = performance.now() - t0;
  return { action, syncs: wb.stats.syncs, totalMs: total, ourMs: total - t.excelMs() };
}

async function once(n: number): Promise<Row[]> {
  const wb = createWorkbench({
    sheets: [
      {
        name: "Portefeuille",
        values: repPortfolio(n),
        tables: [{ name: "MesClients", address: `A1:G${n + 1}` }],
      },
    ],
  });
  const t = timedRun(wb);
  const gateway = createGateway(t.run);
  const rows: Row[] = [];
  let read = await gateway.readSource({ table: "MesClients" });
  rows.push(
    await measure(
      wb,
      t,
      "readSource (rep table)",
      async () => (read = await gateway.readSource({ table: "MesClients" })),
    ),
  );
  rows.push(
    await measure(wb, t, "writePlan (first, adds columns)", () =>
      gateway.writePlan({ location: read.location, idColumn: 0 }, plan(n)),
    ),
  );
  rows.push(
    await measure(wb, t, "writePlan (rewrite, keeps undo)", () =>
      gateway.writePlan({ location: read.location, idColumn: 0 }, plan(n)),
    ),
  );
  rows.push(await measure(wb, t, "undoLastWrite", () => gateway.undoLastWrite()));
  const own = createWorkbench();
  const t2 = timedRun(own);
  const g2 = createGateway(t2.run);
  rows.push(await measure(own, t2, "createPlanWorkbook", () => g2.createPlanWorkbook({ lang: "fr" })));
  // The pane's route: a plan workbook made of the rep's portfolio (mapped columns, plus their own).
  const copyWb = createWorkbench();
  const t3 = timedRun(copyWb);
  const copy = repCopy(n);
  rows.push(
    await measure(copyWb, t3, "createPlanWorkbook (copies rows)", () =>
      createGateway(t3.run).createPlanWorkbook({ lang: "fr", portfolio: copy, year: 2026 }),
    ),
  );
  const columns = schema.table("Clients").columns;
  await own.run(async (context) => {
    context.workbook.tables.getItem("Clients").rows.add(
      undefined,
      repPortfolio(n)
        .slice(1)
        .map((r) => columns.map((c, i) => (i < 2 ? (r[i] ?? "") : c.id === "potential" ? (r[5] ?? "") : ""))),
    );
    await context.sync();
  });
  const clients = await g2.readSource("clients");
  await g2.writePlan({ location: clients.location, idColumn: 0 }, plan(n));
  const csv = toCsv([
    ["Date", "Client", "Canal", "Note"],
    ...Array.from({ length: n }, (_, i) => [
      `2026-0${(i % 6) + 1}-1${i % 9}`,
      `C${String((i % n) + 1).padStart(5, "0")}`,
      "visite",
      `n${i}`,
    ]),
  ]);
  rows.push(await measure(own, t2, `importContacts (${n} CSV rows)`, () => g2.importContacts({ csv })));
  rows.push(await measure(own, t2, "refresh", () => g2.refresh("2026-06-30")));
  return rows;
}

export async function run(): Promise<void> {
  for (const n of [10, N]) {
    const runs: Row[][] = [];
    for (let k = 0; k < (n === N ? 3 : 5); k++) runs.push(await once(n));
    console.log(`\n${n} rows (median of ${runs.length} runs)`);
    console.log("action                               | syncs | total       | our code    | our share");
    for (let i = 0; i < (runs[0]?.length ?? 0); i++) {
      const samples = runs.map((r) => r[i]);
      const total = median(samples.map((s) => s.totalMs));
      const ours = median(samples.map((s) => s.ourMs));
      console.log(
        `${samples[0].action.padEnd(36)} | ${String(samples[0].syncs).padStart(5)} | ${fmt(total).padStart(11)} | ${fmt(ours).padStart(11)} | ${((ours / total) * 100).toFixed(0).padStart(6)} %`,
      );
    }
  }
}
