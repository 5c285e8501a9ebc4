/** Where a copied portfolio goes in a new Clients table: Cadence's base columns, then the rep's own. Pure. */
import * as schema from "../core/workbook/schema";
import type { Lang } from "../core/workbook/schema";
import { rectAddress } from "./a1";
import type { CellWrite } from "./chunks";
import type { PortfolioCopy } from "./gateway.types";

export interface CopyLayout {
  /** Headers of the rep's own columns, added at the right of the Clients table (made unique). */
  extraHeaders: string[];
  rows: number;
  /** The copied values, as writes into the Clients sheet below the header row. */
  writes: (sheet: string) => CellWrite[];
}

const cell = (v: unknown): string | number | boolean =>
  typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : "";

/** The first Clients columns that belong to the rep (id … potential): the plan columns follow them. */
export function baseColumns(): string[] {
  const columns = schema.table("Clients").columns;
  const firstCadence = columns.findIndex((c) => c.cadence === true);
  return columns.slice(0, firstCadence).map((c) => c.id);
}

export function copyLayout(copy: PortfolioCopy, lang: Lang): CopyLayout {
  const base = baseColumns();
  const width = schema.table("Clients").columns.length;
  const taken = new Set(schema.table("Clients").columns.map((c) => schema.header(c, lang)));
  const source = new Map<string, number>();
  const extras: { index: number; header: string }[] = [];
  copy.columns.forEach((c, index) => {
    if (c.id !== null && base.includes(c.id) && !source.has(c.id)) {
      source.set(c.id, index);
      return;
    }
    // Excel table headers are unique: a rep's column named like one of Cadence's gets a suffix.
    const wanted = c.header.trim() === "" ? schema.columnLetters(index) : c.header.trim();
    let header = wanted;
    for (let k = 2; taken.has(header); k++) header = `${wanted} (${k})`;
    taken.add(header);
    extras.push({ index, header });
  });
  const rows = copy.rows;
  const writes = (sheet: string): CellWrite[] => {
    if (rows.length === 0) return [];
    const out: CellWrite[] = [
      {
        sheet,
        address: rectAddress({ r0: 1, c0: 0, r1: rows.length, c1: base.length - 1 }),
        values: rows.map((r) =>
          base.map((id) => {
            const at = source.get(id);
            return at === undefined ? "" : cell(r[at]);
          }),
        ),
      },
    ];
    if (extras.length > 0) {
      out.push({
        sheet,
        address: rectAddress({ r0: 1, c0: width, r1: rows.length, c1: width + extras.length - 1 }),
        values: rows.map((r) => extras.map((e) => cell(r[e.index]))),
      });
    }
    return out;
  };
  return { extraHeaders: extras.map((e) => e.header), rows: rows.length, writes };
}
