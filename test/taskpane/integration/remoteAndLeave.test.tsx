/** @jest-environment jsdom */
/**
 * Issue 18 on the workbench, as a rep does it in French: the capacity step's remote day and dated
 * August leave go to the plan workbook's Settings with the plan; the Track tab then skips the leave in
 * the elapsed share and gives the calls their verdict against the remote time (the core as oracle).
 */
import "../support/jsdomPolyfills";
import "@testing-library/jest-dom";
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as tracking from "../../../src/core/tracking";
import { toCsv } from "../../../src/excel/csv";
import { createGateway } from "../../../src/excel/gateway";
import { loadCalendarEngine } from "../../../src/taskpane/engine/loadCalendarEngine";
import { App } from "../../../src/taskpane/shell/App";
import { TrackView } from "../../../src/taskpane/track/TrackView";
import { createWorkbench } from "../../../src/workbench";
import { repPortfolio } from "../../excel/fixtures";
import { renderInPane } from "../support/render";

const AS_OF = "2026-09-30";

describe("remote share and dated leave, from the capacity step to the Track tab, on the workbench", () => {
  beforeAll(async () => {
    await loadCalendarEngine();
  });

  it("records them in Settings with the plan, and tracking reads them back", async () => {
    const user = userEvent.setup();
    const wb = createWorkbench({ sheets: [{ name: "Portefeuille", values: repPortfolio(12) }] });
    const gateway = createGateway(wb.run);
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
    for (let i = 0; i < 3; i++) await user.click(screen.getByRole("button", { name: "Suivant" }));

    const year = screen.getByRole("spinbutton", { name: "Année" });
    await user.clear(year);
    await user.type(year, "2026");
    const remote = screen.getByRole("spinbutton", {
      name: "Jours à distance par semaine (visio, appels, digital)",
    });
    await user.clear(remote);
    await user.type(remote, "1");
    fireEvent.change(screen.getByRole("textbox", { name: "Congés datés" }), {
      target: { value: "du 03/08/2026 au 21/08/2026" },
    });
    const pools = screen.getByRole("list", { name: "Temps terrain et à distance" });
    // 252 − 15 dated leave − 20 non-field = 217 available; one day a week (20 %) → 43 remote, 174 field.
    await waitFor(
      () => {
        expect(pools).toHaveTextContent(/Terrain : 174 jours → 696 visites/);
      },
      { timeout: 5000 },
    );
    for (let i = 0; i < 2; i++) await user.click(screen.getByRole("button", { name: "Suivant" }));
    await user.click(screen.getByRole("button", { name: "Écrire le plan dans la feuille" }));
    await screen.findByText("12 lignes écrites.", {}, { timeout: 5000 });

    // The workbook's Settings hold them (the named cells every face reads).
    const settings = await gateway.readPlanSettings();
    expect(settings).toMatchObject({
      periodStart: "2026-01-01",
      remoteShare: 0.2,
      leavePeriods: [{ start: "2026-08-03", end: "2026-08-21" }],
    });
    const named = (name: string): unknown => {
      const sheet = wb.sheet("Paramètres").values;
      const label = sheet.findIndex((r) => r[0] === name);
      return label < 0 ? undefined : sheet[label]?.[1];
    };
    expect(named("Congés datés")).toBe("2026-08-03:2026-08-21");
    expect(named("Part du temps à distance")).toBe(0.2);
    cleanup();

    // The monthly update: a CRM export with a visit and a call, as of the end of September.
    renderInPane(<TrackView gateway={gateway} initialAsOf={AS_OF} />, "fr");
    await user.click(await screen.findByRole("textbox", { name: /Export du CRM/ }));
    await user.paste(
      toCsv([
        ["Date", "Client", "Canal", "Note"],
        ["2026-03-02", "C00001", "visit", "v"],
        ["2026-03-03", "C00001", "call", "c"],
      ]),
    );
    await user.click(screen.getByRole("button", { name: "Importer et actualiser" }));
    const frame = tracking.trackingFrame(settings, AS_OF);
    const elapsed =
      frame.calendar.workingDaysBetween("2026-01-01", AS_OF) /
      frame.calendar.workingDaysBetween("2026-01-01", "2026-12-31");
    const shown = Math.round(elapsed * 100);
    // Without the leave skipped it would be 75 % (188 of 252 working days).
    expect(shown).toBe(73);
    await waitFor(
      () => {
        expect(screen.getByRole("group", { name: "Rythme" })).toHaveTextContent(
          new RegExp(`\\(${shown}\\s?% de l'année écoulée\\)`),
        );
      },
      { timeout: 5000 },
    );
    const lines = screen.getByRole("list", { name: "Rattrapage par canal" });
    expect(lines).toHaveTextContent(
      /Appel sortant : \d+ restants, [\d,]+ par jour ouvré pour rattraper ; le temps à distance en tient [\d,]+ par jour\./,
    );
    expect(lines).not.toHaveTextContent(/ne pourront pas/);
  }, 60_000);
});
