/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as calendar from "../../../src/core/calendar";
import * as tours from "../../../src/core/tours";
import * as tracking from "../../../src/core/tracking";
import { ToursView } from "../../../src/taskpane/tours/ToursView";
import { loadToursEngine } from "../../../src/taskpane/tours/loadToursEngine";
import { createFakeGateway, sourceFrom } from "../support/fakeGateway";
import { renderInPane } from "../support/render";
import { contactsTable } from "../support/trackFixture";

const GRID = [
  [
    "Code client",
    "Raison sociale",
    "Code postal",
    "Ville",
    "CA N-1",
    "CA N",
    "Potentiel",
    "Segment",
    "Prévu visites",
  ],
  ["K1", "Kappa", "44000", "Nantes", 100000, 120000, 200000, "retain", 10],
  ["R1", "Rho", "49000", "Angers", 80000, 60000, 150000, "atRisk", 8],
  ["M1", "Mu", "85000", "La Roche-sur-Yon", 30000, 31000, 40000, "maintain", 3],
  ["X1", "Xi", "00000", "Nowhere", 30000, 31000, 40000, "maintain", 3],
];

describe("ToursView", () => {
  beforeAll(async () => {
    await loadToursEngine();
  });

  it("plans the tours from the workbook and writes the core's Tours rows, then undoes them", async () => {
    const user = userEvent.setup();
    const { gateway, state } = createFakeGateway({
      clients: {
        ...sourceFrom(GRID, "Clients"),
        cadenceColumns: {
          id: 0,
          name: 1,
          postalCode: 2,
          city: 3,
          salesN1: 4,
          salesN: 5,
          potential: 6,
          segment: 7,
          "planned.visit": 8,
        },
      },
      tables: { Contacts: contactsTable([["2026-12-01", "K1", "visit", "", ""]]) },
    });
    renderInPane(<ToursView gateway={gateway} initialStart="2027-01-04" />);
    await user.type(screen.getByRole("textbox", { name: /Base/ }), "44000");
    await user.click(screen.getByRole("button", { name: "Plan the tours" }));
    await screen.findByText(/^Tournées sheet written: /, undefined, { timeout: 20_000 });
    expect(screen.getByText(/could not be placed on the map, rows: 5 \(X1\)/)).toBeInTheDocument();

    // The oracle: the core on the same data.
    const index = await tours.loadFranceIndex();
    const cal = calendar.createWorkCalendar({ country: "FR" });
    const tracked = tracking.trackClients({
      plan: [
        {
          id: "K1",
          segment: "retain",
          planned: { visit: 10 },
          salesN: 120000,
          salesN1: 100000,
          potential: 200000,
        },
        {
          id: "R1",
          segment: "atRisk",
          planned: { visit: 8 },
          salesN: 60000,
          salesN1: 80000,
          potential: 150000,
        },
        {
          id: "M1",
          segment: "maintain",
          planned: { visit: 3 },
          salesN: 31000,
          salesN1: 30000,
          potential: 40000,
        },
        {
          id: "X1",
          segment: "maintain",
          planned: { visit: 3 },
          salesN: 31000,
          salesN1: 30000,
          potential: 40000,
        },
      ],
      contacts: [{ date: "2026-12-01", clientId: "K1", channel: "visit" }],
      period: { start: "2026-01-01", end: "2027-01-03" },
      asOf: "2027-01-03",
      calendar: cal,
    });
    const geo = tours.geocodeClients(
      index,
      GRID.slice(1).map((r, i) => ({ id: String(r[0]), row: i + 2, postalCode: r[2], city: String(r[3]) })),
    );
    const plan = tours.planTours({
      clients: tours.tourClientsOf(tracked.clients, geo.placed),
      base: tours.placeBase(index, "44000") as tours.LatLon,
      start: "2027-01-04",
      weeks: 4,
      perDay: 4,
      isWorkingDay: (iso) => cal.isWorkingDay(iso),
    });
    const info = new Map(
      GRID.slice(1).map((r) => [
        String(r[0]),
        { name: String(r[1]), city: String(r[3]), postalCode: String(r[2]) },
      ]),
    );
    expect(state.tours).toEqual(tours.tourSheetRows(plan, info, "en"));
    // The base is recorded in Settings for the next time.
    expect(state.tourBase).toBe("44000");
    expect(document.querySelectorAll("svg[data-tour-day]")).toHaveLength(
      plan.days.filter((d) => d.stops.length > 0).length,
    );

    await user.click(screen.getByRole("button", { name: "Undo the tours" }));
    await screen.findByText("The Tours sheet is back as it was.");
  });

  it("makes no tour on the dated leave the plan recorded in Settings (issue 18)", async () => {
    const user = userEvent.setup();
    const { gateway, state } = createFakeGateway({
      clients: {
        ...sourceFrom(GRID, "Clients"),
        cadenceColumns: { id: 0, name: 1, postalCode: 2, city: 3, segment: 7, "planned.visit": 8 },
      },
      tables: { Contacts: contactsTable([["2026-12-01", "K1", "visit", "", ""]]) },
      settings: {
        ...tracking.defaultPlanSettings("2027-01-01"),
        leavePeriods: [{ start: "2027-01-04", end: "2027-01-08" }],
      },
    });
    renderInPane(<ToursView gateway={gateway} initialStart="2027-01-04" />);
    await user.type(screen.getByRole("textbox", { name: /Base/ }), "44000");
    await user.click(screen.getByRole("button", { name: "Plan the tours" }));
    await screen.findByText(/^Tournées sheet written: /, undefined, { timeout: 20_000 });
    const dates = new Set(
      (state.tours ?? [])
        .slice(1)
        .map((r) => String(r[0]))
        .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)),
    );
    expect(dates.size).toBeGreaterThan(0);
    expect([...dates].filter((d) => d >= "2027-01-04" && d <= "2027-01-08")).toEqual([]);
    expect([...dates].some((d) => d >= "2027-01-11")).toBe(true);
  });

  it("starts from the base recorded in Settings", async () => {
    const { gateway } = createFakeGateway({ clients: sourceFrom(GRID, "Clients"), tourBase: "49000" });
    renderInPane(<ToursView gateway={gateway} initialStart="2027-01-04" />);
    await waitFor(() => {
      expect(screen.getByRole("textbox", { name: /Base/ })).toHaveValue("49000");
    });
  });

  it("names a base it cannot place", async () => {
    const user = userEvent.setup();
    const { gateway, state } = createFakeGateway({
      clients: { ...sourceFrom(GRID, "Clients"), cadenceColumns: { id: 0 } },
    });
    renderInPane(<ToursView gateway={gateway} initialStart="2027-01-04" />);
    await user.type(screen.getByRole("textbox", { name: /Base/ }), "99999");
    await user.click(screen.getByRole("button", { name: "Plan the tours" }));
    await screen.findByText(/Base: "99999" is not a known French postal code/, undefined, {
      timeout: 20_000,
    });
    expect(state.tours).toBeNull();
  });
});
