/**
 * All or nothing for "create a plan workbook": when a round trip of the build fails (Excel keeps what
 * ran before the failing operation, and the batches before it) or the rep cancels between batches, one
 * more round trip takes away what the creation added — its named settings, its sheets (their tables and
 * charts go with them), the hidden sheets it created — puts the schema sheet's rows back and reopens
 * the rep's sheet. The rep's own sheets are never touched.
 */
import * as schema from "../core/workbook/schema";
import type { BeforeCreate } from "./createCheck";
import { fromOffice, gatewayError } from "./errors";
import type { GatewayError } from "./gateway.types";
import { schemaWrite } from "./undoStore";
import { textAsTyped } from "./typedText";

/**
 * Queues the clean-up. Every target is looked up "or null object", so whatever the build did not get
 * to add is skipped (Excel ignores operations on a null object) and the batch cannot stop halfway.
 */
export function queueRollback(
  context: Excel.RequestContext,
  before: BeforeCreate,
  merged: readonly (readonly string[])[],
): void {
  const { worksheets, names } = context.workbook;
  // First the rep's sheet, so deleting the active one does not move the selection elsewhere.
  worksheets.getItemOrNullObject(before.activeSheet).activate();
  // Names before sheets: a name left on a deleted sheet would stay behind as #REF!.
  for (const s of schema.SETTINGS) names.getItemOrNullObject(s.name).delete();
  for (const name of before.sheets) worksheets.getItemOrNullObject(name).delete();
  if (before.schemaRows === null) worksheets.getItemOrNullObject(schema.SCHEMA_SHEET).delete();
  else {
    const write = schemaWrite(merged, before.schemaRows);
    worksheets.getItemOrNullObject(schema.SCHEMA_SHEET).getRange(write.address).values = textAsTyped(
      write.values as string[][],
    );
  }
  if (!before.undoSheet) worksheets.getItemOrNullObject(schema.UNDO_SHEET).delete();
}

/** What stopped the creation, in the rep's terms (a cancel stays a cancel). */
function reason(error: unknown): GatewayError {
  return fromOffice(error, { table: "Clients", sheet: "Clients" });
}

/**
 * Runs the clean-up after `error` (one round trip) and returns the error to show: "cancelled" or
 * "not created" when the workbook is back as it was, or which sheets to delete by hand when the
 * clean-up itself failed.
 */
export async function rollBack(
  context: Excel.RequestContext,
  before: BeforeCreate,
  merged: readonly (readonly string[])[],
  error: unknown,
): Promise<GatewayError> {
  const cause = reason(error);
  try {
    queueRollback(context, before, merged);
    await context.sync();
  } catch (cleanup: unknown) {
    // "Nothing was changed" no longer holds: the catalogue says a cancel as just that.
    return gatewayError("createCleanupFailed", {
      reason: cause,
      sheets: before.sheets.join(", "),
      cause: cause.code,
      cleanup: fromOffice(cleanup).code,
    });
  }
  if (cause.code === "aborted") return cause;
  return gatewayError("createFailed", { reason: cause, cause: cause.code });
}
