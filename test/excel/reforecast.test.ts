/** The Excel gateway's re-forecast on the workbench: Remaining columns beside an untouched baseline, batched, undoable. */
import * as schema from "../../src/core/workbook/schema";
import { toCsv } from "../../src/excel/csv";
import { planWorkbook } from "./fixtures";

const col = (id: string): number => schema.table("Clients").columns.findIndex((c) => c.id === id);
const CHANNELS = ["visit", "video", "call", "digital"];

async function tracked(n: number): Promise<Awaited<ReturnType<typeof planWorkbook>>> {
  const fixture = await planWorkbook(n);
  await fixture.gateway.importContacts({
    csv: toCsv([
      ["Date", "Client", "Canal", "Note"],
      ["2026-02-02", "C00001", "visit", "a"],
      ["2026-03-02", "C00001", "visit", "b"],
      ["2026-04-02", "C00002", "call", "c"],
      ...Array.from({ length: 6 }, (_, i) => [`2026-05-1${i}`, "C00003", "visit", `e${i}`]),
    ]),
  });
  // Refresh writes the actual columns the expectations read.
  await fixture.gateway.refresh("2026-06-30");
  return fixture;
}

describe("reforecast (Track tab)", () => {
  it("writes Reste à faire columns at the table's end in 2 round trips; the baseline is only read; undo removes them", async () => {
    const { wb, gateway } = await tracked(10);
    const before = wb.sheet("Clients").values.map((r) => [...r]);
    wb.stats.reset();
    const receipt = await gateway.reforecast("2026-12-15");
    expect(wb.stats.syncs).toBe(2);
    expect(receipt.clients).toBe(10);
    const after = wb.sheet("Clients").values;
    const width = schema.table("Clients").columns.length;
    const headers = after[0].slice(width);
    expect(headers).toEqual(receipt.columnsAdded);
    expect(headers).toContain("Reste à faire Visite terrain");
    // Every cell of the table as it was, the planned columns first, is unchanged.
    before.forEach((row, r) => {
      expect(after[r].slice(0, width)).toEqual(row.slice(0, width));
    });
    // Each client's remaining = max(0, planned − actual), scaled into the remaining capacity when over it.
    const visit = width + headers.indexOf("Reste à faire Visite terrain");
    const demand = after
      .slice(1)
      .map((r) => Math.max(0, Number(r[col("planned.visit")]) - Number(r[col("actual.visit")])));
    const remaining = after.slice(1).map((r) => Number(r[visit]));
    const capacity = receipt.remainingCapacity.visit ?? 0;
    const total = demand.reduce((s, x) => s + x, 0);
    expect(total).toBeGreaterThan(capacity); // two weeks left: the capacity binds
    expect(remaining.reduce((s, x) => s + x, 0)).toBe(capacity);
    remaining.forEach((x, i) => {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(demand[i]);
    });

    expect(await gateway.undoLastWrite()).toBe(true);
    expect(wb.sheet("Clients").values.map((r) => r.slice(0, width + headers.length))).toEqual(
      before.map((r) => r.slice(0, width + headers.length)),
    );
    expect(wb.sheet("Clients").values[0]).not.toContain("Reste à faire Visite terrain");
  });

  it("a second re-forecast writes over the first one's columns; before the period it is the baseline", async () => {
    const { wb, gateway } = await tracked(6);
    const first = await gateway.reforecast("2026-06-30");
    expect(first.columnsAdded.length).toBeGreaterThan(0);
    const firstValues = wb.sheet("Clients").values.map((r) => [...r]);
    const second = await gateway.reforecast("2025-12-01");
    expect(second.columnsAdded).toEqual([]);
    expect(second.columns).toEqual(first.columns);
    const values = wb.sheet("Clients").values;
    expect(values[0]).toEqual(firstValues[0]);
    let checked = 0;
    for (const ch of CHANNELS) {
      const k = values[0].indexOf(schema.remainingColumns([ch])[0].fr);
      if (k < 0) continue;
      checked++;
      values.slice(1).forEach((r) => {
        expect(r[k]).toBe(Number(r[col(`planned.${ch}`)] || 0));
      });
    }
    expect(checked).toBe(first.columns.length);
    // Undo goes back to the first re-forecast's figures.
    expect(await gateway.undoLastWrite()).toBe(true);
    expect(wb.sheet("Clients").values).toEqual(firstValues);
  });
});
