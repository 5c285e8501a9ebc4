/**
 * Imports contacts from a sheet (a pasted CRM export) or CSV text into the Contacts table.
 * Round trips: 1 (read source, Clients, Contacts, schema) + ceil(bytes / budget) write batches.
 */
import * as schema from "../core/workbook/schema";
import type { Lang } from "../core/workbook/schema";
import type { CellValue, Grid } from "../core/types";
import { isoToExcelSerial, parseContacts, parseDateCell } from "../core/tracking";
import type { Contact, UnmatchedReason } from "../core/tracking";
import { parseAddress, rectAddress } from "./a1";
import { executeWrites } from "./batches";
import type { CellWrite } from "./chunks";
import { parseCsv } from "./csv";
import { gatewayError } from "./errors";
import type { ContactsImportResult, ContactsSource, ProgressFn } from "./gateway.types";
import type { ExcelRun } from "./office";
import { rectangular } from "./office";
import { idText } from "./planLayout";
import { headerText, schemaState } from "./readSource";
import { columnIndex } from "./tableColumns";
import type { UndoRecord } from "./undo";
import { resetUndoSheet, undoWrite } from "./undoStore";

export const UNMATCHED_SHEET: Readonly<Record<Lang, string>> = {
  fr: "Contacts non rapprochés",
  en: "Unmatched contacts",
};

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

/** Same date, client, channel and note: the same contact. */
export const contactKey = (c: { date: string; clientId: string; channel: string; note: string }): string =>
  [c.date, c.clientId.trim().toLowerCase(), c.channel, c.note.trim().toLowerCase()].join("\u0001");

const blank = (row: readonly unknown[]): boolean =>
  row.every((v) => v === "" || v === null || v === undefined);

export async function importContacts(
  run: ExcelRun,
  options: { lang: Lang; budget: number },
  source: ContactsSource,
  progress?: ProgressFn,
): Promise<{ result: ContactsImportResult; record: UndoRecord | null }> {
  const csvGrid: Grid | null = "csv" in source ? parseCsv(source.csv) : null;
  const sourceName = "csv" in source ? (source.sourceName ?? "csv") : source.sheet;
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    const fromSheet = "sheet" in source ? sheets.getItemOrNullObject(source.sheet) : null;
    fromSheet?.load("name");
    const sourceRange = fromSheet?.getUsedRangeOrNullObject(true).load("values") ?? null;
    const clients = context.workbook.tables.getItemOrNullObject("Clients").load("name");
    const clientValues = clients.getRange().load("values");
    const contacts = context.workbook.tables.getItemOrNullObject("Contacts").load("name");
    const contactValues = contacts.getRange().load("address,values");
    const contactSheet = contacts.worksheet.load("name");
    const protection = contacts.worksheet.protection.load("protected");
    const schemaRange = sheets
      .getItemOrNullObject(schema.SCHEMA_SHEET)
      .getUsedRangeOrNullObject(true)
      .load("values");
    const undoSheet = sheets.getItemOrNullObject(schema.UNDO_SHEET).load("name");
    const unmatchedSheets = (["fr", "en"] as const).map((l) =>
      sheets.getItemOrNullObject(UNMATCHED_SHEET[l]).load("name"),
    );
    await context.sync();

    if (clients.isNullObject) throw gatewayError("notPlanWorkbook", { table: "Clients" });
    if (contacts.isNullObject) throw gatewayError("notPlanWorkbook", { table: "Contacts" });
    if (fromSheet?.isNullObject === true) throw gatewayError("tableMissing", { table: sourceName });
    if (protection.protected) throw gatewayError("sheetProtected", { sheet: "Contacts" });
    const state = schemaState(schemaRange.isNullObject ? null : (schemaRange.values as unknown[][]));
    const lang = state.lang ?? options.lang;
    const grid: Grid =
      csvGrid ??
      (sourceRange === null || sourceRange.isNullObject ? [] : (sourceRange.values as CellValue[][]));
    if (grid.length < 2) throw gatewayError("emptySource");
    progress?.({ phase: "parse", done: 0, total: grid.length - 1 });

    const clientRows = clientValues.values as unknown[][];
    const clientCol = columnIndex(
      state,
      "Clients",
      (clientRows[0] ?? []).map((v) => headerText(v as CellValue)),
    );
    const refs = clientRows
      .slice(1)
      .map((r) => ({ id: idText(r[clientCol("id")]), name: idText(r[clientCol("name")]) }))
      .filter((c) => c.id !== "");
    const parsed = parseContacts(grid, refs, { source: sourceName });

    const existingRows = (contactValues.values as unknown[][]).slice(1);
    const contactHeaders = ((contactValues.values as unknown[][])[0] ?? []).map((v) =>
      headerText(v as CellValue),
    );
    const col = columnIndex(state, "Contacts", contactHeaders);
    const seen = new Set(
      existingRows
        .filter((r) => !blank(r))
        .map((r) =>
          contactKey({
            date: parseDateCell(r[col("date")]) ?? "",
            clientId: idText(r[col("clientId")]),
            channel: idText(r[col("channel")]),
            note: idText(r[col("note")]),
          }),
        ),
    );
    const fresh: Contact[] = [];
    let duplicates = parsed.duplicates.length;
    for (const c of parsed.contacts) {
      const key = contactKey(c);
      if (seen.has(key)) duplicates++;
      else {
        seen.add(key);
        fresh.push(c);
      }
    }
    const rowOf = (c: Contact): (string | number)[] => {
      const row: (string | number)[] = contactHeaders.map(() => "");
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
    // A new table's lone blank row is filled by the first appended row (as Excel does): undo blanks it again.
    const fillsBlank = existingRows.length === 1 && blank(existingRows[0] ?? []);
    if (fresh.length > 0 && fillsBlank) {
      const rect = parseAddress(contactValues.address);
      const first = rectAddress({ r0: rect.r0 + 1, c0: rect.c0, r1: rect.r0 + 1, c1: rect.c1 });
      record.cells.push({
        sheet: contactSheet.name,
        address: first,
        formulas: [contactHeaders.map(() => "")],
      });
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
    const unmatchedName = UNMATCHED_SHEET[lang];
    const header = [...(grid[0] ?? []).map((v) => headerText(v)), lang === "fr" ? "Motif" : "Reason"];
    if (parsed.unmatched.length > 0) {
      const rows = rectangular(
        [
          header,
          ...parsed.unmatched.map((u) => [
            ...u.values.map((v) => (v === null || v === undefined ? "" : v)),
            REASONS[u.reason][lang],
          ]),
        ],
        header.length,
      );
      writes.push({
        sheet: unmatchedName,
        address: rectAddress({ r0: 0, c0: 0, r1: rows.length - 1, c1: header.length - 1 }),
        values: rows,
      });
    }
    const previousUnmatched = unmatchedSheets.find((ws) => !ws.isNullObject);
    await executeWrites(
      context,
      writes,
      options.budget,
      () => {
        if (fresh.length > 0) resetUndoSheet(context, !undoSheet.isNullObject);
        // The unmatched sheet lists this import's rows only: cleared, or created when needed.
        if (previousUnmatched !== undefined) sheets.getItem(previousUnmatched.name).getRange().clear();
        if (parsed.unmatched.length > 0 && previousUnmatched?.name !== unmatchedName) {
          if (previousUnmatched === undefined) sheets.add(unmatchedName);
          else sheets.getItem(previousUnmatched.name).name = unmatchedName;
        }
      },
      progress,
    );
    return {
      result: {
        appended: fresh.length,
        duplicates,
        unmatched: parsed.unmatched.length,
        unmatchedSheet: parsed.unmatched.length > 0 ? unmatchedName : null,
        issues: parsed.issues,
        excluded: excludedByValue(parsed.excluded),
        newNames: parsed.newNames.map((n) => n.name),
      },
      record: fresh.length > 0 ? record : null,
    };
  });
}

/** Excluded rows grouped by their CRM value, in order of first appearance. */
function excludedByValue(rows: readonly { value: string }[]): { value: string; rows: number }[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.value, (counts.get(r.value) ?? 0) + 1);
  return [...counts].map(([value, n]) => ({ value, rows: n }));
}
