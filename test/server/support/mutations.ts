import { randomUUID } from "node:crypto";
import type { Mutation } from "../../../src/contract";

/** A mutation setting `values` on a row, with bases (default: none, i.e. null). */
export function mutation(
  table: string,
  rowId: string,
  baseVersion: number,
  values: Record<string, unknown>,
  bases: Record<string, unknown> = {},
): Mutation {
  const fields: Mutation["fields"] = {};
  for (const [name, value] of Object.entries(values)) fields[name] = { base: bases[name] ?? null, value };
  return { mutationId: randomUUID(), table, rowId, baseVersion, fields };
}
