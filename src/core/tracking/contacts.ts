/**
 * Parses a contacts log (a 2-D array as Excel's Range.values or a CSV export gives it; a header row,
 * possibly below title rows) into contacts. Every row that does not become a contact is reported with its row number:
 * rows whose date, client or channel cannot be read go to `unmatched`, repeated rows (same date,
 * client, channel and note, ignoring case and spacing) go to `duplicates` and are not counted twice unless `keepDuplicates`.
 * Rows whose channel is not a contact (inbound calls, after-sales, mass mailings: an editable list)
 * go to `excluded`. A contact whose client is not in the plan is a new name: it is kept (its
 * client id is the name as written), counted as prospecting and listed in `newNames`.
 */
import type { CellValue, ChannelId, Grid, RowIssue } from "../types";
import { channelTable, DEFAULT_EXCLUDED_CHANNELS, isExcludedChannel } from "./channels";
import type { ClientRef } from "./clientMatch";
import { createClientMatcher } from "./clientMatch";
import { findContactColumns } from "./contactsColumns";
import type { RowContext } from "./contactsIssues";
import { findHeaderIndex, issue, missingColumns } from "./contactsIssues";
import { parseDateCell } from "./dates";
import type { PlanRow } from "./track";
import { cellText, normaliseText } from "./text";

export interface Contact {
  /** ISO date "YYYY-MM-DD" (the time of day is dropped). */
  date: string;
  clientId: string;
  channel: ChannelId;
  note: string;
  source: string;
  /** 1-based row in the source (header row = 1). */
  row: number;
}

export type UnmatchedReason =
  "badDate" | "missingClient" | "unknownClient" | "ambiguousClient" | "unknownChannel";

export interface UnmatchedRow {
  row: number;
  values: CellValue[];
  /** The first problem of the row; `reasons` lists them all. */
  reason: UnmatchedReason;
  reasons: UnmatchedReason[];
}

export interface DuplicateRow {
  row: number;
  /** Row of the first occurrence, which is kept. */
  firstRow: number;
  date: string;
  clientId: string;
  channel: ChannelId;
}

/** A row left out because its channel is not a contact ("Appel entrant", "SAV", "Mailing"). */
export interface ExcludedRow {
  row: number;
  value: string;
}

/** A client not in the plan that was contacted: its contacts count as prospecting. */
export interface NewName {
  /** The name or code as written (also the contacts' client id). */
  name: string;
  rows: number[];
}

export interface ParseContactsOptions {
  /** CRM values that are not contacts (default DEFAULT_EXCLUDED_CHANNELS); a channel alias wins over it. */
  excludedChannels?: readonly string[];
  /** Keep contacts with clients not in the plan as new names (default true); false reports them as unmatched. */
  newNames?: boolean;
  /** Extra channel names ("Salon" → "visit"); they override the built-in names. */
  channelAliases?: Record<string, ChannelId>;
  /** Source recorded on contacts when the log has no source column. Default "". */
  source?: string;
  /** Count repeated rows as separate contacts (still reported). Default false. */
  keepDuplicates?: boolean;
  /**
   * Sheet row of the grid's first row, when the grid does not start at row 1. Default 1. The header
   * itself is the first of the grid's first 10 rows that names a date, a client and a channel column.
   */
  headerRow?: number;
}

export interface ParsedContacts {
  contacts: Contact[];
  issues: RowIssue[];
  unmatched: UnmatchedRow[];
  duplicates: DuplicateRow[];
  /** Rows whose channel is not a contact, as the import reports them. */
  excluded: ExcludedRow[];
  /** Clients not in the plan that were contacted, in order of first appearance. */
  newNames: NewName[];
}

const isBlank = (cell: CellValue): boolean =>
  cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");

function firstText(row: readonly CellValue[], columns: readonly number[]): string {
  for (const c of columns) {
    const text = cellText(row[c]);
    if (text !== "") return text;
  }
  return "";
}

export function parseContacts(
  grid: Grid,
  clients: readonly ClientRef[],
  options: ParseContactsOptions = {},
): ParsedContacts {
  const out: ParsedContacts = {
    contacts: [],
    issues: [],
    unmatched: [],
    duplicates: [],
    excluded: [],
    newNames: [],
  };
  if (grid.length === 0) return out;
  const headerIndex = findHeaderIndex(grid);
  const headerRow = (options.headerRow ?? 1) + headerIndex;
  const columns = findContactColumns(grid[headerIndex] ?? []);
  const missing = missingColumns(columns).map((i) => ({ ...i, row: headerRow }));
  if (missing.length > 0) {
    out.issues.push(...missing);
    return out;
  }
  const matcher = createClientMatcher(clients);
  const channels = channelTable(options.channelAliases);
  const ownAliases = new Set(Object.keys(options.channelAliases ?? {}).map((k) => normaliseText(k)));
  const excludedList = options.excludedChannels ?? DEFAULT_EXCLUDED_CHANNELS;
  const keepNewNames = options.newNames ?? true;
  const newNames = new Map<string, NewName>();
  const channelMemo = new Map<string, ChannelId | null>();
  const seen = new Map<string, number>();
  // Required columns are present (checked above); the first of each names the cell in messages.
  const dateCol = columns.date[0];
  const channelCol = columns.channel[0];
  const clientCol = columns.client[0];

  for (let i = headerIndex + 1; i < grid.length; i++) {
    const values = grid[i] ?? [];
    if (values.every(isBlank)) continue;
    const ctx: RowContext = {
      row: headerRow + i - headerIndex,
      issues: out.issues,
      headers: columns.headers,
    };
    const reasons: UnmatchedReason[] = [];
    const channelText = firstText(values, columns.channel);
    if (!ownAliases.has(normaliseText(channelText)) && isExcludedChannel(channelText, excludedList)) {
      out.excluded.push({ row: headerRow + i - headerIndex, value: channelText });
      continue;
    }

    const dateCell = values[dateCol];
    const date = parseDateCell(dateCell);
    if (date === null) {
      reasons.push("badDate");
      issue(
        ctx,
        dateCol,
        "badDate",
        `the date "${cellText(dateCell)}" cannot be read.`,
        `la date « ${cellText(dateCell)} » est illisible.`,
        dateCell,
      );
    }

    const clientText = firstText(values, columns.client);
    let clientId: string | null = null;
    let isNew = false;
    if (clientText === "") {
      reasons.push("missingClient");
      issue(ctx, clientCol, "unmatched", "no client given.", "aucun client indiqué.");
    } else {
      let found = matcher.match(clientText);
      for (const c of columns.client) {
        if (found.kind === "matched") break;
        const other = cellText(values[c]);
        if (other !== "" && other !== clientText) found = matcher.match(other);
      }
      if (found.kind === "matched") clientId = found.clientId;
      else if (found.kind === "ambiguous") {
        reasons.push("ambiguousClient");
        const ids = found.ids.join(", ");
        issue(
          ctx,
          clientCol,
          "unmatched",
          `client "${clientText}" matches several clients (${ids}).`,
          `le client « ${clientText} » correspond à plusieurs clients (${ids}).`,
          clientText,
        );
      } else if (keepNewNames) {
        clientId = clientText;
        isNew = true;
      } else {
        reasons.push("unknownClient");
        issue(
          ctx,
          clientCol,
          "unmatched",
          `client "${clientText}" is not in the portfolio.`,
          `le client « ${clientText} » n'est pas dans le portefeuille.`,
          clientText,
        );
      }
    }

    let channel = channelMemo.get(channelText);
    if (channel === undefined) {
      channel = channels.get(normaliseText(channelText)) ?? null;
      channelMemo.set(channelText, channel);
    }
    if (channel === null) {
      reasons.push("unknownChannel");
      issue(
        ctx,
        channelCol,
        "unknownValue",
        `channel "${channelText}" is unknown.`,
        `canal « ${channelText} » inconnu.`,
        channelText,
      );
    }

    if (date === null || clientId === null || channel === null) {
      out.unmatched.push({ row: ctx.row, values: [...values], reason: reasons[0], reasons });
      continue;
    }
    const note = firstText(values, columns.note);
    const key = contactKey({ date, clientId, channel, note });
    const firstRow = seen.get(key);
    if (firstRow !== undefined) {
      out.duplicates.push({ row: ctx.row, firstRow, date, clientId, channel });
      issue(
        ctx,
        dateCol,
        "duplicate",
        `same contact as row ${firstRow}.`,
        `même contact que la ligne ${firstRow}.`,
      );
      if (options.keepDuplicates !== true) continue;
    } else seen.set(key, ctx.row);
    if (isNew) {
      const known = newNames.get(clientText);
      if (known === undefined) newNames.set(clientText, { name: clientText, rows: [ctx.row] });
      else known.rows.push(ctx.row);
    }
    const source = columns.source.length > 0 ? firstText(values, columns.source) : (options.source ?? "");
    out.contacts.push({ date, clientId, channel, note, source, row: ctx.row });
  }
  out.newNames = [...newNames.values()];
  return out;
}

/**
 * "Same contact", the one key of it: same date, client, channel and note, the client id ignoring
 * case and the note ignoring case and spacing. The parser counts a repeated row once with it, and
 * the import appends no contact the log already holds.
 */
export function contactKey(c: { date: string; clientId: string; channel: string; note: string }): string {
  const note = c.note.trim().toLowerCase().replace(/\s+/g, " ");
  return `${c.date}\u0000${c.clientId.trim().toLowerCase()}\u0000${c.channel}\u0000${note}`;
}

/**
 * The incoming contacts the log does not already hold (each once), and how many were already there.
 * Both sides are contacts as parseContacts reads them, so "same" means the same thing on both.
 */
export function freshContacts(
  log: readonly Contact[],
  incoming: readonly Contact[],
): { fresh: Contact[]; alreadyLogged: number } {
  const seen = new Set(log.map(contactKey));
  const fresh: Contact[] = [];
  let alreadyLogged = 0;
  for (const c of incoming) {
    const key = contactKey(c);
    if (seen.has(key)) alreadyLogged++;
    else {
      seen.add(key);
      fresh.push(c);
    }
  }
  return { fresh, alreadyLogged };
}

/** New names as tracked rows: prospects without a plan, so their contacts count as prospecting. */
export function newNameRows(newNames: readonly NewName[]): PlanRow[] {
  return newNames.map((n) => ({
    id: n.name,
    segment: "prospect",
    planned: {},
    salesN: null,
    salesN1: null,
    potential: null,
  }));
}
