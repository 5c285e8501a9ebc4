/** @jest-environment jsdom */
import "../support/jsdomPolyfills";
import "@testing-library/jest-dom";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { isoToExcelSerial } from "../../../src/core/tracking";
import * as schema from "../../../src/core/workbook/schema";
import { createGateway } from "../../../src/excel/gateway";
import { App } from "../../../src/taskpane/shell/App";
import { createWorkbench } from "../../../src/workbench";
import { repPortfolio } from "../../excel/fixtures";
import { pinClock } from "../support/clock";
import { renderInPane } from "../support/render";

describe("a plan workbook made by the pane on the workbench", () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  // Year-end planning is for next year: from October the wizard proposes the year after.
  it.each([
    ["2029-02-14T09:00:00", 2029],
    ["2030-09-30T18:00:00", 2030],
    ["2030-10-01T08:00:00", 2031],
    ["2030-12-07T18:00:00", 2031],
  ])("made on %s: its Settings' period is %i, the wizard's plan year", async (today, year) => {
    pinClock(today);
    const user = userEvent.setup();
    const wb = createWorkbench({ sheets: [{ name: "Portefeuille", values: repPortfolio(4) }] });
    const gateway = createGateway(wb.run);
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Portefeuille").getRange("A1:G5").select();
      await context.sync();
    });
    renderInPane(<App gateway={gateway} initialLanguage="fr" />, "fr");
    await user.click(screen.getByRole("button", { name: "Utiliser le tableau ou la sélection" }));
    await screen.findByText("Lu Portefeuille!A1:G5 : 4 clients.", {}, { timeout: 5000 });
    await user.click(
      screen.getByRole("button", { name: "Créer un classeur de plan à partir de ce portefeuille" }),
    );
    await screen.findByText(/^Lu Clients!A1:[A-Z]+5 : 4 clients\.$/, {}, { timeout: 5000 });

    const settings = wb.sheet(schema.SHEET_NAMES.settings.fr).values;
    expect(settings.slice(1, 3).map((r) => r[1])).toEqual([
      isoToExcelSerial(`${year}-01-01`),
      isoToExcelSerial(`${year}-12-31`),
    ]);
    expect(await gateway.readPlanSettings()).toMatchObject({
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
    });
  });
});
