/**
 * Whole-portfolio functions (ABC, SEGMENT, ALLOCATE…) read several same-sized columns into clients,
 * compute over all of them, then either spill one value per row or, inside a table, return the
 * value of the rows named by a "which" argument (an id found in the ids column, or a row number).
 */
import type { Client } from "../core/types";
import type { Cell, Matrix } from "./args";
import * as args from "./args";
import { FunctionInputError } from "./excelErrors";

export interface ColumnArg {
  range: Matrix | Cell | undefined;
  field: string;
}

export interface Portfolio {
  clients: Client[];
  /** Row position (0-based, row by row over the range) → index in `clients`, or -1 for a skipped blank row. */
  positions: Int32Array;
  rows: number;
  columns: number;
  /** True when ids came from an ids column (else ids are row numbers). */
  hasIds: boolean;
  byId: Map<string, number>;
}

const rowId = (i: number): string => String(i + 1).padStart(7, "0");

const emptyClient = (id: string, row: number): Client => ({
  id,
  name: id,
  postalCode: null,
  city: null,
  salesN1: null,
  salesN: null,
  potential: null,
  margin: null,
  segmentOverride: null,
  normOverride: null,
  min: null,
  max: null,
  row,
});

export type NumericField = "salesN" | "salesN1" | "potential" | "min" | "max";

/**
 * Clients from columns of the same size. With an ids column, rows with a blank id are left out
 * (their result is blank) and a repeated id is a #VALUE!; without one, rows where every column is
 * blank are left out and ids are row numbers, so ties are broken by row order.
 */
export function readPortfolio(
  idsRange: Matrix | Cell | undefined,
  columns: Partial<Record<NumericField, ColumnArg>>,
  extra: readonly ColumnArg[] = [],
): Portfolio {
  const numeric = Object.entries(columns) as [NumericField, ColumnArg][];
  // An optional column left out may come as null or as one blank cell.
  const present = numeric.filter(([, c]) => !isOmitted(c.range));
  const first: ColumnArg | undefined = present.at(0)?.[1] ?? extra.at(0);
  const shape = args.cells(first?.range);
  const hasIds = idsRange !== undefined && idsRange !== null && !isOmitted(idsRange);
  const ids = hasIds ? args.texts(idsRange) : null;
  const read = present.map(([field, c]) => ({ field, values: args.numbers(c.range, c.field) }));
  const extras = extra.map((c) => args.cells(c.range).values);
  args.sameSize(
    [
      shape.values.length,
      ...(ids ? [ids.length] : []),
      ...read.map((r) => r.values.length),
      ...extras.map((e) => e.length),
    ],
    [
      first?.field ?? "range",
      ...(ids ? ["ids"] : []),
      ...present.map(([, c]) => c.field),
      ...extra.map((c) => c.field),
    ],
  );
  const clients: Client[] = [];
  const positions = new Int32Array(shape.values.length).fill(-1);
  const byId = new Map<string, number>();
  for (let i = 0; i < shape.values.length; i++) {
    const id = ids ? (ids[i] ?? "") : rowId(i);
    const blank = ids
      ? id === ""
      : read.every((r) => r.values[i] === null) && extras.every((e) => args.isBlank(e[i]));
    if (blank) continue;
    if (byId.has(id)) {
      const at = args.where(i, shape.columns);
      const before = args.where(byId.get(id) ?? 0, shape.columns);
      throw new FunctionInputError(
        "value",
        `${at.en}: id '${id}' appears twice (first at ${before.en})`,
        `${at.fr} : l'identifiant « ${id} » apparaît deux fois (déjà en ${before.fr})`,
      );
    }
    const client = emptyClient(id, i + 1);
    for (const r of read) client[r.field] = r.values[i] ?? null;
    positions[i] = clients.length;
    byId.set(id, i);
    clients.push(client);
  }
  return { clients, positions, rows: shape.rows, columns: shape.columns, hasIds, byId };
}

/** An omitted optional argument: undefined, null, or a blank 1×1 range. */
export function isOmitted(value: Matrix | Cell | undefined): boolean {
  if (value === undefined || value === null) return true;
  const c = args.cells(value);
  return c.values.length === 0 || (c.values.length === 1 && args.isBlank(c.values[0]));
}

/**
 * The results to return: every row's (spill) when `which` is omitted (null); a blank for a blank `which`; else, for each cell of `which`,
 * the result of the row with that id (ids given) or that row number (no ids). `lookup` may resolve a
 * `which` cell differently (ABC matches the measure's value); unknown ids are #N/A.
 */
export function pick<T>(
  portfolio: Portfolio,
  results: readonly T[],
  which: Matrix | Cell | undefined,
  blank: T,
  lookup?: (cell: Cell) => number | undefined,
): T[][] {
  const valueAt = (position: number): T => {
    const index = portfolio.positions[position] ?? -1;
    return index < 0 ? blank : (results[index] ?? blank);
  };
  if (which === undefined || which === null) {
    const flat = Array.from(portfolio.positions, (_, p) => valueAt(p));
    return args.reshape(flat, portfolio.rows, portfolio.columns);
  }
  // A referenced blank cell (a table row without an id) gets a blank, not a spill inside the table.
  if (isOmitted(which)) return [[blank]];
  const wanted = args.cells(which);
  const out = wanted.values.map((cell) => valueAt(locate(portfolio, cell, lookup)));
  return args.reshape(out, wanted.rows, wanted.columns);
}

function locate(portfolio: Portfolio, cell: Cell, lookup?: (cell: Cell) => number | undefined): number {
  const key = args.text(cell);
  if (portfolio.hasIds) {
    const found = portfolio.byId.get(key);
    if (found !== undefined) return found;
    throw new FunctionInputError(
      "na",
      `id '${key}' is not in the ids column`,
      `l'identifiant « ${key} » n'est pas dans la colonne des identifiants`,
    );
  }
  if (lookup) {
    const found = lookup(cell);
    if (found !== undefined) return found;
    throw new FunctionInputError(
      "na",
      `'${key}' is not in the column`,
      `« ${key} » n'est pas dans la colonne`,
    );
  }
  const n = typeof cell === "number" ? cell : Number(key);
  if (Number.isInteger(n) && n >= 1 && n <= portfolio.positions.length) return n - 1;
  throw new FunctionInputError(
    "na",
    `row '${key}' is not a row number between 1 and ${portfolio.positions.length}; give the ids column to pick a row by id`,
    `la ligne « ${key} » n'est pas un numéro entre 1 et ${portfolio.positions.length} ; donnez la colonne des identifiants pour choisir une ligne par identifiant`,
  );
}
