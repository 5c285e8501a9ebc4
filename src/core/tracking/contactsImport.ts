/**
 * A CRM export imported into the workbook's contacts log: the export read against the plan's clients
 * (the same plan reading as tracking's), and the contacts the log does not already hold — "the same
 * contact" being one key (contactKey) for the export's own repeats and for the log's rows.
 */
import type { Grid } from "../types";
import type { Contact, ParseContactsOptions, ParsedContacts } from "./contacts";
import { freshContacts, parseContacts } from "./contacts";
import type { TableRead } from "./workbookTables";
import { clientsPlan, contactsLog } from "./workbookTables";

export interface ContactsImportInput {
  /** The export, header row first (possibly below title rows). */
  export: Grid;
  /** The Clients table, whose clients the contacts are matched to. */
  clients: TableRead;
  /** The Contacts table as it stands. */
  log: TableRead;
  options?: ParseContactsOptions;
}

export interface ContactsImport {
  parsed: ParsedContacts;
  /** The contacts to append to the log, in the export's order. */
  fresh: Contact[];
  /** Rows repeated in the export or already in the log. */
  duplicates: number;
  /** Rows left out because their channel is not a contact, by CRM value, in order of first appearance. */
  excluded: { value: string; rows: number }[];
}

export function importContacts(input: ContactsImportInput): ContactsImport {
  const clients = clientsPlan(input.clients);
  const refs = clients.plan.map((p) => ({ id: p.id, name: clients.names.get(p.id) ?? p.id }));
  const parsed = parseContacts(input.export, refs, input.options);
  const log = parseContacts(contactsLog(input.log), refs, { keepDuplicates: true }).contacts;
  const { fresh, alreadyLogged } = freshContacts(log, parsed.contacts);
  const counts = new Map<string, number>();
  for (const r of parsed.excluded) counts.set(r.value, (counts.get(r.value) ?? 0) + 1);
  return {
    parsed,
    fresh,
    duplicates: parsed.duplicates.length + alreadyLogged,
    excluded: [...counts].map(([value, rows]) => ({ value, rows })),
  };
}
