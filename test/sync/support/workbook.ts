/** Plan workbooks as sync's plain grids (the schema's columns, headers in French), for sync tests. */
import type { CellValue } from "../../../src/core/types";
import * as schema from "../../../src/core/workbook/schema";
import type { SheetTable, WorkbookSyncInput } from "../../../src/sync";

export interface ClientSeed {
  id: string;
  name: string;
  potential?: number;
  segment?: string;
  plannedVisit?: number;
}
export interface ContactSeed {
  date: string;
  clientId: string;
  channel: string;
  note?: string;
}

function sheet(name: schema.TableId, rows: CellValue[][], extra: string[] = []): SheetTable {
  const spec = schema.table(name);
  return {
    columnIds: [...spec.columns.map((c) => c.id), ...extra.map(() => null)],
    headers: [...spec.columns.map((c) => c.fr), ...extra],
    rows,
  };
}

export function clientRow(c: ClientSeed, extra: CellValue[] = []): CellValue[] {
  const values: Record<string, CellValue> = {
    id: c.id,
    name: c.name,
    postalCode: "67000",
    city: "Strasbourg",
    salesN1: 100,
    salesN: 120,
    potential: c.potential ?? 1000,
    segment: c.segment ?? "",
    "planned.visit": c.plannedVisit ?? "",
  };
  return [...schema.table("Clients").columns.map((col) => values[col.id] ?? ""), ...extra];
}

export function contactRow(c: ContactSeed): CellValue[] {
  const values: Record<string, CellValue> = {
    date: c.date,
    clientId: c.clientId,
    channel: c.channel,
    note: c.note ?? "",
    source: "test",
  };
  return schema.table("Contacts").columns.map((col) => values[col.id] ?? "");
}

export function planWorkbook(
  clients: readonly ClientSeed[],
  contacts: readonly ContactSeed[] = [],
  extraColumns: string[] = [],
): WorkbookSyncInput {
  const settings: Record<string, CellValue> = {};
  for (const s of schema.initialSettings(2026)) settings[s.name] = s.value;
  return {
    lang: "fr",
    tables: {
      Clients: sheet(
        "Clients",
        clients.map((c) =>
          clientRow(
            c,
            extraColumns.map(() => ""),
          ),
        ),
        extraColumns,
      ),
      Contacts: sheet("Contacts", contacts.map(contactRow)),
      Actions: sheet("Actions", []),
    },
    norms: null,
    channels: null,
    settings,
    state: [],
    conflictRows: [],
  };
}

export const col = (table: schema.TableId, id: string): number =>
  schema.table(table).columns.findIndex((c) => c.id === id);

/** The client rows of a workbook by client code: name and potential. */
export function clientsByCode(
  input: WorkbookSyncInput,
): Map<string, { name: CellValue; potential: CellValue }> {
  const out = new Map<string, { name: CellValue; potential: CellValue }>();
  for (const row of input.tables.Clients.rows)
    out.set(String(row[col("Clients", "id")]), {
      name: row[col("Clients", "name")],
      potential: row[col("Clients", "potential")],
    });
  return out;
}

/** A workbook's Clients rows, to edit as a rep would. */
export const rows = (wb: { input: WorkbookSyncInput }): CellValue[][] =>
  wb.input.tables.Clients.rows as CellValue[][];
