/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DEFAULT_CHANNELS } from "../../../src/core/types";
import { gatewayError } from "../../../src/excel/errors";
import { loadCalendarEngine } from "../../../src/taskpane/engine/loadCalendarEngine";
import { PlanWizard } from "../../../src/taskpane/plan/PlanWizard";
import { DEMO_GRID, createFakeGateway, sourceFrom } from "../support/fakeGateway";
import { pinClock } from "../support/clock";
import { renderInPane } from "../support/render";

type User = ReturnType<typeof userEvent.setup>;

async function next(user: User): Promise<void> {
  await user.click(screen.getByRole("button", { name: "Next" }));
}

/** A wizard over the demo's 5 clients, opened at the Capacity step. */
async function atCapacityStep(): Promise<User> {
  const user = userEvent.setup();
  const { gateway } = createFakeGateway();
  renderInPane(<PlanWizard gateway={gateway} />);
  await user.click(screen.getByRole("button", { name: "Use the current table or selection" }));
  await screen.findByText(/5 clients/, {}, { timeout: 5000 });
  await user.click(screen.getByRole("checkbox", { name: /in my own sheet/ }));
  for (let step = 0; step < 3; step++) await next(user);
  return user;
}

describe("PlanWizard", () => {
  // The holiday calendar is a lazily loaded chunk; load it once so the first test does not time out on it.
  beforeAll(async () => {
    await loadCalendarEngine();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it("walks a rep from the selection to a written plan, and undoes the write", async () => {
    const user = userEvent.setup();
    const { gateway, state } = createFakeGateway();
    renderInPane(<PlanWizard gateway={gateway} />);
    expect(screen.getByRole("button", { name: "Next" })).toBeDisabled();

    await user.click(screen.getByRole("button", { name: "Use the current table or selection" }));
    expect(
      await screen.findByText("Read Sheet1!A1:Z6: 5 clients.", {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole("checkbox", { name: /in my own sheet/ }));
    expect(screen.getByRole("combobox", { name: "Column for Client id" })).toHaveDisplayValue("Code client");
    expect(screen.getByRole("combobox", { name: "Column for Potential" })).toHaveDisplayValue("Potentiel");
    expect(screen.getByText("No issue found in the rows.")).toBeInTheDocument();
    await next(user);

    expect(screen.getByRole("heading", { name: "Step 2 of 6: Segmentation" })).toBeInTheDocument();
    expect(screen.getByRole("list", { name: "Your choices so far" })).toHaveTextContent("5 clients");
    const preview = screen.getByRole("table", { name: "Segments preview" });
    expect(within(preview).getByRole("row", { name: /Prospect/ })).toHaveTextContent("1");
    expect(
      screen.getByRole("img", { name: "Share of clients, sales and potential per segment" }),
    ).toBeInTheDocument();
    await next(user);

    expect(screen.getByRole("heading", { name: "Step 3 of 6: Norms and channels" })).toBeInTheDocument();
    const retainVisits = screen.getByRole("spinbutton", { name: "Retain, Field visit" });
    await user.clear(retainVisits);
    await user.type(retainVisits, "20");
    await waitFor(() => {
      expect(screen.getByRole("row", { name: "Total asked by the norms" })).toHaveTextContent(
        /^Total asked by the norms/,
      );
    });
    await next(user);

    expect(screen.getByRole("heading", { name: "Step 4 of 6: Capacity" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent(
      /Your norms ask for \d+ visits; you can make [\d,]+\./,
    );
    expect(screen.getByRole("list", { name: "How the capacity is computed" })).toBeInTheDocument();
    await next(user);

    expect(screen.getByRole("heading", { name: "Step 5 of 6: Allocation" })).toBeInTheDocument();
    expect(screen.getByRole("table", { name: "Distribution per segment" })).toBeInTheDocument();
    await user.selectOptions(
      screen.getByRole("combobox", { name: "Why did a client get what it got?" }),
      "C1",
    );
    expect(screen.getByRole("region", { name: "Explanation for C1" })).toHaveTextContent(/norm .* planned/);
    await next(user);

    expect(screen.getByRole("heading", { name: "Step 6 of 6: Write" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Write the plan to the sheet" }));
    expect(await screen.findByText("5 rows written.")).toBeInTheDocument();
    expect(state.written[0].map((r) => r.clientId)).toEqual(["C1", "C2", "C3", "C4", "C5"]);
    const c1 = state.written[0].find((r) => r.clientId === "C1")!;
    // Visit-equivalents are the planned contacts times each channel's weight (the core's table).
    const weighted = DEFAULT_CHANNELS.reduce((sum, ch) => sum + (c1.planned[ch.id] ?? 0) * ch.weight, 0);
    expect(weighted).toBeGreaterThan(0);
    expect(c1.weightedPlanned).toBeCloseTo(weighted, 9);

    await user.click(screen.getByRole("button", { name: "Undo the last write" }));
    expect(await screen.findByText("The last write was undone.")).toBeInTheDocument();
    expect(state.written).toHaveLength(0);
  });

  it("shows the gateway's error in French when the source cannot be read", async () => {
    const user = userEvent.setup();
    const { gateway } = createFakeGateway({
      failures: {
        readSource: gatewayError("emptySource"),
      },
    });
    renderInPane(<PlanWizard gateway={gateway} />, "fr");
    await user.click(screen.getByRole("button", { name: "Utiliser le tableau ou la sélection" }));
    expect(await screen.findByText(/^La sélection est vide ou n'a qu'une ligne/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Suivant" })).toBeDisabled();
  });

  it("shows both pools, the unfunded remote days and the shortfall choices in French", async () => {
    // In June the wizard plans this year (2026: 207 field days with the default leave).
    pinClock("2026-06-15T09:00:00");
    const user = userEvent.setup();
    const { gateway } = createFakeGateway();
    renderInPane(<PlanWizard gateway={gateway} />, "fr");
    await user.click(screen.getByRole("button", { name: "Utiliser le tableau ou la sélection" }));
    await screen.findByText(/5 clients/, {}, { timeout: 5000 });
    await user.click(screen.getByRole("checkbox", { name: /dans ma feuille/ }));
    for (let i = 0; i < 3; i++) await user.click(screen.getByRole("button", { name: "Suivant" }));
    const pools = await screen.findByRole("list", { name: "Temps terrain et à distance" });
    // No remote time by default: the calls of the norms are unfunded, the field days untouched.
    await waitFor(() => {
      expect(pools).toHaveTextContent(/Terrain : 207 jours → 828 visites/);
    });
    await waitFor(() => {
      expect(pools).toHaveTextContent(
        /Pas de temps à distance : .* demandent \d+ jours à distance, non planifiés\./,
      );
    });
    const remote = screen.getByRole("spinbutton", {
      name: "Jours à distance par semaine (visio, appels, digital)",
    });
    await user.clear(remote);
    await user.type(remote, "1");
    await waitFor(() => {
      expect(pools).toHaveTextContent(/Terrain : 166 jours → 664 visites/);
    });
    expect(pools).toHaveTextContent(/À distance : 41 jours → 123 équivalents visites/);
    // Scarce visits, so the capacity binds.
    const perDay = screen.getByRole("spinbutton", { name: "Visites par jour terrain" });
    await user.clear(perDay);
    await user.type(perDay, "1");
    const leave = screen.getByRole("spinbutton", { name: "Congés (jours ouvrés)" });
    await user.clear(leave);
    await user.type(leave, "200");
    await user.click(screen.getByRole("button", { name: "Suivant" }));
    await user.click(
      screen.getByRole("radio", { name: "Par priorité : Fidéliser, Érosion, Développer, puis Entretenir" }),
    );
    await user.click(
      screen.getByRole("checkbox", { name: "Garder un contact par an pour chaque client actif" }),
    );
    await waitFor(() => {
      expect(screen.getByRole("status")).toHaveTextContent("Le capital contraint le plan.");
    });
    expect(
      screen.getByText(
        /Visite terrain : les normes demandent \d+, le capital en permet \d+ \(il en manque \d+\)\./,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole("list", { name: "Remarques" })).toHaveTextContent(/servis par priorité/);
  });

  it("lists row issues with a link that selects the offending cell", async () => {
    const user = userEvent.setup();
    const { gateway, state } = createFakeGateway({
      source: sourceFrom([
        ["Code client", "Raison sociale", "CA N", "Potentiel"],
        ["C1", "Alpha", "n/a", 100],
        ["C1", "Beta", 50, 80],
      ]),
    });
    renderInPane(<PlanWizard gateway={gateway} />);
    await user.click(screen.getByRole("button", { name: "Use the current table or selection" }));
    const issues = await screen.findByRole("region", { name: "Row issues" });
    expect(issues).toHaveTextContent("row 2, column 'CA N'");
    await user.click(within(issues).getByRole("button", { name: "Go to cell C2" }));
    expect(state.selected).toEqual([{ sheet: "Sheet1", address: "C2" }]);
  });

  it("lets the rep remap a column, which re-reads the clients", async () => {
    const user = userEvent.setup();
    const { gateway } = createFakeGateway();
    renderInPane(<PlanWizard gateway={gateway} />);
    await user.click(screen.getByRole("button", { name: "Use the current table or selection" }));
    const potential = await screen.findByRole("combobox", { name: "Column for Potential" });
    await user.click(screen.getByRole("checkbox", { name: /in my own sheet/ }));
    await user.selectOptions(potential, "(not used)");
    expect(potential).toHaveDisplayValue("(not used)");
    await next(user);
    const preview = screen.getByRole("table", { name: "Segments preview" });
    // Without a potential every client is decided by rule 4 (Retain / Maintain) or is a prospect/at risk.
    expect(within(preview).getByRole("row", { name: /Develop/ })).toHaveTextContent(/Develop\s*0/);
  });

  it("moves a threshold and the preview follows; a forced segment sticks", async () => {
    const user = userEvent.setup();
    const { gateway } = createFakeGateway();
    renderInPane(<PlanWizard gateway={gateway} />);
    await user.click(screen.getByRole("button", { name: "Use the current table or selection" }));
    await screen.findByText(/5 clients/, {}, { timeout: 5000 });
    await user.click(screen.getByRole("checkbox", { name: /in my own sheet/ }));
    await next(user);
    const preview = screen.getByRole("table", { name: "Segments preview" });
    const atRisk = (): string => within(preview).getByRole("row", { name: /At risk/ }).textContent;
    expect(atRisk()).toMatch(/At risk\s*1/); // C2: 80k → 60k = −25 %
    const trend = screen.getByRole("slider", { name: /At risk when the sales trend is at most/ });
    // jsdom cannot drive a range input by keyboard; a change event is what the browser sends.
    fireEvent.change(trend, { target: { value: "-50" } }); // −50 %: C2 is no longer at risk
    await waitFor(() => {
      expect(atRisk()).toMatch(/At risk\s*0/);
    });
    await user.selectOptions(screen.getByRole("combobox", { name: "Client" }), "C5");
    await user.selectOptions(screen.getByRole("combobox", { name: "Force segment" }), "At risk");
    await user.click(screen.getByRole("button", { name: "Force" }));
    await waitFor(() => {
      expect(atRisk()).toMatch(/At risk\s*1/);
    });
    expect(screen.getByText(/C5 forced to At risk/)).toBeInTheDocument();
  });

  it("explains a capacity input error and blocks Next", async () => {
    const user = await atCapacityStep();
    const country = screen.getByRole("textbox", { name: "Country" });
    await user.clear(country);
    await user.type(country, "ZZ");
    expect(await screen.findByText(/Unknown calendar/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Next" })).toBeDisabled();
  });

  it("takes a whole plan year only", async () => {
    const user = await atCapacityStep();
    const year = screen.getByRole("spinbutton", { name: "Year" });
    await user.clear(year);
    await user.type(year, "2027.5");
    expect(await screen.findByText("Enter a whole number.")).toBeInTheDocument();
    await user.clear(year);
    await user.type(year, "2027");
    expect(screen.queryByText("Enter a whole number.")).not.toBeInTheDocument();
  });

  it("cancels a long write", async () => {
    const user = userEvent.setup();
    let release: () => void = () => undefined;
    const { gateway, state } = createFakeGateway({ writeGate: new Promise<void>((r) => (release = r)) });
    renderInPane(<PlanWizard gateway={gateway} />);
    await user.click(screen.getByRole("button", { name: "Use the current table or selection" }));
    await screen.findByText(/5 clients/, {}, { timeout: 5000 });
    await user.click(screen.getByRole("checkbox", { name: /in my own sheet/ }));
    for (let i = 0; i < 5; i++) await next(user);
    await user.click(screen.getByRole("button", { name: "Write the plan to the sheet" }));
    expect(screen.getByRole("progressbar")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    release();
    expect(await screen.findByText(/Writing cancelled/)).toBeInTheDocument();
    expect(state.written).toHaveLength(0);
  });
});

describe("PlanWizard source by table name", () => {
  it("reads a named table", async () => {
    const user = userEvent.setup();
    const { gateway } = createFakeGateway({ tables: { MesClients: sourceFrom(DEMO_GRID, "Portefeuille") } });
    const spy = jest.spyOn(gateway, "readSource");
    renderInPane(<PlanWizard gateway={gateway} />);
    await user.type(screen.getByRole("textbox", { name: "…or a table by name" }), "MesClients");
    await user.click(screen.getByRole("button", { name: "Use this table" }));
    expect(await screen.findByText(/5 clients/)).toBeInTheDocument();
    expect(spy).toHaveBeenCalledWith({ table: "MesClients" });
  });
});

describe("PlanWizard error states", () => {
  beforeAll(async () => {
    await loadCalendarEngine();
  });

  async function openAt(
    steps: number,
    failures = {},
  ): Promise<{ user: User; state: ReturnType<typeof createFakeGateway>["state"] }> {
    const user = userEvent.setup();
    const { gateway, state } = createFakeGateway({ failures });
    renderInPane(<PlanWizard gateway={gateway} />);
    await user.click(screen.getByRole("button", { name: "Use the current table or selection" }));
    await screen.findByText(/5 clients/, {}, { timeout: 5000 });
    await user.click(screen.getByRole("checkbox", { name: /in my own sheet/ }));
    for (let i = 0; i < steps; i++) await next(user);
    return { user, state };
  }

  it("names a bad channel weight in the norms step", async () => {
    await openAt(2);
    const weight = screen.getByRole("spinbutton", { name: "Weight of Video call" });
    fireEvent.change(weight, { target: { value: "-1" } });
    expect(await screen.findByText(/channel 'video' has weight -1/)).toBeInTheDocument();
  });

  it("shows why a write failed, in the rep's language, and leaves the plan to retry", async () => {
    const { user, state } = await openAt(5, {
      writePlan: gatewayError("sheetProtected", { sheet: "Clients" }),
    });
    await user.click(screen.getByRole("button", { name: "Write the plan to the sheet" }));
    expect(
      await screen.findByText(
        'Sheet "Clients" is protected: unprotect it and try again. Nothing was changed.',
      ),
    ).toBeInTheDocument();
    expect(state.written).toHaveLength(0);
    await user.click(screen.getByRole("button", { name: "Write the plan to the sheet" }));
    expect(await screen.findByText("5 rows written.")).toBeInTheDocument();
  });

  it("sums the visits the norms ask for, live", async () => {
    const { user } = await openAt(2);
    const demand = (): string => screen.getByRole("row", { name: "Total asked by the norms" }).textContent;
    const before = demand();
    const retain = screen.getByRole("spinbutton", { name: "Retain, Field visit" });
    await user.clear(retain);
    await user.type(retain, "30");
    await waitFor(() => {
      expect(demand()).not.toBe(before);
    });
  });
});

describe("PlanWizard optimized allocation", () => {
  beforeAll(async () => {
    await loadCalendarEngine();
  });

  it("switches to the optimized method and says what one more visit day is worth", async () => {
    const user = userEvent.setup();
    const { gateway } = createFakeGateway();
    renderInPane(<PlanWizard gateway={gateway} />);
    await user.click(screen.getByRole("button", { name: "Use the current table or selection" }));
    await screen.findByText(/5 clients/, {}, { timeout: 5000 });
    await user.click(screen.getByRole("checkbox", { name: /in my own sheet/ }));
    for (let i = 0; i < 3; i++) await next(user);
    // Scarce capacity, so it binds: one visit a day, most of the year on leave.
    const perDay = screen.getByRole("spinbutton", { name: "Visits per field day" });
    await user.clear(perDay);
    await user.type(perDay, "1");
    const leave = screen.getByRole("spinbutton", { name: "Leave (working days)" });
    await user.clear(leave);
    await user.type(leave, "200");
    await next(user);
    await user.click(screen.getByRole("radio", { name: "Optimized (response curves)" }));
    await waitFor(() => {
      expect(screen.getByRole("status")).toHaveTextContent("The capacity constrains the plan.");
    });
    expect(
      screen.getByText(/One more visit is worth [\d,.]+; one more field day is worth [\d,.]+\./),
    ).toBeInTheDocument();
    expect(screen.getByRole("table", { name: "Distribution per segment" })).toBeInTheDocument();
  });
});
