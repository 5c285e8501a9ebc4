/** Column positions in Cadence's own tables: from the schema sheet's ids, else the schema's order. */
import * as schema from "../core/workbook/schema";
import type { TableId } from "../core/workbook/schema";
import { gatewayError } from "./errors";
import type { TableRead } from "../core/tracking";
import type { CellValue } from "../core/types";
import { cadenceColumnsOf, headerText } from "./readSource";
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

/** A Cadence table's cells as the core's tracking takes them: its grid and its known columns by id. */
export function cadenceTable(
  state: SchemaState,
  table: TableId,
  values: CellValue[][],
  headerRow?: number,
): TableRead {
  const col = columnIndex(
    state,
    table,
    (values[0] ?? []).map((v) => headerText(v)),
  );
  const columns: Record<string, number> = {};
  for (const c of schema.table(table).columns) {
    const at = optionalIndex(col, c.id);
    if (at >= 0) columns[c.id] = at;
  }
  return headerRow === undefined ? { grid: values, columns } : { grid: values, columns, headerRow };
}
