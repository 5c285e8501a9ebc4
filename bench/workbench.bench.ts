/**
 * Workbench benchmark: a 10,000-client portfolio read and written through the fake Excel API.
 * Goal: each action well under a second (it stands in for Excel in the gateway's tests and benches).
 */
import { createWorkbench } from "../src/workbench";
import type { Workbench } from "../src/workbench";
import { generateDemo } from "../src/workbench/demo";
import { fmt, median } from "./stats";

const ROWS = 10_000;
/** The demo's reference date, pinned: the same portfolio (and contacts) whatever day the bench runs. */
const DEMO_TODAY = "2026-11-28";

async function timeAsync(fn: () => Promise<void>, runs: number, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

function seeded(): Workbench {
  const demo = generateDemo(7, { clients: ROWS, today: DEMO_TODAY });
  return createWorkbench({
    sheets: [
      { name: "Clients", values: demo.clients, tables: [{ name: "Clients", address: `A1:G${ROWS + 1}` }] },
    ],
  });
}

export async function run(): Promise<void> {
  const t0 = performance.now();
  const wb = seeded();
  console.log(`seed ${ROWS} clients: ${fmt(performance.now() - t0)}`);

  const read = await timeAsync(async () => {
    await wb.run(async (context) => {
      const body = context.workbook.tables.getItem("Clients").getDataBodyRange().load("values");
      const header = context.workbook.tables.getItem("Clients").getHeaderRowRange().load("values");
      await context.sync();
      if (body.values.length !== ROWS || header.values.length !== 1) throw new Error("bad read");
    });
  }, 7);

  const plan = Array.from({ length: ROWS }, (_, i) => [
    i % 5 === 0 ? "retain" : "develop",
    10,
    6,
    0,
    2,
    11.7,
    0,
    0,
    0,
    0,
    "On track",
    46_000 + (i % 300),
  ]);
  wb.stats.reset();
  const write = await timeAsync(async () => {
    await wb.run(async (context) => {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      context.workbook.worksheets.getItem("Clients").getRangeByIndexes(1, 7, ROWS, 12).values = plan;
      await context.sync();
    });
  }, 7);
  const bytesPerWrite = wb.stats.requestBytes / 8;

  const append = await timeAsync(async () => {
    const fresh = createWorkbench();
    await fresh.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("A1:E1").values = [
        ["Date", "Code client", "Raison sociale", "Type de contact", "Objet"],
      ];
      const table = sheet.tables.add("A1:E1", true);
      table.rows.add(
        undefined,
        Array.from({ length: ROWS }, (_, i) => [
          "2026-03-02",
          `C${10_000 + i}`,
          "Boulangerie Martin",
          "Visite",
          "Point annuel",
        ]),
      );
      await context.sync();
    });
  }, 5);

  console.log(`read 10,000 × 7 (table body + header, 1 sync): median ${fmt(median(read))}`);
  console.log(
    `write 10,000 × 12 plan columns (1 sync): median ${fmt(median(write))}, payload ${(bytesPerWrite / 1024 / 1024).toFixed(2)} MB of 5 MB`,
  );
  console.log(`append 10,000 contact rows to a new table (1 sync): median ${fmt(median(append))}`);
  console.log(
    `ratio write / read: ${(median(write) / median(read)).toFixed(2)}; ms per 1,000 rows written: ${(median(write) / 10).toFixed(2)}`,
  );
}
