/**
 * A copy of the whole workbook as text, as a file copied to another machine: every sheet's cells,
 * formats, tables, names and the hidden sheets (so a copy keeps sync's snapshot). Maps, sets and the
 * holes of sparse rows are tagged so the copy is the same model, not a look-alike.
 */
import type { WorkbookModel } from "./types";

type Tagged = { $map: [unknown, unknown][] } | { $set: unknown[] } | { $hole: 1 };

function replace(this: unknown, _key: string, value: unknown): unknown {
  if (value instanceof Map) return { $map: [...value.entries()] } satisfies Tagged;
  if (value instanceof Set) return { $set: [...value.values()] } satisfies Tagged;
  if (value === undefined && Array.isArray(this)) return { $hole: 1 } satisfies Tagged;
  return value;
}

function revive(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const v = value as Partial<Record<"$map" | "$set" | "$hole", unknown>>;
  const keys = Object.keys(value);
  if (keys.length !== 1) return value;
  if (Array.isArray(v.$map)) return new Map(v.$map as [unknown, unknown][]);
  if (Array.isArray(v.$set)) return new Set(v.$set);
  // Returning undefined from a reviver deletes the element: the row is sparse again.
  if (v.$hole === 1) return undefined;
  return value;
}

export function copyText(model: WorkbookModel): string {
  return JSON.stringify(model, replace);
}

/** Puts the copy's workbook in place of `model`'s contents (the same object: views keep drawing it). */
export function openCopy(model: WorkbookModel, text: string): void {
  const copy = JSON.parse(text, revive) as WorkbookModel;
  if (!Array.isArray(copy.sheets) || !Array.isArray(copy.tables) || copy.sheets.length === 0)
    throw new Error("Not a workbench workbook copy.");
  Object.assign(model, copy);
}
