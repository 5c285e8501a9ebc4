import { createGateway } from "../../src/excel/gateway";
import { demoWorkbench } from "../../src/workbench/demo/workbook";
import { CLIENT_HEADERS } from "../../src/workbench/demo";
import { planFor } from "./fixtures";

const TODAY = "2026-11-28";
const IDS = ["id", "name", "postalCode", "city", "salesN1", "salesN", "potential"];

/** The workbench's demo workbook, as README's walkthrough uses it, through the gateway the pane is given. */
describe("the demo workbook from portfolio to tracking", () => {
  it("becomes a plan workbook whose Contacts take the demo's CRM export sheet as it is", async () => {
    // The demo's contacts run to the Friday before its reference date, pinned here.
    const wb = demoWorkbench(1, TODAY).workbench;
    const gateway = createGateway(wb.run, { lang: "fr" });
    const portfolio = await gateway.readSource("selection");
    expect(portfolio.location).toMatchObject({ sheet: "Portefeuille", address: "A1:G301" });
    await gateway.createPlanWorkbook({
      lang: "fr",
      portfolio: {
        columns: CLIENT_HEADERS.map((header, i) => ({ id: IDS[i] ?? null, header })),
        rows: portfolio.grid.slice(1),
      },
    });
    const clients = await gateway.readSource("clients");
    expect(clients.grid.slice(1)).toEqual(
      portfolio.grid.slice(1).map((r) => [...r, ...clients.grid[1].slice(7).map(() => "")]),
    );
    await gateway.writePlan({ location: clients.location, idColumn: 0 }, planFor(clients.grid));

    const imported = await gateway.importContacts({ sheet: "Contacts export" });
    // Every row of the export is read: added, or reported as a repeat of the row above (the demo has a few).
    const exported = wb.sheet("Contacts export").values.length - 1;
    expect(imported.unmatched).toBe(0);
    expect(imported.issues.every((i) => i.code === "duplicate")).toBe(true);
    expect(imported.appended + imported.duplicates).toBe(exported);
    expect(imported.appended).toBeGreaterThan(1000);
    const tracked = await gateway.refresh(TODAY);
    expect(tracked).toMatchObject({ clients: 300, contacts: imported.appended });
    expect(tracked.under + tracked.onTrack + tracked.over).toBe(300);
  });
});
