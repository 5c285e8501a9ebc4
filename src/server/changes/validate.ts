/** Checks a push before any write, so bad input is a 400 and never a partial write. */
import { checkField, isSyncTable, SYNC_TABLES, type FieldKind, type Mutation } from "../../contract";
import { ApiError } from "../errors";

export function validateMutations(mutations: readonly Mutation[]): void {
  const seen = new Set<string>();
  mutations.forEach((m, index) => {
    const where = { index, mutationId: m.mutationId };
    if (seen.has(m.mutationId)) throw new ApiError("DUPLICATE_MUTATION", where);
    seen.add(m.mutationId);
    if (!isSyncTable(m.table)) throw new ApiError("UNKNOWN_TABLE", { ...where, table: m.table });
    const kinds: Readonly<Record<string, FieldKind>> = SYNC_TABLES[m.table].fields;
    for (const [field, change] of Object.entries(m.fields)) {
      const kind = Object.prototype.hasOwnProperty.call(kinds, field) ? kinds[field] : undefined;
      if (kind === undefined) throw new ApiError("UNKNOWN_FIELD", { ...where, table: m.table, field });
      for (const part of ["value", "base"] as const) {
        const reason = checkField(m.table, field, kind, change[part] ?? null);
        if (reason !== null) {
          throw new ApiError("BAD_FIELD_VALUE", { ...where, table: m.table, field, part, reason });
        }
      }
    }
  });
}
