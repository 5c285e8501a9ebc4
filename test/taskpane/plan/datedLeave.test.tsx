/** @jest-environment jsdom */
/** Dated leave and RTT in the capacity step (issue 18 item 8): typed in French, checked, recorded with the plan. */
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { loadCalendarEngine } from "../../../src/taskpane/engine/loadCalendarEngine";
import { PlanWizard } from "../../../src/taskpane/plan/PlanWizard";
import { createFakeGateway } from "../support/fakeGateway";
import { pinClock } from "../support/clock";
import { renderInPane } from "../support/render";

describe("dated leave in the capacity step", () => {
  beforeAll(async () => {
    await loadCalendarEngine();
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it("counts the working days of the periods typed, names the field when one does not read, and records them", async () => {
    // In June the wizard plans this year, 2026, the year of the periods typed below.
    pinClock("2026-06-15T09:00:00");
    const user = userEvent.setup();
    const { gateway, state } = createFakeGateway();
    renderInPane(<PlanWizard gateway={gateway} />, "fr");
    await user.click(screen.getByRole("button", { name: "Utiliser le tableau ou la sélection" }));
    await screen.findByText(/5 clients/, {}, { timeout: 5000 });
    await user.click(screen.getByRole("checkbox", { name: /dans ma feuille/ }));
    for (let i = 0; i < 3; i++) await user.click(screen.getByRole("button", { name: "Suivant" }));
    const pools = await screen.findByRole("list", { name: "Temps terrain et à distance" });
    await waitFor(() => {
      expect(pools).toHaveTextContent(/Terrain : 207 jours → 828 visites/);
    });

    // Three weeks in August (15 working days) instead of the 25 days counted; one RTT on a Friday.
    const leave = screen.getByRole("textbox", { name: "Congés datés" });
    fireEvent.change(leave, { target: { value: "du 03/08/2026 au 21/08/2026" } });
    fireEvent.change(screen.getByRole("textbox", { name: "RTT datés" }), { target: { value: "2026-05-15" } });
    // 252 − 15 − 1 − 20 = 216 field days × 4 visits.
    await waitFor(() => {
      expect(pools).toHaveTextContent(/Terrain : 216 jours → 864 visites/);
    });
    const lines = screen.getByRole("list", { name: "Calcul du capital de visites" });
    expect(lines).toHaveTextContent(/Congés : 15 jours/);
    expect(lines).toHaveTextContent(/RTT : 1 jours/);

    fireEvent.change(leave, { target: { value: "du 03/08/2026 au 31/02/2026" } });
    expect(
      await screen.findByText("Congés datés : « du 03/08/2026 au 31/02/2026 » n'est pas une date réelle"),
    ).toBeInTheDocument();
    // The last periods that read still stand.
    expect(pools).toHaveTextContent(/Terrain : 216 jours/);
    fireEvent.change(leave, { target: { value: "21/08/2026 - 03/08/2026" } });
    expect(
      await screen.findByText("Congés datés : « 21/08/2026 - 03/08/2026 » se termine avant de commencer"),
    ).toBeInTheDocument();
    fireEvent.change(leave, { target: { value: "03/08/2026 - 21/08/2026 ; 24/12/2026 - 31/12/2026" } });
    // Christmas week: Dec 24, 28, 29, 30, 31 (Dec 25 is a holiday) → 20 days of leave.
    await waitFor(() => {
      expect(lines).toHaveTextContent(/Congés : 20 jours/);
    });
    expect(screen.queryByText(/n'est pas une date réelle|se termine avant/)).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Suivant" }));
    await user.click(screen.getByRole("button", { name: "Suivant" }));
    await user.click(screen.getByRole("button", { name: "Écrire le plan dans la feuille" }));
    await screen.findByText("5 lignes écrites.");
    expect(state.targets[0]?.settings).toMatchObject({
      leaveDays: 25,
      leavePeriods: [
        { start: "2026-08-03", end: "2026-08-21" },
        { start: "2026-12-24", end: "2026-12-31" },
      ],
      rttPeriods: [{ start: "2026-05-15", end: "2026-05-15" }],
    });
  });
});
