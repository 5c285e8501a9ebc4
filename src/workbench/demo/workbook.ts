/** The demo rep's workbook as the workbench page opens it. */
import { createWorkbench } from "../workbench";
import type { Workbench } from "../workbench";
import { generateDemo } from "./index";
import { referenceDate } from "./period";
import type { DemoPeriod } from "./period";

export interface DemoWorkbench {
  workbench: Workbench;
  /** The weeks the CRM export covers (ending the Friday before the reference date). */
  period: DemoPeriod;
  /** A `today` the page could not read (French / English), or null. */
  problem: string | null;
}

/**
 * The demo rep's workbook: their own portfolio sheet and a pasted CRM export, whose contacts run to
 * the Friday before `today` (ISO; default, blank or unreadable: today, local time).
 */
export function demoWorkbench(seed = 1, today: string | null = null): DemoWorkbench {
  const reference = referenceDate(today);
  const demo = generateDemo(seed, { today: reference.today });
  const workbench = createWorkbench({
    sheets: [
      { name: "Portefeuille", values: demo.clients },
      { name: "Contacts export", values: demo.contacts },
    ],
  });
  const clients = workbench.model.sheets.at(0);
  const contacts = workbench.model.sheets.at(1);
  if (clients) {
    [62, 180, 62, 130, 68, 68, 68].forEach((w, c) => clients.columnWidths.set(c, w));
    for (const c of [4, 5, 6]) clients.columnFormats.set(c, { numberFormat: "#,##0 €" });
    clients.rowFormats.set(0, { bold: true, fill: "#F2F2F2" });
    clients.frozenRows = 1;
    // The rep has selected their portfolio, so "use the current selection" works at once.
    workbench.model.selection = {
      sheetId: clients.id,
      rect: { r0: 0, c0: 0, r1: demo.clients.length - 1, c1: 6 },
    };
  }
  if (contacts) {
    [80, 70, 220, 110, 170].forEach((w, c) => contacts.columnWidths.set(c, w));
    contacts.rowFormats.set(0, { bold: true, fill: "#F2F2F2" });
    contacts.frozenRows = 1;
  }
  return { workbench, period: demo.period, problem: reference.problem };
}
