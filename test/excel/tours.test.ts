/** The Tours sheet written through the gateway on the workbench: in place, batched, undoable. */
import * as tours from "../../src/core/tours";
import { planWorkbook } from "./fixtures";

const plan = (stops: number): tours.TourPlan => ({
  start: "2027-01-04",
  end: "2027-01-10",
  roadFactor: 1.3,
  km: 0,
  unscheduled: [],
  days: [
    {
      date: "2027-01-04",
      returnKm: 5,
      km: 5 + stops * 10,
      roadKm: (5 + stops * 10) * 1.3,
      stops: Array.from({ length: stops }, (_, i) => ({
        id: `C0000${i + 1}`,
        lat: 47,
        lon: -1.5,
        order: i + 1,
        legKm: 10,
        reason: { code: "due", dueDate: "2027-01-05", prospect: false } as const,
      })),
    },
  ],
});

describe("writeTours", () => {
  it("rewrites the Tours sheet in place in 2 round trips, and Undo puts back what it held", async () => {
    const { wb, gateway } = await planWorkbook(5);
    const before = wb.sheet("Tournées").values.map((r) => [...r]);
    const info = new Map([["C00001", { name: "Client 1", city: "Nantes", postalCode: "44000" }]]);
    wb.stats.reset();
    const first = await gateway.writeTours(tours.tourSheetRows(plan(3), info, "fr"));
    expect(wb.stats.syncs).toBe(2);
    expect(first).toEqual({ rowsWritten: 4, sheet: "Tournées" });
    const sheet = wb.sheet("Tournées").values;
    expect(sheet[0]?.slice(0, 10)).toEqual([...tours.TOUR_SHEET_HEADERS.fr]);
    // The day is a date (an Excel serial shown yyyy-mm-dd), the postal code stays text.
    expect(sheet[1]?.slice(0, 8)).toEqual([
      46391,
      1,
      "C00001",
      "Client 1",
      "Nantes",
      "44000",
      10,
      "à voir le 2027-01-05",
    ]);
    expect(sheet[4]?.slice(6, 10)).toEqual([5, "", 35, 45.5]);

    // A shorter plan leaves no stale row behind.
    await gateway.writeTours(tours.tourSheetRows(plan(1), info, "fr"));
    const shorter = wb.sheet("Tournées").values;
    expect(shorter[2]?.[8]).toBe(15);
    expect(shorter.slice(3).every((r) => r.every((c) => c === ""))).toBe(true);

    expect(await gateway.undoLastWrite()).toBe(true);
    expect(wb.sheet("Tournées").values[4]?.[8]).toBe(35);
    expect(await gateway.undoLastWrite()).toBe(false);
    expect(before[0]?.[0]).toBe("Date");
  });

  it("records the base in Settings (Cadence_TourBase), and Undo puts the setting back", async () => {
    const { gateway } = await planWorkbook(3);
    expect(await gateway.readTourBase()).toBe("");
    await gateway.writeTours(tours.tourSheetRows(plan(1), new Map(), "fr"), undefined, "01000");
    // Text, not the number 1000.
    expect(await gateway.readTourBase()).toBe("01000");
    expect(await gateway.undoLastWrite()).toBe(true);
    expect(await gateway.readTourBase()).toBe("");
  });
});
