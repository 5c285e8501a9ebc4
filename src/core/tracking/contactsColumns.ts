/** Which columns of a contacts log hold which field, found from the header row (FR/EN). */
import type { CellValue } from "../types";
import { cellText, normaliseText } from "./text";

export type ContactField = "date" | "client" | "channel" | "note" | "source";

const HEADERS: Readonly<Record<ContactField, readonly string[]>> = {
  date: [
    "date",
    "date du contact",
    "date contact",
    "date de contact",
    "jour",
    "contact date",
    "day",
    "date de l activite",
    "activity date",
  ],
  client: [
    "client",
    "id client",
    "client id",
    "code client",
    "n client",
    "numero client",
    "compte",
    "account",
    "account id",
    "account name",
    "customer",
    "customer id",
    "customer name",
    "nom client",
    "nom du client",
    "raison sociale",
  ],
  channel: [
    "canal",
    "type",
    "type d activite",
    "type de contact",
    "activite",
    "channel",
    "activity type",
    "contact type",
  ],
  note: [
    "note",
    "notes",
    "commentaire",
    "commentaires",
    "objet",
    "sujet",
    "subject",
    "comment",
    "comments",
    "description",
  ],
  source: ["source", "origine", "origin"],
};

const LOOKUP = new Map<string, ContactField>(
  Object.entries(HEADERS).flatMap(([field, names]) => names.map((n) => [n, field as ContactField] as const)),
);

export interface ContactColumns {
  date: number[];
  /** Every client column, in sheet order: an id column and a name column are both tried. */
  client: number[];
  channel: number[];
  note: number[];
  source: number[];
  /** Header text per column index, as the user wrote it. */
  headers: string[];
}

export const REQUIRED_FIELDS: readonly ContactField[] = ["date", "client", "channel"];

export function findContactColumns(header: readonly CellValue[]): ContactColumns {
  const columns: ContactColumns = { date: [], client: [], channel: [], note: [], source: [], headers: [] };
  header.forEach((cell, index) => {
    const text = cellText(cell);
    columns.headers[index] = text;
    const field = LOOKUP.get(normaliseText(text));
    if (field !== undefined) columns[field].push(index);
  });
  return columns;
}
