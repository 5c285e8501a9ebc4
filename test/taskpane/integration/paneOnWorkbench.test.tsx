/** @jest-environment jsdom */
import "../support/jsdomPolyfills";
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as schema from "../../../src/core/workbook/schema";
import { createGateway } from "../../../src/excel/gateway";
import { createWorkbench } from "../../../src/workbench";
import { loadCalendarEngine } from "../../../src/taskpane/engine/loadCalendarEngine";
import { planYear } from "../../../src/taskpane/plan/usePlanWizard";
import { App } from "../../../src/taskpane/shell/App";
import { toCsv } from "../../../src/excel/csv";
import { TrackView } from "../../../src/taskpane/track/TrackView";
import { planWorkbook, repPortfolio } from "../../excel/fixtures";
import { renderInPane } from "../support/render";

/** The pane on the real gateway over the workbench: asserts on the workbook's cells, not just the screen. */
describe("task pane on the workbench", () => {
  beforeAll(async () => {
    await loadCalendarEngine();
  });

  it("builds a plan from a rep's table, writes it into the sheet and undoes it", async () => {
    const user = userEvent.setup();
    const wb = createWorkbench({
      sheets: [
        {
          name: "Portefeuille",
          values: repPortfolio(12),
          tables: [{ name: "MesClients", address: "A1:G13" }],
        },
      ],
    });
    const gateway = createGateway(wb.run);
    const before = wb.sheet("Portefeuille").values.map((r) => [...r]);
    // The rep selects their table with its header row, as the Source step asks.
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Portefeuille").getRange("A1:G13").select();
      await context.sync();
    });
    renderInPane(<App gateway={gateway} initialLanguage="fr" />, "fr");

    await user.click(screen.getByRole("button", { name: "Utiliser le tableau ou la sélection" }));
    expect(await screen.findByText(/12 clients/, {}, { timeout: 5000 })).toBeInTheDocument();
    await user.click(screen.getByRole("checkbox", { name: /dans ma feuille/ }));
    for (let i = 0; i < 5; i++) await user.click(screen.getByRole("button", { name: "Suivant" }));
    await user.click(screen.getByRole("button", { name: "Écrire le plan dans la feuille" }));
    expect(await screen.findByText("12 lignes écrites.", {}, { timeout: 5000 })).toBeInTheDocument();

    const after = wb.sheet("Portefeuille").values;
    const header = after[0].map(String);
    const segmentColumn = header.indexOf("Segment");
    expect(segmentColumn).toBeGreaterThanOrEqual(7); // at the right of the rep's own columns
    const segments = new Set(after.slice(1, 13).map((r) => String(r[segmentColumn])));
    expect(segments.size).toBeGreaterThan(0);
    for (const s of segments)
      expect([
        "retain",
        "develop",
        "atRisk",
        "maintain",
        "prospect",
        "Fidéliser",
        "Développer",
        "Érosion",
        "Entretenir",
        "Conquérir",
      ]).toContain(s);
    // The rep's columns are untouched.
    expect(after.map((r) => r.slice(0, 7))).toEqual(before.map((r) => r.slice(0, 7)));

    await user.click(screen.getByRole("button", { name: "Annuler la dernière écriture" }));
    expect(await screen.findByText("La dernière écriture a été annulée.")).toBeInTheDocument();
    await waitFor(() => {
      expect(wb.sheet("Portefeuille").values.map((r) => r.slice(0, 7))).toEqual(
        before.map((r) => r.slice(0, 7)),
      );
    });
  });

  it("makes a plan workbook of the rep's list, writes the plan and its settings there, and undoes both", async () => {
    const user = userEvent.setup();
    const wb = createWorkbench({ sheets: [{ name: "Portefeuille", values: repPortfolio(12) }] });
    const gateway = createGateway(wb.run);
    const own = wb.sheet("Portefeuille").values.map((r) => [...r]);
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Portefeuille").getRange("A1:G13").select();
      await context.sync();
    });
    renderInPane(<App gateway={gateway} initialLanguage="fr" />, "fr");
    await user.click(screen.getByRole("button", { name: "Utiliser le tableau ou la sélection" }));
    await screen.findByText("Lu Portefeuille!A1:G13 : 12 clients.", {}, { timeout: 5000 });
    await user.click(
      screen.getByRole("button", { name: "Créer un classeur de plan à partir de ce portefeuille" }),
    );
    await screen.findByText(/^Lu Clients!A1:[A-Z]+13 : 12 clients\.$/, {}, { timeout: 5000 });
    const clients = wb.sheet("Clients").values;
    expect(clients.slice(1).map((r) => r[0])).toEqual(own.slice(1).map((r) => r[0]));
    // The rep's "Mon commentaire" column came along, at the right of Cadence's columns.
    expect(clients[0]).toContain("Mon commentaire");
    expect(clients[12]).toContain("note 12");

    for (let i = 0; i < 5; i++) await user.click(screen.getByRole("button", { name: "Suivant" }));
    const settingsBefore = wb.sheet("Paramètres").values.map((r) => [...r]);
    await user.click(screen.getByRole("button", { name: "Écrire le plan dans la feuille" }));
    await screen.findByText("12 lignes écrites.", {}, { timeout: 5000 });
    const year = planYear(new Date());
    expect(await gateway.readPlanSettings()).toMatchObject({
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
      country: "FR",
    });
    const segment = wb.sheet("Clients").values[0]?.indexOf("Segment") ?? -1;
    expect(
      wb
        .sheet("Clients")
        .values.slice(1)
        .every((r) => r[segment] !== ""),
    ).toBe(true);
    expect(wb.sheet("Portefeuille").values).toEqual(own);

    await user.click(screen.getByRole("button", { name: "Annuler la dernière écriture" }));
    await screen.findByText("La dernière écriture a été annulée.");
    expect(wb.sheet("Paramètres").values).toEqual(settingsBefore);
    expect(wb.sheet("Clients").values).toEqual(clients);
  });

  it("creates a plan workbook, then keeps action plans in its Actions table", async () => {
    const user = userEvent.setup();
    const wb = createWorkbench();
    const gateway = createGateway(wb.run);
    renderInPane(<App gateway={gateway} initialLanguage="en" />);
    await user.click(screen.getByRole("button", { name: "Create a new plan workbook" }));
    await waitFor(() => {
      expect(wb.snapshot().sheets.map((s) => s.name)).toContain("Actions");
    });
    // A client of the plan: action plans are for the plan's clients only.
    await wb.run(async (context) => {
      const row = schema
        .table("Clients")
        .columns.map((c) =>
          c.id === "id" ? "C00001" : c.id === "name" ? "Client 1" : c.id === "salesN" ? 1000 : "",
        );
      context.workbook.tables.getItem("Clients").rows.add(undefined, [row]);
      await context.sync();
    });
    await user.click(screen.getByRole("tab", { name: "Actions" }));
    await user.click(await screen.findByRole("button", { name: "New action plan" }));
    await user.type(screen.getByRole("textbox", { name: /^Client/ }), "C00001");
    await user.type(screen.getByRole("textbox", { name: /^Action/ }), "Call the buyer");
    fireEvent.change(screen.getByLabelText(/^Due/), { target: { value: "2026-12-15" } });
    await user.click(screen.getByRole("button", { name: "Save" }));
    const table = await screen.findByRole("table", { name: "Action plans" });
    expect(within(table).getByText("Call the buyer")).toBeInTheDocument();
    const actions = wb.sheet("Actions").values;
    expect(actions.some((r) => r.includes("C00001") && r.includes("Call the buyer"))).toBe(true);
  });
});

describe("monthly update on the workbench", () => {
  beforeAll(async () => {
    await loadCalendarEngine();
  });

  it("goes from a CRM export to refreshed KPIs and symptoms in three actions", async () => {
    const user = userEvent.setup();
    const { wb, gateway } = await planWorkbook(10, "fr");
    renderInPane(<TrackView gateway={gateway} initialAsOf="2026-06-30" />, "fr");
    await screen.findByRole("group", { name: "Couverture des clients" });
    const csv = toCsv([
      ["Date", "Client", "Canal", "Note"],
      ...Array.from({ length: 14 }, (_, i) => [`2026-0${(i % 5) + 1}-1${i % 9}`, "C00001", "visit", `v${i}`]),
      ["2026-05-04", "C00002", "visit", "d"],
    ]);
    // 1: choose the paste box, 2: paste the export, 3: import and refresh.
    await user.click(screen.getByRole("textbox", { name: /Export du CRM/ }));
    await user.paste(csv);
    await user.click(screen.getByRole("button", { name: "Importer et actualiser" }));
    await waitFor(
      () => {
        expect(screen.getByRole("group", { name: "Couverture des clients" })).toHaveTextContent(/20\s?%/);
      },
      { timeout: 5000 },
    );
    expect(wb.sheet("Contacts").values.length).toBeGreaterThan(15);
    const saturated = screen.getByRole("region", { name: "Grands comptes saturés" });
    expect(saturated).toHaveTextContent("C00001");
  });
});
