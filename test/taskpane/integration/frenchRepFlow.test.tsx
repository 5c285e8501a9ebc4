/** @jest-environment jsdom */
/**
 * Issue 20, "the flow": a French rep on the workbench, through the pane's real gateway. Asserts on the
 * workbook's cells and on what the pane says, in French.
 */
import "../support/jsdomPolyfills";
import "@testing-library/jest-dom";
import { configure, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { STRATEGIC_SEGMENTS } from "../../../src/core/types";
import * as schema from "../../../src/core/workbook/schema";
import { createGateway } from "../../../src/excel/gateway";
import { loadCalendarEngine } from "../../../src/taskpane/engine/loadCalendarEngine";
import { App } from "../../../src/taskpane/shell/App";
import { createWorkbench } from "../../../src/workbench";
import { planWorkbook, repPortfolio } from "../../excel/fixtures";
import { renderInPane } from "../support/render";

// The pane computes while other suites run: wait up to 5 s for what a rep would see, not 1 s.
configure({ asyncUtilTimeout: 5000 });

const READ = { timeout: 5000 };

async function select(wb: ReturnType<typeof createWorkbench>, address: string): Promise<void> {
  await wb.run(async (context) => {
    context.workbook.worksheets.getItem("Portefeuille").getRange(address).select();
    await context.sync();
  });
}

describe("a French rep's flow on the workbench", () => {
  beforeAll(async () => {
    await loadCalendarEngine();
  });

  it("makes the plan workbook the way on from the rep's list, and writes French headers in their own sheet", async () => {
    const user = userEvent.setup();
    const wb = createWorkbench({ sheets: [{ name: "Portefeuille", values: repPortfolio(6) }] });
    // The pane opened in English (the gateway too), then the rep chose French.
    const gateway = createGateway(wb.run, { lang: "en" });
    await select(wb, "A1:G7");
    renderInPane(<App gateway={gateway} initialLanguage="en" />, "en");
    await user.selectOptions(screen.getByRole("combobox", { name: "Language" }), "fr");

    await user.click(screen.getByRole("button", { name: "Utiliser le tableau ou la sélection" }));
    await screen.findByText("Lu Portefeuille!A1:G7 : 6 clients.", {}, READ);
    // The rep's own list: Suivant waits for the plan workbook (or the explicit choice of the own sheet).
    expect(screen.getByRole("button", { name: "Suivant" })).toBeDisabled();
    expect(
      screen.getByRole("button", { name: "Créer un classeur de plan à partir de ce portefeuille" }),
    ).toBeEnabled();
    await user.click(screen.getByRole("checkbox", { name: /Écrire le plan dans ma feuille/ }));
    for (let i = 0; i < 5; i++) await user.click(screen.getByRole("button", { name: "Suivant" }));
    await user.click(screen.getByRole("button", { name: "Écrire le plan dans la feuille" }));
    await screen.findByText("6 lignes écrites.", {}, READ);

    const written = wb.sheet("Portefeuille").values;
    const added = written[0]?.slice(7).map(String);
    expect(added).toEqual(schema.planColumns().map((c) => c.fr));
    const labelsFr = new Set(STRATEGIC_SEGMENTS.map((s) => s.labelFr));
    const segments = written.slice(1).map((r) => String(r[7]));
    expect(segments.every((s) => labelsFr.has(s))).toBe(true);
  });

  it("stops a bad selection at step 1, naming the columns the rep wrote", async () => {
    const user = userEvent.setup();
    const wb = createWorkbench({ sheets: [{ name: "Portefeuille", values: repPortfolio(8) }] });
    const gateway = createGateway(wb.run);
    // Names only, without the header row: B5:B8.
    await select(wb, "B5:B8");
    renderInPane(<App gateway={gateway} initialLanguage="fr" />, "fr");
    await user.click(screen.getByRole("button", { name: "Utiliser le tableau ou la sélection" }));
    const message = await screen.findByText(/Votre sélection n'a pas de colonne/, {}, READ);
    expect(message).toHaveTextContent(
      "Votre sélection n'a pas de colonne « Code client » ou « Raison sociale » ni « CA N ». Ses colonnes : « Client 4 ».",
    );
    expect(screen.getByRole("button", { name: "Suivant" })).toBeDisabled();
    // No internal words: field ids, generated ids.
    const pane = screen.getByRole("region", { name: "Plan" });
    expect(pane).not.toHaveTextContent(/'id'|salesN|ROW-|identifiant généré/);
  });

  it("imports the month from a sheet of the workbook in three actions, once on a double click, and keeps the form across tabs", async () => {
    const user = userEvent.setup();
    const { wb, gateway } = await planWorkbook(10, "fr");
    // The rep pasted this month's CRM export in a sheet of their own.
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Export CRM novembre");
      sheet.getRange("A1:D4").values = [
        ["Date", "Client", "Canal", "Note"],
        ["2026-06-02", "C00001", "visit", "bilan"],
        ["2026-06-09", "C00002", "visit", "démo"],
        ["2026-06-16", "C00003", "call", "relance"],
      ];
      await context.sync();
    });
    const contactRows = (): number =>
      wb
        .sheet("Contacts")
        .values.slice(1)
        .filter((r) => r.some((v) => v !== "")).length;
    const contactsBefore = contactRows();
    renderInPane(<App gateway={gateway} initialLanguage="fr" />, "fr");

    // 1: the Suivi tab, 2: "a sheet of the workbook" (the export sheet is proposed), 3: import (a double click).
    await user.click(screen.getByRole("tab", { name: "Suivi" }));
    await user.click(await screen.findByRole("radio", { name: "D'une feuille du classeur" }));
    const sheet = screen.getByRole("combobox", { name: "Feuille" });
    await waitFor(() => {
      expect(sheet).toHaveDisplayValue("Export CRM novembre");
    });
    await user.dblClick(screen.getByRole("button", { name: "Importer et actualiser" }));
    expect(
      await screen.findByText(/^3 contacts ajoutés, 0 doublons ignorés\./, {}, READ),
    ).toBeInTheDocument();
    expect(contactRows()).toBe(contactsBefore + 3);

    // Another tab and back: the form and the message are as the rep left them.
    await user.click(screen.getByRole("tab", { name: "Plan" }));
    await user.click(screen.getByRole("tab", { name: "Suivi" }));
    expect(screen.getByRole("radio", { name: "D'une feuille du classeur" })).toBeChecked();
    expect(screen.getByRole("combobox", { name: "Feuille" })).toHaveDisplayValue("Export CRM novembre");
    expect(screen.getByText(/^3 contacts ajoutés, 0 doublons ignorés\./)).toBeInTheDocument();

    // One action plan per client and symptom, whatever the clicks and recomputations.
    const neglectedC3 = {
      name: "Créer un plan d'action pour C00003 (Clients en érosion délaissés)",
    };
    await user.dblClick(await screen.findByRole("button", neglectedC3));
    const actionRows = (): number =>
      wb
        .sheet("Actions")
        .values.slice(1)
        .filter((r) => r.includes("C00003")).length;
    await waitFor(() => {
      expect(screen.getByRole("button", neglectedC3)).toHaveTextContent("Plan d'action créé");
    });
    expect(actionRows()).toBe(1);
    await user.click(screen.getByRole("button", { name: "Recalculer les indicateurs" }));
    await waitFor(() => {
      expect(screen.getByRole("button", neglectedC3)).toBeDisabled();
    });
    expect(actionRows()).toBe(1);
  });
});
