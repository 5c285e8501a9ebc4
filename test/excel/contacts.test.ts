import * as schema from "../../src/core/workbook/schema";
import { toCsv } from "../../src/excel/csv";
import type { Workbench } from "../../src/workbench";
import { parseAddress } from "../../src/excel/a1";
import { planWorkbook } from "./fixtures";

/** Body rows of a table (the sheet's used range also counts formatted cells below it). */
const bodyRows = (wb: Workbench, name: string): number => {
  const rect = parseAddress(wb.snapshot().tables.find((t) => t.name === name)!.address);
  return rect.r1 - rect.r0;
};

const crmExport = (n: number): string[][] => [
  ["Date", "Client", "Canal", "Note"],
  ...Array.from({ length: n }, (_, i) => [
    `0${(i % 9) + 1}/03/2026`,
    `C${String((i % 10) + 1).padStart(5, "0")}`,
    i % 2 === 0 ? "Visite" : "Appel",
    `n${i}`,
  ]),
];

describe("importContacts", () => {
  it("appends CSV contacts without duplicates, keeps new names, lists unreadable rows in a sheet, and undo removes them", async () => {
    const { wb, gateway } = await planWorkbook(10);
    const before = JSON.stringify(wb.sheet("Contacts").values);
    const rows = [
      ...crmExport(6),
      ["32/13/2026", "C00001", "Visite", "bad date"],
      ["05/03/2026", "INCONNU", "Visite", "x"],
      ["05/03/2026", "C00002", "Visite", "n1"],
    ];
    const result = await gateway.importContacts({ csv: toCsv(rows, ";"), sourceName: "crm.csv" });
    // INCONNU is not in the plan: a new name, kept as a prospecting contact and listed.
    expect(result.appended).toBe(8);
    expect(result.newNames).toEqual(["INCONNU"]);
    expect(result.excluded).toEqual([]);
    expect(result.unmatched).toBe(1);
    expect(result.unmatchedSheet).toBe("Contacts non rapprochés");
    expect(result.issues.map((i) => i.code)).toEqual(["badDate"]);
    const contacts = wb.sheet("Contacts").values;
    expect(bodyRows(wb, "Contacts")).toBe(8);
    expect(contacts[1].slice(1, 5)).toEqual(["C00001", "visit", "n0", "crm.csv"]);
    expect(typeof contacts[1][0]).toBe("number"); // an Excel date serial
    const unmatched = wb.sheet("Contacts non rapprochés").values;
    expect(unmatched[0]).toEqual(["Date", "Client", "Canal", "Note", "Motif"]);
    expect(unmatched.slice(1).map((r) => r[4])).toEqual(["Date illisible"]);

    // Re-importing the same file appends nothing.
    const again = await gateway.importContacts({ csv: toCsv(rows, ";") });
    expect(again.appended).toBe(0);
    expect(again.duplicates).toBe(8);

    // Undo the last import with something to undo: import one more, then undo it.
    await gateway.importContacts({ csv: toCsv([rows[0], ["10/03/2026", "C00003", "Visio", "new"]], ";") });
    expect(bodyRows(wb, "Contacts")).toBe(9);
    expect(await gateway.undoLastWrite()).toBe(true);
    expect(bodyRows(wb, "Contacts")).toBe(8);
    expect(before).not.toBe(JSON.stringify(wb.sheet("Contacts").values));
  });

  // The import keyed the log's rows apart from the parser (note spacing counted): the core's contactKey is now both.
  it("one 'same contact' for the export's repeats and the log's rows: the client by id or name, the note's case and spacing ignored", async () => {
    const { gateway } = await planWorkbook(3);
    const header = ["Date", "Client", "Canal", "Note"];
    const first = await gateway.importContacts({
      csv: toCsv([header, ["02/03/2026", "C00001", "Visite", "Revue annuelle"]]),
    });
    expect(first.appended).toBe(1);
    const again = await gateway.importContacts({
      csv: toCsv([
        header,
        ["2026-03-02", "Client 1", "visit", "  revue   ANNUELLE"],
        ["2026-03-02", "c00001", "Visite terrain", "REVUE ANNUELLE"],
        ["2026-03-03", "C00001", "Visite", "Revue annuelle"],
      ]),
    });
    expect(again).toMatchObject({ appended: 1, duplicates: 2 });
  });

  it("undo of a first import leaves Contacts exactly as it was", async () => {
    const { wb, gateway } = await planWorkbook(10);
    const before = JSON.stringify(wb.snapshot().tables.find((t) => t.name === "Contacts"));
    const values = JSON.stringify(wb.sheet("Contacts").values);
    await gateway.importContacts({ csv: toCsv(crmExport(5)) });
    expect(await gateway.undoLastWrite()).toBe(true);
    expect(JSON.stringify(wb.snapshot().tables.find((t) => t.name === "Contacts"))).toBe(before);
    expect(JSON.stringify(wb.sheet("Contacts").values)).toBe(values);
  });

  it("imports from a sheet where a CRM export was pasted", async () => {
    const { wb, gateway } = await planWorkbook(10);
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.add("Export CRM");
      ws.getRange("A1:D4").values = crmExport(3);
      await context.sync();
    });
    const result = await gateway.importContacts({ sheet: "Export CRM" });
    expect(result.appended).toBe(3);
    expect(result.unmatchedSheet).toBeNull();
    await expect(gateway.importContacts({ sheet: "Absente" })).rejects.toMatchObject({
      code: "tableMissing",
    });
  });

  it.each([10, 10_000])("costs 1 + chunks round trips for %d contact rows", async (n) => {
    const { wb, gateway } = await planWorkbook(10);
    wb.stats.reset();
    const result = await gateway.importContacts({ csv: toCsv(crmExport(n)) });
    expect(result.appended).toBe(n);
    expect(wb.stats.syncs).toBe(2);
    expect(bodyRows(wb, "Contacts")).toBe(n);
    expect(schema.SHEET_NAMES.contacts.fr).toBe("Contacts");
  });
});
