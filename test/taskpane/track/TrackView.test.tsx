/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as calendar from "../../../src/core/calendar";
import * as tracking from "../../../src/core/tracking";
import { gatewayError } from "../../../src/excel/errors";
import { loadCalendarEngine } from "../../../src/taskpane/engine/loadCalendarEngine";
import { TrackView } from "../../../src/taskpane/track/TrackView";
import { createFakeGateway } from "../support/fakeGateway";
import { renderInPane } from "../support/render";
import { CRM_EXPORT, clientsTable, contactsTable } from "../support/trackFixture";

function setup(): ReturnType<typeof createFakeGateway> {
  return createFakeGateway({ clients: clientsTable(), tables: { Contacts: contactsTable() } });
}

describe("TrackView", () => {
  // The holiday calendar is a lazily loaded chunk; load it once so the first test does not time out on it.
  beforeAll(async () => {
    await loadCalendarEngine();
  });

  it("turns a pasted CRM export into refreshed KPIs and symptoms in two actions", async () => {
    const user = userEvent.setup();
    const { gateway, state } = setup();
    renderInPane(<TrackView gateway={gateway} initialAsOf="2026-06-30" />);
    // On open, before any import: no figure that only says "nothing done", and what to do instead.
    const reach = await screen.findByRole("group", { name: "Reach" });
    expect(reach).toHaveTextContent("—");
    expect(reach).not.toHaveTextContent("0%");
    expect(
      screen.getByText(/^No contact of the period in this workbook: import the CRM export/),
    ).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Overdue clients" })).not.toBeInTheDocument();
    expect(screen.queryByText(/under plan, .* on track/)).not.toBeInTheDocument();

    // Action 1: paste the export. Action 2: one click.
    await user.click(screen.getByRole("textbox", { name: /CRM export/ }));
    await user.paste(CRM_EXPORT);
    await user.click(screen.getByRole("button", { name: "Import and refresh" }));

    await waitFor(() => {
      expect(screen.getByRole("group", { name: "Reach" })).toHaveTextContent("67%");
    });
    expect(state.imports).toHaveLength(1);
    expect(screen.getByRole("region", { name: "Import result" })).toBeInTheDocument();
    // The cards read together: one line says what to do.
    expect(screen.getByText(/^To do: /)).toBeInTheDocument();
    expect(screen.queryByText(/^No contact of the period/)).not.toBeInTheDocument();
    const saturated = screen.getByRole("region", { name: "Saturated top accounts" });
    expect(saturated).toHaveTextContent("K1 · Kappa");
    const neglected = screen.getByRole("region", { name: "Neglected at-risk clients" });
    expect(neglected).toHaveTextContent("R1 · Rho");
    for (const name of ["Plan attainment", "Coverage", "Pace", "Catch-up per working day"]) {
      expect(screen.getByRole("group", { name })).toBeInTheDocument();
    }
    expect(screen.getByRole("img", { name: "Effort against potential" })).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Did following the plan pay?" })).toHaveTextContent(
      /at or above plan/,
    );
  });

  it("makes a symptom an action plan in one click", async () => {
    const user = userEvent.setup();
    // One contact imported (M1): R1, at risk, has none.
    const { gateway, state } = createFakeGateway({
      clients: clientsTable(),
      tables: { Contacts: contactsTable([["2026-05-12", "M1", "visit", "check", "CRM"]]) },
    });
    renderInPane(<TrackView gateway={gateway} initialAsOf="2026-06-30" />);
    const neglected = await screen.findByRole("region", { name: "Neglected at-risk clients" });
    await user.click(
      within(neglected).getByRole("button", {
        name: "Create an action plan for R1 (Neglected at-risk clients)",
      }),
    );
    await waitFor(() => {
      expect(state.actions).toHaveLength(1);
    });
    expect(state.actions[0]).toMatchObject({ clientId: "R1", status: "open", owner: "" });
    expect(state.actions[0].action).toBe("Visit this at-risk client and agree a recovery plan");
    expect(within(neglected).getByRole("button", { name: /R1/ })).toBeDisabled();
  });

  it("tracks over the plan's period and calendar as the workbook records them", async () => {
    const { gateway } = createFakeGateway({
      clients: clientsTable(),
      tables: { Contacts: contactsTable() },
      settings: {
        periodStart: "2026-07-01",
        periodEnd: "2027-06-30",
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
      },
    });
    renderInPane(<TrackView gateway={gateway} initialAsOf="2026-06-30" />);
    expect(
      await screen.findByText("Plan period Jul 1, 2026 – Jun 30, 2027, public holidays of FR (67)"),
    ).toBeInTheDocument();
    // The day before the plan's period: nothing of it has elapsed (the calendar year would say about half).
    expect(screen.getByRole("group", { name: "Pace" })).toHaveTextContent("0% of the year elapsed");
  });

  it("without recorded settings, tracks over the calendar year of the date, France's holidays", async () => {
    const { gateway } = setup();
    renderInPane(<TrackView gateway={gateway} initialAsOf="2026-06-30" />);
    expect(
      await screen.findByText("Plan period Jan 1, 2026 – Dec 31, 2026, public holidays of FR"),
    ).toBeInTheDocument();
    // The core is the oracle: working days of 2026 in France elapsed on June 30.
    const { share } = tracking.elapsedShare(
      { start: "2026-01-01", end: "2026-12-31" },
      "2026-06-30",
      calendar.createWorkCalendar({ country: "FR" }),
    );
    expect(share).toBeGreaterThan(0.4);
    expect(screen.getByRole("group", { name: "Pace" })).toHaveTextContent(
      `100% = on time (${Math.round(share * 100)}% of the year elapsed)`,
    );
  });

  it("explains, in French, that there is no plan workbook yet", async () => {
    const { gateway } = createFakeGateway();
    renderInPane(<TrackView gateway={gateway} initialAsOf="2026-06-30" />, "fr");
    expect(
      await screen.findByText(
        "Le tableau « Clients » est introuvable (supprimé ou renommé ?). Rien n'a été modifié.",
      ),
    ).toBeInTheDocument();
  });

  it("reports an import failure and keeps the previous figures", async () => {
    const user = userEvent.setup();
    const { gateway, state } = setup();
    renderInPane(<TrackView gateway={gateway} initialAsOf="2026-06-30" />);
    await screen.findByRole("group", { name: "Reach" });
    state.failures.importContacts = gatewayError("sheetProtected", { sheet: "Contacts" });
    state.sheets = ["Clients", "Contacts", "Portefeuille", "Export CRM"];
    await user.click(screen.getByRole("radio", { name: "A sheet of this workbook" }));
    // The workbook's sheets, Cadence's own left out; the one named like an export is proposed.
    const sheet = screen.getByRole("combobox", { name: "Sheet" });
    await waitFor(() => {
      expect(sheet).toHaveDisplayValue("Export CRM");
    });
    expect(
      within(sheet)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["(choose the sheet)", "Portefeuille", "Export CRM"]);
    await user.click(screen.getByRole("button", { name: "Import and refresh" }));
    expect(
      await screen.findByText(
        'Sheet "Contacts" is protected: unprotect it and try again. Nothing was changed.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole("group", { name: "Reach" })).toBeInTheDocument();
  });

  it("lists unmatched rows and unreadable rows after an import", async () => {
    const user = userEvent.setup();
    const { gateway } = createFakeGateway({
      clients: clientsTable(),
      tables: { Contacts: contactsTable() },
      importResult: {
        appended: 11,
        duplicates: 1,
        unmatched: 1,
        unmatchedSheet: "Unmatched",
        issues: [{ row: 4, column: "date", code: "badDate", message: "invalid date '31/02'" }],
        excluded: [
          { value: "Appel entrant", rows: 2 },
          { value: "SAV", rows: 1 },
        ],
        newNames: ["Menuiserie Roux"],
      },
    });
    renderInPane(<TrackView gateway={gateway} initialAsOf="2026-06-30" />);
    await user.click(screen.getByRole("textbox", { name: /CRM export/ }));
    await user.paste(CRM_EXPORT);
    await user.click(screen.getByRole("button", { name: "Import and refresh" }));
    const result = await screen.findByRole("region", { name: "Import result" });
    expect(result).toHaveTextContent("11 contacts added, 1 duplicates skipped.");
    expect(result).toHaveTextContent("1 rows match no client: fix them in the sheet Unmatched.");
    expect(result).toHaveTextContent(
      "3 rows left out, not contacts (inbound calls, after-sales, mailings): Appel entrant (2), SAV (1).",
    );
    expect(result).toHaveTextContent(
      "1 new names, counted as prospecting (add them to the plan): Menuiserie Roux.",
    );
    expect(within(result).getByRole("list", { name: "Rows that could not be read" })).toHaveTextContent(
      "Row 4, date: invalid date '31/02'",
    );
  });
});

describe("TrackView file import", () => {
  it("reads a CSV file into the import box", async () => {
    const user = userEvent.setup();
    const { gateway, state } = setup();
    renderInPane(<TrackView gateway={gateway} initialAsOf="2026-06-30" />);
    const file = new File([CRM_EXPORT], "export.csv", { type: "text/csv" });
    await user.upload(screen.getByLabelText("…or open a CSV file"), file);
    await waitFor(() => {
      expect(screen.getByRole("textbox", { name: /CRM export/ })).toHaveValue(CRM_EXPORT);
    });
    await user.click(screen.getByRole("button", { name: "Import and refresh" }));
    await waitFor(() => {
      expect(state.imports).toEqual([{ csv: CRM_EXPORT, sourceName: "CRM" }]);
    });
  });
});
