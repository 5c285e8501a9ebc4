/** The last write's undo record: in memory, and mirrored in the hidden undo sheet. */
import * as schema from "../core/workbook/schema";
import type { CellWrite } from "./chunks";
import { rectangular } from "./office";
import { rectAddress } from "./a1";
import { toUndoCells } from "./undo";
import type { UndoRecord } from "./undo";

export interface UndoStore {
  record: UndoRecord | null;
  /** The undo sheet held a record when last seen (e.g. written before a pane reload). */
  onSheet: boolean;
}

export const createUndoStore = (): UndoStore => ({ record: null, onSheet: false });

/** Queues (structure) the undo sheet's reset: created hidden when missing, cleared otherwise. */
export function resetUndoSheet(context: Excel.RequestContext, exists: boolean): void {
  if (exists) {
    context.workbook.worksheets.getItem(schema.UNDO_SHEET).getRange().clear();
    return;
  }
  addHiddenSheet(context, schema.UNDO_SHEET);
}

export function undoWrite(record: UndoRecord): CellWrite {
  const cells = toUndoCells(record);
  return { sheet: schema.UNDO_SHEET, address: `A1:A${cells.length}`, values: cells };
}

/** Queues (structure) a hidden sheet's creation. */
export function addHiddenSheet(context: Excel.RequestContext, name: string): void {
  const ws = context.workbook.worksheets.add(name);
  ws.visibility = "Hidden";
}

/** The write of the schema sheet's new rows over the old ones (stale cells blanked). */
export function schemaWrite(
  before: readonly (readonly string[])[],
  after: readonly (readonly string[])[],
): CellWrite {
  const width = Math.max(1, ...before.map((r) => r.length), ...after.map((r) => r.length));
  const height = Math.max(before.length, after.length, 1);
  const rows = rectangular([...after, ...Array.from({ length: height - after.length }, () => [])], width);
  return {
    sheet: schema.SCHEMA_SHEET,
    address: rectAddress({ r0: 0, c0: 0, r1: height - 1, c1: width - 1 }),
    values: rows,
  };
}
