/**
 * The import's write: the new contacts appended to the Contacts table (with the undo record that
 * removes them) and the unmatched rows listed on their own sheet, with the reason in the workbook's language.
 */
import type { Contact, ContactsImport, UnmatchedReason } from "../core/tracking";
import { isoToExcelSerial } from "../core/tracking";
import type { Lang } from "../core/workbook/schema";
import { rectAddress } from "./a1";
import type { CellWrite } from "./chunks";
import type { ContactsRead } from "./contactsRead";
import { UNMATCHED_SHEET } from "./contactsRead";
import { rectangular } from "./office";
import { headerText } from "./readSource";
import type { UndoRecord } from "./undo";
import { undoWrite } from "./undoStore";

const REASONS: Readonly<Record<UnmatchedReason, Record<Lang, string>>> = {
  badDate: { fr: "Date illisible", en: "Unreadable date" },
  missingClient: { fr: "Client absent", en: "No client" },
  unknownClient: { fr: "Client inconnu du portefeuille", en: "Client not in the portfolio" },
  ambiguousClient: {
    fr: "Client ambigu (plusieurs correspondances)",
    en: "Ambiguous client (several matches)",
  },
  unknownChannel: { fr: "Canal inconnu", en: "Unknown channel" },
};

const blank = (row: readonly unknown[]): boolean =>
  row.every((v) => v === "" || v === null || v === undefined);

export function contactsWrites(
  read: ContactsRead,
  imported: ContactsImport,
): { writes: CellWrite[]; record: UndoRecord; unmatchedSheet: string } {
  const { fresh } = imported;
  const col = read.logColumn;
  const rowOf = (c: Contact): (string | number)[] => {
    const row: (string | number)[] = read.logHeaders.map(() => "");
    row[col("date")] = isoToExcelSerial(c.date);
    row[col("clientId")] = c.clientId;
    row[col("channel")] = c.channel;
    row[col("note")] = c.note;
    row[col("source")] = c.source;
    return row;
  };
  const record: UndoRecord = {
    action: "importContacts",
    at: new Date().toISOString(),
    cells: [],
    addedColumns: [],
    addedRows: [],
    schemaBefore: null,
  };
  const existingRows = read.log.grid.slice(1);
  // A new table's lone blank row is filled by the first appended row (as Excel does): undo blanks it again.
  const fillsBlank = existingRows.length === 1 && blank(existingRows[0] ?? []);
  if (fresh.length > 0 && fillsBlank) {
    const rect = read.logRect;
    const first = rectAddress({ r0: rect.r0 + 1, c0: rect.c0, r1: rect.r0 + 1, c1: rect.c1 });
    record.cells.push({ sheet: read.logSheet, address: first, formulas: [read.logHeaders.map(() => "")] });
    record.addedRows.push({ table: "Contacts", index: 1, count: fresh.length - 1 });
  } else if (fresh.length > 0) {
    record.addedRows.push({ table: "Contacts", index: existingRows.length, count: fresh.length });
  }
  const writes: CellWrite[] = [];
  if (fresh.length > 0) {
    writes.push(undoWrite(record));
    writes.push({
      sheet: "",
      address: `A1:A${fresh.length}`,
      values: fresh.map(rowOf),
      appendTo: "Contacts",
    });
  }
  const unmatchedSheet = UNMATCHED_SHEET[read.lang];
  const unmatched = imported.parsed.unmatched;
  if (unmatched.length > 0) {
    const header = [
      ...(read.export[0] ?? []).map((v) => headerText(v)),
      read.lang === "fr" ? "Motif" : "Reason",
    ];
    const rows = rectangular(
      [
        header,
        ...unmatched.map((u) => [
          ...u.values.map((v) => (v === null || v === undefined ? "" : v)),
          REASONS[u.reason][read.lang],
        ]),
      ],
      header.length,
    );
    writes.push({
      sheet: unmatchedSheet,
      address: rectAddress({ r0: 0, c0: 0, r1: rows.length - 1, c1: header.length - 1 }),
      values: rows,
    });
  }
  return { writes, record, unmatchedSheet };
}
