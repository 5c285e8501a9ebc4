/**
 * Text that Excel would read as a formula (=, +, -, @) or whose leading apostrophe it would swallow
 * is written as text: the rep's own columns copied into Clients, the CRM fields of imported and
 * unmatched contacts, the undo record's chunks. The workbench reads such values as Excel does (a bad
 * formula fails the batch), so each test would fail without the escaping.
 */
import * as schema from "../../src/core/workbook/schema";
import { executeWrites } from "../../src/excel/batches";
import { toCsv } from "../../src/excel/csv";
import { createGateway } from "../../src/excel/gateway";
import { asTypedText, textAsTyped } from "../../src/excel/typedText";
import { fromUndoCells, UNDO_CELL_CHARS } from "../../src/excel/undo";
import type { UndoRecord } from "../../src/excel/undo";
import { undoWrite } from "../../src/excel/undoStore";
import { createWorkbench } from "../../src/workbench";
import { planWorkbook, repCopy, repPortfolio } from "./fixtures";

const TRICKY = ["+33 6 12 34 56 78", "-", "=1+1", "-5", "@home", "'quoted", "- à rappeler"];
const WIDTH = schema.table("Clients").columns.length;

describe("asTypedText", () => {
  it("prefixes an apostrophe to text Excel would not keep as it is, and nothing else", () => {
    expect(TRICKY.map(asTypedText)).toEqual(TRICKY.map((t) => `'${t}`));
    expect(["abc", "", "33 +", "a=b", 12, -3, true, null].map(asTypedText)).toEqual([
      "abc",
      "",
      "33 +",
      "a=b",
      12,
      -3,
      true,
      null,
    ]);
    expect(textAsTyped([["=x", 1]])).toEqual([["'=x", 1]]);
  });
});

describe("writing text as text", () => {
  it("copies the rep's own columns (a phone, a '-' placeholder, a header) into Clients as they are", async () => {
    const portfolio = repPortfolio(TRICKY.length).map((r, i) =>
      i === 0 ? r : [...r.slice(0, 6), TRICKY[i - 1] ?? ""],
    );
    // The rep typed them with Excel's text prefix (typing "+33 6 12 …" alone is refused as a formula).
    const typed = portfolio.map((r) => r.map((v, c) => (c === 6 ? asTypedText(v) : v)));
    const wb = createWorkbench({ sheets: [{ name: "Portefeuille", values: typed }] });
    expect(
      wb
        .sheet("Portefeuille")
        .values.slice(1)
        .map((r) => r[6]),
    ).toEqual(TRICKY);
    const copy = { ...repCopy(TRICKY.length, "- divers"), rows: portfolio.slice(1) };
    await createGateway(wb.run).createPlanWorkbook({ lang: "fr", portfolio: copy });
    const clients = wb.snapshot().tables.find((t) => t.name === "Clients");
    expect(clients?.columns[WIDTH]).toBe("- divers");
    const values = wb.sheet("Clients").values;
    expect(values.slice(1).map((r) => r[WIDTH])).toEqual(TRICKY);
    expect(wb.snapshot().sheets.find((s) => s.name === "Clients")?.formulas).toEqual({});
  });

  it("imports CRM fields and lists unmatched rows as text, and undo still removes the rows", async () => {
    const { wb, gateway } = await planWorkbook(10);
    const rows = [
      ["Date", "Client", "Canal", "Note"],
      ...TRICKY.map((t, i) => [`0${i + 1}/03/2026`, "C00001", "Visite", t]),
      ["32/13/2026", "+33 6 00", "Visite", '=HYPERLINK("http://x")'],
    ];
    const result = await gateway.importContacts({ csv: toCsv(rows, ";") });
    expect(result).toMatchObject({ appended: TRICKY.length, unmatched: 1 });
    const contacts = wb.sheet("Contacts").values;
    expect(contacts.slice(1, TRICKY.length + 1).map((r) => r[3])).toEqual(TRICKY);
    const unmatched = wb.sheet("Contacts non rapprochés").values;
    expect(unmatched[1]?.slice(1, 4)).toEqual(["+33 6 00", "Visite", '=HYPERLINK("http://x")']);
    expect(await gateway.undoLastWrite()).toBe(true);
    expect(
      wb
        .sheet("Contacts")
        .values.slice(1)
        .every((r) => r.every((v) => v === "")),
    ).toBe(true);
  });

  it("stores an undo record whose 30,000-character chunks start with '-', '=' or '+'", async () => {
    for (const lead of ["-", "=", "+"]) {
      const base: UndoRecord = {
        action: "refresh",
        at: "2026-03-01T00:00:00.000Z",
        cells: [{ sheet: "Clients", address: "A1", formulas: [[""]] }],
        addedColumns: [],
        addedRows: [],
        schemaBefore: null,
      };
      // Pad the one cell so that the second chunk starts with `lead`.
      const prefix = JSON.stringify(base).indexOf('[[""]]') + 3;
      const text = "x".repeat(UNDO_CELL_CHARS - prefix) + `${lead}3 4 ${"y".repeat(100)}`;
      const record: UndoRecord = {
        ...base,
        cells: [{ sheet: "Clients", address: "A1", formulas: [[text]] }],
      };
      const write = undoWrite(record);
      expect((write.values[1]?.[0] as string).charAt(0)).toBe(lead);
      const wb = createWorkbench({ sheets: [{ name: schema.UNDO_SHEET }] });
      await wb.run(async (context) => {
        await executeWrites(context, [write], 4_000_000, () => undefined);
      });
      const stored = await wb.run(async (context) => {
        const used = context.workbook.worksheets.getItem(schema.UNDO_SHEET).getUsedRange(true).load("values");
        await context.sync();
        return used.values;
      });
      expect(fromUndoCells(stored)).toEqual(record);
    }
  });
});
