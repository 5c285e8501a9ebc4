/** Column positions in Cadence's own tables: from the schema sheet's ids, else the schema's order. */
import * as schema from "../core/workbook/schema";
import type { TableId } from "../core/workbook/schema";
import { gatewayError } from "./errors";
import { cadenceColumnsOf } from "./readSource";
import type { SchemaState } from "./readSource";

export type ColumnIndex = (id: string) => number;

export function columnIndex(state: SchemaState, table: TableId, headers: readonly string[]): ColumnIndex {
  const recorded = state.tables.has(table) ? cadenceColumnsOf(state, table, headers) : null;
  const fallback = schema.table(table).columns.map((c) => c.id);
  return (id) => {
    const at = recorded === null ? fallback.indexOf(id) : (recorded[id] ?? -1);
    if (at < 0 || at >= headers.length) throw gatewayError("missingColumn", { column: id, where: table });
    return at;
  };
}

/** The column's index, or -1 when the table does not have it (e.g. a channel added later). */
export function optionalIndex(col: ColumnIndex, id: string): number {
  try {
    return col(id);
  } catch {
    return -1;
  }
}
