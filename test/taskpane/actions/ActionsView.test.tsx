/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ActionsView } from "../../../src/taskpane/actions/ActionsView";
import { createFakeGateway } from "../support/fakeGateway";
import { renderInPane } from "../support/render";
import { clientsTable } from "../support/trackFixture";

describe("ActionsView", () => {
  it("lists the Actions table, open ones first", async () => {
    const { gateway } = createFakeGateway({
      actions: [
        { clientId: "C2", action: "Review prices", owner: "Ana", due: "2026-03-01", status: "done" },
        { clientId: "C1", action: "Visit", owner: "Ana", due: "2026-02-01", status: "open" },
      ],
    });
    renderInPane(<ActionsView gateway={gateway} />);
    const table = await screen.findByRole("table", { name: "Action plans" });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent("C1");
    expect(rows[2]).toHaveTextContent("C2");
  });

  it("creates an action plan, refusing a blank client, an unknown client and no due date first", async () => {
    const user = userEvent.setup();
    const { gateway, state } = createFakeGateway({ clients: clientsTable() });
    renderInPane(<ActionsView gateway={gateway} />);
    await screen.findByText("No action plan yet.");
    await user.click(screen.getByRole("button", { name: "New action plan" }));
    await user.type(screen.getByRole("textbox", { name: /^Action/ }), "Call back");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Enter the client id.")).toBeInTheDocument();
    expect(screen.getByText("Enter the due date.")).toBeInTheDocument();
    expect(state.actions).toHaveLength(0);
    // A code that is not a client of the plan is refused, named.
    await user.type(screen.getByRole("textbox", { name: /^Client/ }), "C99999");
    fireEvent.change(screen.getByLabelText(/^Due/), { target: { value: "2026-03-15" } });
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(
      await screen.findByText("“C99999” is not a client id of the plan (Clients table)."),
    ).toBeInTheDocument();
    expect(state.actions).toHaveLength(0);
    await user.clear(screen.getByRole("textbox", { name: /^Client/ }));
    await user.type(screen.getByRole("textbox", { name: /^Client/ }), "K1");
    await user.click(screen.getByRole("button", { name: "Save" }));
    const table = await screen.findByRole("table", { name: "Action plans" });
    expect(state.actions).toEqual([
      { clientId: "K1", action: "Call back", owner: "", due: "2026-03-15", status: "open" },
    ]);
    // The client's name beside its code.
    expect(within(table).getByText("K1 · Kappa")).toBeInTheDocument();
  });

  it("edits the owner and closes an action", async () => {
    const user = userEvent.setup();
    const { gateway, state } = createFakeGateway({
      actions: [{ clientId: "C1", action: "Visit", owner: "Ana", due: "2026-02-01", status: "open" }],
    });
    renderInPane(<ActionsView gateway={gateway} />);
    await user.click(await screen.findByRole("button", { name: "Edit “Visit” for C1" }));
    const owner = screen.getByRole("textbox", { name: "Owner" });
    await user.clear(owner);
    await user.type(owner, "Bob");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => {
      expect(state.actions[0].owner).toBe("Bob");
    });
    await user.click(await screen.findByRole("button", { name: "Close “Visit” for C1" }));
    await waitFor(() => {
      expect(state.actions[0].status).toBe("done");
    });
    expect(state.actions).toHaveLength(1);
  });

  it("shows the gateway's message in the rep's language when reading fails", async () => {
    const { gatewayError, gatewayErrorText } = await import("../../../src/excel/errors");
    const missing = gatewayError("tableMissing", { table: "Actions" });
    const { gateway } = createFakeGateway({
      failures: {
        readActions: missing,
      },
    });
    renderInPane(<ActionsView gateway={gateway} />, "fr");
    expect(await screen.findByText(gatewayErrorText(missing, "fr"))).toBeInTheDocument();
    expect(screen.getByText(/Le tableau « Actions » est introuvable/)).toBeInTheDocument();
  });
});
