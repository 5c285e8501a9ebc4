/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { gatewayError } from "../../../src/excel/errors";
import { PlanWizard } from "../../../src/taskpane/plan/PlanWizard";
import { CREATE_BATCHES, createFakeGateway } from "../support/fakeGateway";
import { pinClock } from "../support/clock";
import { renderInPane } from "../support/render";

type User = ReturnType<typeof userEvent.setup>;

/** A gate the fake gateway waits on before a build round trip, and the function that opens it. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

async function readPortfolio(user: User, language: "en" | "fr" = "en"): Promise<void> {
  const name =
    language === "en" ? "Use the current table or selection" : "Utiliser le tableau ou la sélection";
  await user.click(screen.getByRole("button", { name }));
  await screen.findByText(/^(Read|Lu) Sheet1!A1:Z6 ?: 5 clients\.$/, {}, { timeout: 5000 });
}

describe("creating the plan workbook from the Source step", () => {
  it("shows the build's progress in a live region, then the Clients table read", async () => {
    const user = userEvent.setup();
    const first = gate();
    const { gateway, state } = createFakeGateway({ createGate: first.promise });
    renderInPane(<PlanWizard gateway={gateway} />);
    await readPortfolio(user);

    await user.click(screen.getByRole("button", { name: "Create a plan workbook from this portfolio" }));
    const bar = await screen.findByRole("progressbar", { name: "Creating the plan workbook" });
    // Checking first: no share of the work known yet.
    expect(bar).not.toHaveAttribute("aria-valuenow");
    expect(screen.getByText("Checking the workbook…")).toBeInTheDocument();
    const live = screen.getByRole("status");
    expect(live).toHaveAttribute("aria-live", "polite");
    expect(within(live).getByRole("progressbar")).toBe(bar);
    expect(screen.getByRole("button", { name: "Create a plan workbook from this portfolio" })).toBeDisabled();

    const second = gate();
    state.createGate = second.promise;
    first.open();
    await screen.findByText(`Step 1 of ${CREATE_BATCHES} sent to Excel`);
    expect(screen.getByRole("progressbar", { name: "Creating the plan workbook" })).toHaveAttribute(
      "aria-valuenow",
      String(1 / CREATE_BATCHES),
    );

    state.createGate = null;
    second.open();
    await screen.findByText("Read Clients!A1:Z6: 5 clients.");
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Cancel" })).not.toBeInTheDocument();
    expect(state.created).toHaveLength(1);
  });

  it("cancel stops the build: the gateway's nothing-changed message, no Clients table, focus back on create", async () => {
    const user = userEvent.setup();
    const first = gate();
    const { gateway, state } = createFakeGateway({ createGate: first.promise });
    const readSource = jest.spyOn(gateway, "readSource");
    renderInPane(<PlanWizard gateway={gateway} />);
    await readPortfolio(user);

    await user.click(screen.getByRole("button", { name: "Create a plan workbook from this portfolio" }));
    const cancel = await screen.findByRole("button", { name: "Cancel" });
    // Keyboard: the Cancel button is reached by Tab and pressed with Enter.
    cancel.focus();
    await user.keyboard("{Enter}");
    first.open();

    const notice = await screen.findByText("Cancelled. Nothing was changed.");
    expect(within(screen.getByRole("status")).getByText("Cancelled. Nothing was changed.")).toBe(notice);
    expect(state.created).toEqual([]);
    expect(state.clients).toBeNull();
    expect(readSource).not.toHaveBeenCalledWith("clients");
    // Still on the rep's own list, which a new attempt would copy.
    expect(screen.getByText("Read Sheet1!A1:Z6: 5 clients.")).toBeInTheDocument();
    const create = screen.getByRole("button", { name: "Create a plan workbook from this portfolio" });
    await waitFor(() => {
      expect(create).toHaveFocus();
    });
    expect(create).toBeEnabled();
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
  });

  it("says in French why the plan workbook was not created, and a new attempt clears it", async () => {
    const user = userEvent.setup();
    const { gateway, state } = createFakeGateway({
      failures: {
        createPlanWorkbook: gatewayError("createFailed", {
          reason: gatewayError("sheetProtected", { sheet: "Clients" }),
        }),
      },
    });
    renderInPane(<PlanWizard gateway={gateway} />, "fr");
    await readPortfolio(user, "fr");

    const create = screen.getByRole("button", {
      name: "Créer un classeur de plan à partir de ce portefeuille",
    });
    await user.click(create);
    expect(
      await screen.findByText(
        "Le classeur de plan n'a pas été créé : La feuille « Clients » est protégée : ôtez la protection puis recommencez. Rien n'a été modifié. Les feuilles que Cadence avait commencé à ajouter ont été retirées ; vos feuilles n'ont pas changé.",
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Opération annulée/)).not.toBeInTheDocument();
    expect(state.created).toEqual([]);

    await user.click(create);
    await screen.findByText(/^Lu Clients!A1:Z6 : 5 clients\.$/);
    expect(screen.queryByText(/n'a pas été créé/)).not.toBeInTheDocument();
    expect(state.created).toHaveLength(1);
  });
});

describe("a new plan workbook's period", () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it("is the plan year the wizard proposes for today's date", async () => {
    pinClock("2031-03-05T10:00:00");
    const user = userEvent.setup();
    const { gateway, state } = createFakeGateway();
    renderInPane(<PlanWizard gateway={gateway} />);
    await user.click(screen.getByRole("button", { name: "Create a new plan workbook" }));
    await screen.findByText(/^Read Clients!/);
    expect(state.created.map((c) => c.year)).toEqual([2031]);
  });
});
