/** @jest-environment jsdom */
/** Issue 20, items 2 and 4: invalid input blocks its step, named as the pane shows it; one operation at a time. */
import "@testing-library/jest-dom";
import { act, configure, renderHook, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { loadCalendarEngine } from "../../../src/taskpane/engine/loadCalendarEngine";
import { PlanWizard } from "../../../src/taskpane/plan/PlanWizard";
import { useSourceStep } from "../../../src/taskpane/plan/steps/useSourceStep";
import { useWriteStep } from "../../../src/taskpane/plan/steps/useWriteStep";
import { createFakeGateway, sourceFrom, DEMO_GRID } from "../support/fakeGateway";
import { renderInPane } from "../support/render";

// The pane computes while other suites run: wait up to 5 s for what a rep would see, not 1 s.
configure({ asyncUtilTimeout: 5000 });

type User = ReturnType<typeof userEvent.setup>;

/** A French wizard over the demo's 5 clients, opened at the Capacity step. */
async function atCapacityStepFr(): Promise<User> {
  const user = userEvent.setup();
  const { gateway } = createFakeGateway();
  renderInPane(<PlanWizard gateway={gateway} />, "fr");
  await user.click(screen.getByRole("button", { name: "Utiliser le tableau ou la sélection" }));
  await screen.findByText(/5 clients/, {}, { timeout: 5000 });
  await user.click(screen.getByRole("checkbox", { name: /dans ma feuille/ }));
  for (let i = 0; i < 3; i++) await user.click(screen.getByRole("button", { name: "Suivant" }));
  await screen.findByRole("status", {}, { timeout: 5000 });
  return user;
}

const suivant = (): HTMLElement => screen.getByRole("button", { name: "Suivant" });

describe("the wizard refuses invalid input at its step", () => {
  beforeAll(async () => {
    await loadCalendarEngine();
  });

  it("blocks Suivant while a number field holds text that is not a number", async () => {
    const user = await atCapacityStepFr();
    await waitFor(() => {
      expect(suivant()).toBeEnabled();
    });
    const visits = screen.getByRole("spinbutton", { name: "Visites par jour terrain" });
    await user.clear(visits);
    await user.type(visits, "quatre");
    expect(await screen.findByText("Saisissez un nombre.")).toBeInTheDocument();
    expect(suivant()).toBeDisabled();
    await user.clear(visits);
    await user.type(visits, "5");
    await waitFor(() => {
      expect(suivant()).toBeEnabled();
    });
  });

  it("refuses a capacity of zero with a message", async () => {
    const user = await atCapacityStepFr();
    const visits = screen.getByRole("spinbutton", { name: "Visites par jour terrain" });
    await user.clear(visits);
    await user.type(visits, "0");
    expect(await screen.findByText(/Capacité nulle/)).toBeInTheDocument();
    expect(suivant()).toBeDisabled();
  });

  it("names a capacity error's field as the pane shows it", async () => {
    const user = await atCapacityStepFr();
    const leave = screen.getByRole("spinbutton", { name: "Congés (jours ouvrés)" });
    await user.clear(leave);
    await user.type(leave, "400");
    const error = await screen.findByText(/dépasse les \d+ jours ouvrés/);
    expect(error).toHaveTextContent("« Congés (jours ouvrés) »");
    expect(error).not.toHaveTextContent("leaveDays");
    expect(suivant()).toBeDisabled();
  });
});

describe("one operation at a time", () => {
  it("writes the plan once on a double click, and undo stays offered", async () => {
    const { gateway, state } = createFakeGateway();
    const outcome = {
      target: { location: sourceFrom(DEMO_GRID).location, idColumn: 0 },
      rows: [
        {
          clientId: "C1",
          segment: "retain",
          norm: 1,
          planned: { visit: 2 },
          weightedPlanned: 2,
          explanation: "",
        },
      ],
      hasId: true,
    };
    const { result } = renderHook(() => useWriteStep(outcome, gateway));
    await act(async () => {
      // Two clicks before React re-renders the disabled button: the same closure, twice.
      await Promise.all([result.current.write(), result.current.write()]);
    });
    expect(state.written).toHaveLength(1);
    expect(result.current.phase).toBe("written");
  });

  it("creates the plan workbook once on a double click, with no error after the success", async () => {
    const { gateway, state } = createFakeGateway();
    const onRead = jest.fn();
    const props = {
      value: { source: sourceFrom(DEMO_GRID), mapping: {}, ownSheet: false },
      outcome: null,
      gateway,
      year: 2027,
      onRead,
    };
    const { result } = renderHook(() => useSourceStep(props, "fr"));
    await act(async () => {
      await Promise.all([result.current.createWorkbook(), result.current.createWorkbook()]);
    });
    expect(state.created).toHaveLength(1);
    expect(onRead).toHaveBeenCalledTimes(1);
    expect(result.current.error).toBeNull();
  });
});
