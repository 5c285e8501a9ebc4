/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { PlanSettings } from "../../../src/excel/gateway.types";
import { loadCalendarEngine } from "../../../src/taskpane/engine/loadCalendarEngine";
import { PlanWizard } from "../../../src/taskpane/plan/PlanWizard";
import { createFakeGateway, sourceFrom } from "../support/fakeGateway";
import { renderInPane } from "../support/render";
import { clientsTable } from "../support/trackFixture";

type User = ReturnType<typeof userEvent.setup>;

async function nextTo(user: User, title: string): Promise<void> {
  await user.click(screen.getByRole("button", { name: "Next" }));
  await screen.findByRole("heading", { name: new RegExp(`: ${title}$`) });
}

const RECORDED: PlanSettings = {
  periodStart: "2027-01-01",
  periodEnd: "2027-12-31",
  country: "FR",
  region: "67",
  leaveDays: 30,
  leavePeriods: [{ start: "2027-08-02", end: "2027-08-20" }],
  rttDays: 4,
  rttPeriods: [],
  nonFieldDays: 15,
  contactsPerDay: 5,
  prospectingShare: 0.1,
  remoteShare: 0.2,
  remotePerDay: 2.5,
};

describe("from the rep's portfolio to a plan workbook, through the pane alone", () => {
  beforeAll(async () => {
    await loadCalendarEngine();
  });

  it("creates the plan workbook from the portfolio read, then records the capacity with the plan", async () => {
    const user = userEvent.setup();
    const { gateway, state } = createFakeGateway({
      source: sourceFrom(
        [
          ["Code client", "Raison sociale", "CA N-1", "CA N", "Potentiel", "Mon commentaire"],
          ["C1", "Alpha", 100000, 120000, 200000, "appeler lundi"],
          ["", "", "", "", "", ""],
          ["C2", "Beta", 80000, 60000, 150000, ""],
        ],
        "Portefeuille",
      ),
    });
    renderInPane(<PlanWizard gateway={gateway} />);
    await user.click(screen.getByRole("button", { name: "Use the current table or selection" }));
    await screen.findByText("Read Portefeuille!A1:Z4: 2 clients.");
    expect(screen.getByText(/copies these clients into its Clients table/)).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Create a plan workbook from this portfolio" }));
    await screen.findByText("Read Clients!A1:Z3: 2 clients.");
    expect(state.created).toHaveLength(1);
    expect(state.created[0]?.portfolio).toEqual({
      columns: [
        { id: "id", header: "Code client" },
        { id: "name", header: "Raison sociale" },
        { id: "salesN1", header: "CA N-1" },
        { id: "salesN", header: "CA N" },
        { id: "potential", header: "Potentiel" },
        { id: null, header: "Mon commentaire" },
      ],
      rows: [
        ["C1", "Alpha", 100000, 120000, 200000, "appeler lundi"],
        ["C2", "Beta", 80000, 60000, 150000, ""],
      ],
    });
    // Now in the plan workbook: creating again would start an empty one, not copy the Clients table onto itself.
    expect(screen.getByRole("button", { name: "Create a new plan workbook" })).toBeInTheDocument();

    await nextTo(user, "Segmentation");
    await nextTo(user, "Norms and channels");
    await nextTo(user, "Capacity");
    const year = screen.getByRole("spinbutton", { name: "Year" });
    await user.clear(year);
    await user.type(year, "2027");
    await user.type(screen.getByRole("textbox", { name: /^Region/ }), "67");
    await nextTo(user, "Allocation");
    await nextTo(user, "Write");
    await user.click(screen.getByRole("button", { name: "Write the plan to the sheet" }));
    await screen.findByText("2 rows written.");
    expect(state.targets[0]?.settings).toEqual({
      periodStart: "2027-01-01",
      periodEnd: "2027-12-31",
      country: "FR",
      region: "67",
      leaveDays: 25,
      leavePeriods: [],
      rttDays: 0,
      rttPeriods: [],
      nonFieldDays: 20,
      contactsPerDay: 4,
      prospectingShare: 0.2,
      remoteShare: 0,
      remotePerDay: 3,
    });
    expect(
      screen.getByText("The plan's period, country and capacity are recorded in the Settings sheet."),
    ).toBeInTheDocument();
  });

  it("writing into the rep's own list says tracking needs a plan workbook", async () => {
    const user = userEvent.setup();
    const { gateway } = createFakeGateway();
    renderInPane(<PlanWizard gateway={gateway} />);
    await user.click(screen.getByRole("button", { name: "Use the current table or selection" }));
    await screen.findByText(/5 clients/, {}, { timeout: 5000 });
    await user.click(screen.getByRole("checkbox", { name: /in my own sheet/ }));
    for (const title of ["Segmentation", "Norms and channels", "Capacity", "Allocation", "Write"])
      await nextTo(user, title);
    await user.click(screen.getByRole("button", { name: "Write the plan to the sheet" }));
    await screen.findByText("5 rows written.");
    expect(screen.getByText(/create a plan workbook from this portfolio/)).toBeInTheDocument();
  });

  it("re-planning in a plan workbook starts from the capacity it recorded", async () => {
    const user = userEvent.setup();
    const { gateway } = createFakeGateway({ clients: clientsTable(), settings: RECORDED });
    renderInPane(<PlanWizard gateway={gateway} />);
    await user.click(screen.getByRole("button", { name: "Use the Clients table" }));
    await screen.findByText(/Read Clients!.*: 3 clients\./);
    await nextTo(user, "Segmentation");
    await nextTo(user, "Norms and channels");
    await nextTo(user, "Capacity");
    await waitFor(() => {
      expect(screen.getByRole("spinbutton", { name: "Year" })).toHaveValue(2027);
    });
    expect(screen.getByRole("textbox", { name: /^Region/ })).toHaveValue("67");
    expect(screen.getByRole("spinbutton", { name: "Leave (working days)" })).toHaveValue(30);
    // The remote share, RTT and dated leave the workbook recorded (issue 18).
    expect(screen.getByRole("spinbutton", { name: "RTT (working days)" })).toHaveValue(4);
    expect(screen.getByRole("spinbutton", { name: /^Remote days a week/ })).toHaveValue(1);
    expect(screen.getByRole("spinbutton", { name: "Visit-equivalents per remote day" })).toHaveValue(2.5);
    expect(screen.getByRole("textbox", { name: "Dated leave" })).toHaveValue("2027-08-02:2027-08-20");
  });
});
