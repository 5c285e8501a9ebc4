/** @jest-environment jsdom */
/**
 * After one update in the Track tab (paste the CRM export, Import and refresh), the Clients table's
 * Status column (written by refresh) and the KPI cards and symptoms (computed by the pane) say the
 * same thing: both are the core's trackWorkbook of the same cells. Before issue 17 they could differ
 * on this workbook (a plan typed as text, edited channel weights, a contact twice in the log, a client
 * named instead of coded, a new name).
 */
import "../support/jsdomPolyfills";
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { segmentIdOf } from "../../../src/core/types";
import * as schema from "../../../src/core/workbook/schema";
import { loadCalendarEngine } from "../../../src/taskpane/engine/loadCalendarEngine";
import { TrackView } from "../../../src/taskpane/track/TrackView";
import { AS_OF, MONTH_EXPORT, trackingWorkbook } from "../../excel/trackingWorkbook";
import { renderInPane } from "../support/render";

const col = (id: string): number => schema.table("Clients").columns.findIndex((c) => c.id === id);
const percent = (ratio: number): string =>
  new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 0 })
    .format(ratio)
    .replace(/\s/gu, " ");

describe("Track tab on the workbench", () => {
  beforeAll(async () => {
    await loadCalendarEngine();
  });

  it("after one update, the Status column and the KPI cards agree", async () => {
    const user = userEvent.setup();
    const { wb, gateway } = await trackingWorkbook();
    renderInPane(<TrackView gateway={gateway} initialAsOf={AS_OF} />, "fr");
    await screen.findByRole("group", { name: "Clients dans le rythme" });
    await user.click(screen.getByRole("textbox", { name: /Export du CRM/ }));
    await user.paste(MONTH_EXPORT);
    await user.click(screen.getByRole("button", { name: "Importer et actualiser" }));
    await waitFor(
      () => {
        expect(screen.getByRole("region", { name: "Grands comptes saturés" })).toHaveTextContent("C00001");
      },
      {
        timeout: 10_000,
      },
    );

    const rows = wb
      .sheet("Clients")
      .values.slice(1)
      .filter((r) => r[col("id")] !== "");
    const status = (r: readonly unknown[]): string => String(r[col("status")]);
    const planned = rows.filter((r) => status(r) !== "");
    const under = planned.filter((r) => status(r) === schema.statusText("Under", "fr"));
    expect(planned).toHaveLength(12);
    expect(under.length).toBeGreaterThan(0);
    expect(under.length).toBeLessThan(12);

    // Coverage: planned clients not Under / planned clients, from the Status column.
    const coverage = screen.getByRole("group", { name: "Clients dans le rythme" });
    expect(coverage).toHaveTextContent(percent((planned.length - under.length) / planned.length));

    // The two symptoms: Retain and Over, At risk and Under, read off the Segment and Status columns.
    const idsWhere = (segment: string, s: "Under" | "Over"): string[] =>
      rows
        .filter(
          (r) =>
            segmentIdOf(String(r[col("segment")])) === segment && status(r) === schema.statusText(s, "fr"),
        )
        .map((r) => String(r[col("id")]));
    const listed = (name: string): string[] =>
      within(screen.getByRole("region", { name }))
        .queryAllByRole("listitem")
        .map((li) => li.textContent.split(" · ")[0]);
    const saturated = idsWhere("retain", "Over");
    const neglected = idsWhere("atRisk", "Under");
    expect(saturated.length + neglected.length).toBeGreaterThan(1);
    expect(listed("Grands comptes saturés")).toEqual(saturated);
    expect(listed("Clients en érosion délaissés")).toEqual(neglected);
  });
});
