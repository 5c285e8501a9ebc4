/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { loadCalendarEngine } from "../../../src/taskpane/engine/loadCalendarEngine";
import { PlanWizard } from "../../../src/taskpane/plan/PlanWizard";
import { createFakeGateway } from "../support/fakeGateway";
import { renderInPane } from "../support/render";

describe("custom segmentation rules in the wizard", () => {
  beforeAll(async () => {
    await loadCalendarEngine();
  });

  it("applies rules typed by the rep to the live preview, and refuses a bad line without losing the last good rules", async () => {
    const user = userEvent.setup();
    const { gateway } = createFakeGateway();
    renderInPane(<PlanWizard gateway={gateway} />);
    await user.click(screen.getByRole("button", { name: "Use the current table or selection" }));
    await screen.findByText("Read Sheet1!A1:Z6: 5 clients.");
    await user.click(screen.getByRole("checkbox", { name: /in my own sheet/ }));
    await user.click(screen.getByRole("button", { name: "Next" }));

    await user.click(screen.getByRole("radio", { name: "Custom rules" }));
    const rules = screen.getByRole("textbox", { name: /Rules, one per line/ });
    expect(screen.getByText("4 rules applied.")).toBeInTheDocument();
    const preview = (): HTMLElement => screen.getByRole("table", { name: "Segments preview" });
    expect(within(preview()).getByRole("row", { name: /Prospect/ })).toHaveTextContent("1");

    // Everything with sales of 50,000 or more is Retain; the rest falls back to Maintain.
    fireEvent.change(rules, { target: { value: "retain: salesN >= 50000" } });
    expect(await screen.findByText("1 rules applied.")).toBeInTheDocument();
    expect(within(preview()).getByRole("row", { name: /Retain/ })).toHaveTextContent(/Retain\s*2/);
    expect(within(preview()).getByRole("row", { name: /Maintain/ })).toHaveTextContent(/Maintain\s*3/);

    fireEvent.change(rules, { target: { value: "retain: salesN >= 50000\nnowhere: salesN > 1" } });
    expect(await screen.findByText("Line 2: unknown segment 'nowhere'")).toBeInTheDocument();
    // The preview keeps the last rules that checked.
    expect(within(preview()).getByRole("row", { name: /Retain/ })).toHaveTextContent(/Retain\s*2/);

    await user.selectOptions(screen.getByRole("combobox", { name: "Other clients go to" }), "develop");
    expect(within(preview()).getByRole("row", { name: /Develop/ })).toHaveTextContent(/Develop\s*3/);
  });

  it("a rule on the trend compares the same months when CA N covers fewer than 12 (the months field shows for custom rules)", async () => {
    const user = userEvent.setup();
    const { gateway } = createFakeGateway();
    renderInPane(<PlanWizard gateway={gateway} />);
    await user.click(screen.getByRole("button", { name: "Use the current table or selection" }));
    await screen.findByText("Read Sheet1!A1:Z6: 5 clients.", {}, { timeout: 5000 });
    await user.click(screen.getByRole("checkbox", { name: /in my own sheet/ }));
    await user.click(screen.getByRole("button", { name: "Next" }));
    await user.click(screen.getByRole("radio", { name: "Custom rules" }));
    // Beta: 60,000 against 80,000 is −25 % over a full year, 0 % over 9 months (80,000 × 9 / 12).
    fireEvent.change(screen.getByRole("textbox", { name: /Rules, one per line/ }), {
      target: { value: "atRisk: trend <= -0.1" },
    });
    expect(await screen.findByText("1 rules applied.")).toBeInTheDocument();
    const preview = (): HTMLElement => screen.getByRole("table", { name: "Segments preview" });
    expect(within(preview()).getByRole("row", { name: /At risk/ })).toHaveTextContent(/At risk\s*1/);
    const months = screen.getByRole("spinbutton", { name: /Months covered by sales N/ });
    await user.clear(months);
    await user.type(months, "9");
    await user.tab();
    expect(within(preview()).queryByRole("row", { name: /At risk\s*1/ })).not.toBeInTheDocument();
  });
});
