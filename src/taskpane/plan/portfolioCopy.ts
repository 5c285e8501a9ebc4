/** The portfolio as read, prepared for a new plan workbook's Clients table (plain data for the gateway). */
import type { ColumnMatch } from "../../core/parse";
import type { CellValue } from "../../core/types";
import * as schema from "../../core/workbook/schema";
import type { PortfolioCopy, SourceRead } from "../../excel/gateway.types";

/** The Clients table's own base columns (id … potential), the fields a copy maps onto. */
const BASE_IDS = new Set(
  schema
    .table("Clients")
    .columns.filter((c) => c.cadence !== true)
    .map((c) => c.id),
);

const blank = (v: CellValue): boolean => v === "" || v === null || v === undefined;

/**
 * Every column of the source comes along: the ones mapped to a base field under Cadence's header, the
 * rep's others under their own header (margin, min, max…). Cadence's previous plan columns and blank
 * rows are left out; rows with issues are kept as they are, so the rep still sees them.
 */
export function portfolioCopy(source: SourceRead, mapped: readonly ColumnMatch[]): PortfolioCopy {
  const fieldOf = new Map<number, string>();
  for (const m of mapped) if (BASE_IDS.has(m.field)) fieldOf.set(m.index, m.field);
  const cadence = new Set(Object.values(source.cadenceColumns));
  const body = source.grid.slice(1).filter((row) => !row.every(blank));
  const kept = source.headers
    .map((header, index) => ({ header, index }))
    .filter(
      ({ header, index }) =>
        !cadence.has(index) && (header !== "" || fieldOf.has(index) || body.some((r) => !blank(r[index]))),
    );
  return {
    columns: kept.map(({ header, index }) => ({ id: fieldOf.get(index) ?? null, header })),
    rows: body.map((row) => kept.map(({ index }) => row[index] ?? "")),
  };
}

/** A rep's own list was read (the one a new plan workbook copies), not Cadence's Clients table. */
export function copiesPortfolio(source: SourceRead | null): source is SourceRead {
  return source !== null && source.location.table !== "Clients";
}
