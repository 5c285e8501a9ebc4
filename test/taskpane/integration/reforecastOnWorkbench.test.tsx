/** @jest-environment jsdom */
/**
 * The Track tab's re-forecast button on the workbench (issue 15): the Clients table gets its
 * Reste à faire columns from the gateway's reforecast (the core's), the planned columns untouched,
 * and the pane's undo of the last write removes them.
 */
import "../support/jsdomPolyfills";
import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as schema from "../../../src/core/workbook/schema";
import { loadCalendarEngine } from "../../../src/taskpane/engine/loadCalendarEngine";
import { TrackView } from "../../../src/taskpane/track/TrackView";
import { AS_OF, trackingWorkbook } from "../../excel/trackingWorkbook";
import { renderInPane } from "../support/render";

const col = (id: string): number => schema.table("Clients").columns.findIndex((c) => c.id === id);

describe("Track tab: re-forecast on the workbench", () => {
  beforeAll(async () => {
    await loadCalendarEngine();
  });

  it("writes the Reste à faire columns beside the plan, says the remaining capacity, and undoes", async () => {
    const user = userEvent.setup();
    const { wb, gateway } = await trackingWorkbook();
    renderInPane(<TrackView gateway={gateway} initialAsOf={AS_OF} />, "fr");
    await screen.findByRole("group", { name: "Clients dans le rythme" });
    const before = wb.sheet("Clients").values.map((r) => [...r]);
    const panel = screen.getByRole("region", { name: "Reste à faire" });
    await user.click(within(panel).getByRole("button", { name: "Reste à faire : écrire les colonnes" }));
    const message = await within(panel).findByText(
      /^Reste à faire au .* écrit dans Reste à faire Visite terrain/,
      undefined,
      {
        timeout: 10_000,
      },
    );
    expect(message).toHaveTextContent(/capacité restante : visit \d/);

    const after = wb.sheet("Clients").values;
    const k = after[0].indexOf("Reste à faire Visite terrain");
    expect(k).toBeGreaterThanOrEqual(schema.table("Clients").columns.length);
    // The plan is only read; each remaining is whole, never negative, never above planned − done.
    after.slice(1).forEach((r, i) => {
      expect(r[col("planned.visit")]).toEqual(before[i + 1][col("planned.visit")]);
      if (r[col("id")] === "" || r[k] === "") return;
      expect(Number.isInteger(r[k])).toBe(true);
      expect(Number(r[k])).toBeGreaterThanOrEqual(0);
      expect(Number(r[k])).toBeLessThanOrEqual(Number(r[col("planned.visit")] || 0));
    });

    expect(await gateway.undoLastWrite()).toBe(true);
    expect(wb.sheet("Clients").values[0]).not.toContain("Reste à faire Visite terrain");
  }, 30_000);
});
