/**
 * Imports contacts from a sheet (a pasted CRM export) or CSV text into the Contacts table: read
 * (contactsRead), the core's importContacts (which rows are new contacts), write (contactsWrites).
 * Round trips: 1 (read source, Clients, Contacts, schema) + ceil(bytes / budget) write batches.
 */
import * as tracking from "../core/tracking";
import type { Grid } from "../core/types";
import type { Lang } from "../core/workbook/schema";
import { executeWrites } from "./batches";
import { queueContactsRead } from "./contactsRead";
import { contactsWrites } from "./contactsWrites";
import { parseCsv } from "./csv";
import type { ContactsImportResult, ContactsSource, ProgressFn } from "./gateway.types";
import type { ExcelRun } from "./office";
import type { UndoRecord } from "./undo";
import { resetUndoSheet } from "./undoStore";

export { UNMATCHED_SHEET } from "./contactsRead";

export async function importContacts(
  run: ExcelRun,
  options: { lang: Lang; budget: number },
  source: ContactsSource,
  progress?: ProgressFn,
): Promise<{ result: ContactsImportResult; record: UndoRecord | null }> {
  const csvGrid: Grid | null = "csv" in source ? parseCsv(source.csv) : null;
  const sourceName = "csv" in source ? (source.sourceName ?? "csv") : source.sheet;
  return run(async (context) => {
    const pending = queueContactsRead(context, source, csvGrid, options.lang);
    await context.sync();
    const read = pending();
    progress?.({ phase: "parse", done: 0, total: read.export.length - 1 });
    const imported = tracking.importContacts({
      export: read.export,
      clients: read.clients,
      log: read.log,
      options: { source: sourceName },
    });
    const { writes, record, unmatchedSheet } = contactsWrites(read, imported);
    const appended = imported.fresh.length;
    const unmatched = imported.parsed.unmatched.length;
    const sheets = context.workbook.worksheets;
    await executeWrites(
      context,
      writes,
      options.budget,
      () => {
        if (appended > 0) resetUndoSheet(context, read.undoPresent);
        // The unmatched sheet lists this import's rows only: cleared, or created when needed.
        const previous = read.previousUnmatched;
        if (previous !== null) sheets.getItem(previous).getRange().clear();
        if (unmatched > 0 && previous !== unmatchedSheet) {
          if (previous === null) sheets.add(unmatchedSheet);
          else sheets.getItem(previous).name = unmatchedSheet;
        }
      },
      progress,
    );
    return {
      result: {
        appended,
        duplicates: imported.duplicates,
        unmatched,
        unmatchedSheet: unmatched > 0 ? unmatchedSheet : null,
        issues: imported.parsed.issues,
        excluded: imported.excluded,
        newNames: imported.parsed.newNames.map((n) => n.name),
      },
      record: appended > 0 ? record : null,
    };
  });
}
