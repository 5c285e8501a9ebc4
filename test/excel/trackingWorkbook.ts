/**
 * A plan workbook on the workbench whose tracking the three faces used to compute differently
 * (issue 17): a planned count typed as text, channel weights edited in the Channels table (one typed
 * as French text), a contact the rep pasted twice into the log; and the month's CRM export, with a
 * client named instead of coded, a new name and an inbound call.
 */
import { columnLetter } from "../../src/core/parse";
import * as schema from "../../src/core/workbook/schema";
import { toCsv } from "../../src/excel/csv";
import type { WorkbookGateway } from "../../src/excel/gateway.types";
import type { Workbench } from "../../src/workbench";
import { planWorkbook } from "./fixtures";

export const AS_OF = "2026-06-30";

const letter = (id: string): string =>
  columnLetter(schema.table("Clients").columns.findIndex((c) => c.id === id));

/** The month's CRM export (the update imports it). Segments cycle retain, develop, atRisk, maintain, prospect. */
export const MONTH_EXPORT = toCsv([
  ["Date", "Client", "Canal", "Note"],
  // C00001 (Fidéliser) far beyond its plan: a saturated top account.
  ...Array.from({ length: 14 }, (_, i) => [`2026-0${(i % 5) + 1}-1${i % 9}`, "C00001", "Visite", `v${i}`]),
  // C00004 (Entretenir) named, not coded; C00002 (Développer) by video.
  ["03/03/2026", "Client 4", "Visite terrain", "revue"],
  ["04/04/2026", "client 4", "visit", "suivi"],
  ...Array.from({ length: 6 }, (_, i) => [`1${i}/05/2026`, "C00002", "Visio", `w${i}`]),
  ["12/05/2026", "C00006", "Appel sortant", "relance"],
  // Not in the plan: a new name, counted as prospecting.
  ["20/05/2026", "Zeta SAS", "Visite", "découverte"],
  // Not a contact.
  ["21/05/2026", "C00003", "Appel entrant", "sav"],
]);

/** The plan workbook as it stands before the month's update (the log holds one contact twice). */
export async function trackingWorkbook(): Promise<{ wb: Workbench; gateway: WorkbookGateway }> {
  const { wb, gateway } = await planWorkbook(12, "fr");
  await wb.run(async (context) => {
    const clients = context.workbook.worksheets.getItem("Clients");
    // C00002's planned visits typed as text (the apostrophe keeps Excel from turning it into a number).
    clients.getRange(`${letter("planned.visit")}3`).values = [["'9"]];
    // Channels (Paramètres!D10): video weighs 0.4, typed as French text; a call 0.5.
    const settings = context.workbook.worksheets.getItem(schema.SHEET_NAMES.settings.fr);
    settings.getRange("F12:F13").values = [["'0,4"], [0.5]];
    const c = (id: string): number => schema.table("Contacts").columns.findIndex((col) => col.id === id);
    const row = (date: number, client: string, channel: string, note: string): (string | number)[] => {
      const r: (string | number)[] = schema.table("Contacts").columns.map(() => "");
      r[c("date")] = date;
      r[c("clientId")] = client;
      r[c("channel")] = channel;
      r[c("note")] = note;
      return r;
    };
    // The same contact twice (46083 = 2026-03-02): it happened once.
    context.workbook.tables
      .getItem("Contacts")
      .rows.add(undefined, [row(46083, "C00005", "visit", "Salon"), row(46083, "C00005", "visit", "salon ")]);
    await context.sync();
  });
  return { wb, gateway };
}
