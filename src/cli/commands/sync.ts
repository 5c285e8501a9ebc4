/**
 * `cadence sync plan.xlsx --server URL [--contacts export.csv] [--json]`: the pane's sync for files.
 * Imports the CRM export first (contacts of clients not in this plan are reported, not pushed),
 * pushes the plan workbook, writes what came down into the file (Notes du manager, Pilotage /
 * Steering, Conflits) and keeps the snapshot in the file. The token comes from CADENCE_TOKEN only.
 */
import { existsSync } from "node:fs";
import type { Command } from "commander";
import * as tracking from "../../core/tracking";
import type { CellValue } from "../../core/types";
import {
  CONFLICTS_SHEET,
  fetchMe,
  patTokenProvider,
  runSync,
  SyncHttpError,
  SyncUnavailableError,
  workbookHost,
  WrongPersonError,
  type HeldField,
  type SyncSummary,
} from "../../sync";
import { CliError } from "../errors";
import { readGrid } from "../files/readGrid";
import { openSyncFile, type SyncFile } from "../xlsx/syncFile";

export const EXIT_CONFLICTS = 3;
export const EXIT_UNREACHABLE = 1;

export interface SyncCommandOptions {
  server: string;
  contacts?: string;
  json?: boolean;
}

interface Imported {
  imported: number;
  duplicates: number;
  unmatched: { row: number; reason: string }[];
}

/** Adds the export's contacts of this plan's clients to the Contacts table (same date, client, channel and note: once). */
async function importContacts(file: SyncFile, contactsFile: string): Promise<Imported> {
  const read = await readGrid(contactsFile);
  const clients = file.input.tables.Clients;
  const at = (id: string): number => clients.columnIds.indexOf(id);
  const refs = clients.rows
    .map((r) => ({ id: String(r[at("id")] ?? "").trim(), name: String(r[at("name")] ?? "") }))
    .filter((r) => r.id !== "");
  // Issue 10: one team-wide export serves every rep, so another rep's clients are reported, never
  // pushed into this plan as new names (issue 18's rule is for the rep's own import and `cadence track`).
  const parsed = tracking.parseContacts(read.grid, refs, { newNames: false });
  const blocking = parsed.issues.filter((i) => i.code === "missingColumn");
  if (blocking.length > 0)
    throw new CliError(
      `${read.origin}: ${blocking.map((i) => `row ${i.row}, column '${i.column}': ${i.message}`).join("; ")}`,
    );
  const contacts = file.input.tables.Contacts;
  const col = (id: string): number => contacts.columnIds.indexOf(id);
  const keyOf = (date: string, client: string, channel: string, note: string): string =>
    JSON.stringify([date, client, channel, note.trim()]);
  const seen = new Set(
    contacts.rows.map((r) =>
      keyOf(
        tracking.parseDateCell(r[col("date")]) ?? "",
        String(r[col("clientId")] ?? "").trim(),
        String(r[col("channel")] ?? "").trim(),
        String(r[col("note")] ?? ""),
      ),
    ),
  );
  const rows: CellValue[][] = [];
  let duplicates = 0;
  for (const c of parsed.contacts) {
    const key = keyOf(c.date, c.clientId, c.channel, c.note);
    if (seen.has(key)) {
      duplicates += 1;
      continue;
    }
    seen.add(key);
    const values: Record<string, CellValue> = {
      date: tracking.isoToExcelSerial(c.date),
      clientId: c.clientId,
      channel: c.channel,
      note: c.note,
      source: c.source === "" ? read.origin : c.source,
    };
    rows.push(contacts.columnIds.map((id) => (id === null ? "" : (values[id] ?? ""))));
  }
  file.append("Contacts", rows);
  return {
    imported: rows.length,
    duplicates: duplicates + parsed.duplicates.length,
    unmatched: parsed.unmatched.map((u) => ({ row: u.row, reason: u.reason })),
  };
}

const conflictJson = (h: HeldField) => ({
  table: h.table,
  rowId: h.rowId,
  field: h.field,
  base: h.base,
  mine: h.mine,
  theirs: h.theirs,
  reason: h.reason ?? "conflict",
});

export async function runSyncCommand(file: string, o: SyncCommandOptions): Promise<number> {
  const token = process.env.CADENCE_TOKEN ?? "";
  if (token.trim() === "")
    throw new CliError(
      "set the CADENCE_TOKEN environment variable to your personal access token (never on the command line) / définissez la variable d'environnement CADENCE_TOKEN",
    );
  if (!/^https?:\/\/[^\s]+$/i.test(o.server))
    throw new CliError(`--server must be an http(s) URL, not '${o.server}'`);
  if (!file.toLowerCase().endsWith(".xlsx"))
    throw new CliError(`${file}: a plan workbook (.xlsx) is expected`);
  if (!existsSync(file)) throw new CliError(`${file}: no such file (fichier introuvable)`);
  if (o.contacts !== undefined && !existsSync(o.contacts))
    throw new CliError(`${o.contacts}: no such file (fichier introuvable)`);

  const http = {
    baseUrl: o.server,
    tokens: patTokenProvider(token.trim()),
    clientApp: "cadence-cli",
  };
  const syncFile = await openSyncFile(file);
  const imported = o.contacts === undefined ? null : await importContacts(syncFile, o.contacts);
  let summary: SyncSummary;
  try {
    const me = await fetchMe(http);
    summary = await runSync(
      workbookHost({
        read: () => Promise.resolve(structuredClone(syncFile.input)),
        write: (w) => syncFile.write(w),
      }),
      { ...http, personId: me.id },
    );
  } catch (error: unknown) {
    if (error instanceof WrongPersonError) throw new CliError(`${file}: ${error.message}`);
    if (error instanceof SyncUnavailableError)
      throw new CliError(`${o.server}: ${error.message}`, EXIT_UNREACHABLE);
    if (error instanceof SyncHttpError && error.status === 401)
      throw new CliError(
        `${o.server}: the token was refused (expired or revoked) / le jeton a été refusé (expiré ou révoqué)`,
      );
    if (error instanceof SyncHttpError) throw new CliError(`${o.server}: ${error.code}: ${error.message}`);
    throw error;
  }
  const out = {
    pushed: summary.pushed,
    applied: summary.applied,
    merged: summary.merged,
    conflicts: summary.conflicts.map(conflictJson),
    pulled: summary.pulled,
    pending: summary.pending,
    offline: summary.offline,
    ...(imported === null
      ? {}
      : { imported: imported.imported, duplicates: imported.duplicates, unmatched: imported.unmatched }),
  };
  if (o.json === true) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  else {
    const pulled = Object.entries(summary.pulled)
      .map(([t, n]) => `${t} ${n}`)
      .join(", ");
    const lines = [
      `${file}: synced with ${o.server}`,
      imported === null
        ? ""
        : `  imported ${imported.imported} contact(s) (${imported.duplicates} already there); ${imported.unmatched.length} row(s) of clients not in this plan, not sent${
            imported.unmatched.length > 0
              ? `: ${imported.unmatched
                  .slice(0, 10)
                  .map((u) => `row ${u.row} (${u.reason})`)
                  .join(", ")}`
              : ""
          }`,
      `  pushed ${summary.pushed} change(s): ${summary.applied} applied, ${summary.merged} merged`,
      `  pulled ${pulled === "" ? "nothing" : pulled}`,
      summary.offline
        ? `  store unreachable: ${summary.pending} change(s) wait in the file for the next sync`
        : "",
      summary.conflicts.length > 0
        ? `  ${summary.conflicts.length} conflict(s) left: see the "${CONFLICTS_SHEET[syncFile.input.lang]}" sheet, write mine / theirs (moi / serveur) in its Choice column and sync again`
        : "",
    ].filter((l) => l !== "");
    process.stdout.write(`${lines.join("\n")}\n`);
  }
  if (summary.offline) return EXIT_UNREACHABLE;
  return summary.conflicts.length > 0 ? EXIT_CONFLICTS : 0;
}

export function register(program: Command): void {
  program
    .command("sync")
    .description("sync a plan workbook with the shared store (token from CADENCE_TOKEN)")
    .argument("<plan>", "plan workbook (.xlsx, from 'cadence template' or the add-in)")
    .requiredOption("--server <url>", "the store's URL, e.g. http://localhost:4000")
    .option("--contacts <file>", "a CRM export (.csv or .xlsx) to import first")
    .option(
      "--json",
      'print { "pushed", "applied", "merged", "conflicts": [...], "pulled": { "<table>": n } }',
    )
    .action(async (file: string, options: SyncCommandOptions) => {
      const code = await runSyncCommand(file, options);
      if (code !== 0) process.exitCode = code;
    });
}
