/**
 * Writes Cadence's plan columns into the source it was read from, never touching the rep's columns.
 * Round trips: 1 (read ids, header, schema, protection) + 1 if Cadence columns already exist (read what
 * they hold, for undo) + ceil(bytes / budget) write batches.
 */
import * as schema from "../core/workbook/schema";
import type { Lang } from "../core/workbook/schema";
import type { CellValue } from "../core/types";
import { parseAddress, rectAddress } from "./a1";
import type { Rect } from "./a1";
import { replay } from "./applyUndo";
import { executeWrites } from "./batches";
import type { CellWrite } from "./chunks";
import { checkAborted, gatewayError } from "./errors";
import type { PlanTarget, PlanWriteRow, ProgressFn, WriteReceipt } from "./gateway.types";
import type { ExcelRun } from "./office";
import { columnValues, idText, planSlots } from "./planLayout";
import type { ColumnSlot } from "./planLayout";
import { cadenceColumnsOf, headerText, schemaState, sourceKey } from "./readSource";
import { restorable, type UndoRecord } from "./undo";
import { addHiddenSheet, resetUndoSheet, schemaWrite, undoWrite } from "./undoStore";
import { queueSettingsRead, settingsWrites } from "./settingsWrite";

export interface WriteOptions {
  lang: Lang;
  budget: number;
}

const columnRect = (source: Rect, index: number, bodyRows: number): Rect => ({
  r0: source.r0 + 1,
  c0: source.c0 + index,
  r1: source.r0 + bodyRows,
  c1: source.c0 + index,
});

function newSchemaRows(
  rows: readonly string[][],
  key: string,
  slots: readonly ColumnSlot[],
  isOwnTable: boolean,
  lang: Lang,
): string[][] {
  // A first write records the pane's language, so later writes keep the same headers and labels.
  const out = rows.length > 0 ? rows.map((r) => [...r]) : schema.schemaRows(lang).slice(0, 1);
  const added = slots.filter((s) => !s.existing).map((s) => `${s.id}=${s.header}`);
  const at = out.findIndex((r) => r[0] === key);
  if (at >= 0) out[at] = [...(out[at] ?? []).filter((v) => v !== ""), ...added];
  else if (!isOwnTable || added.length > 0) out.push([key, ...slots.map((s) => `${s.id}=${s.header}`)]);
  return out;
}

export async function writePlan(
  run: ExcelRun,
  options: WriteOptions,
  target: PlanTarget,
  rows: readonly PlanWriteRow[],
  progress?: ProgressFn,
  signal?: AbortSignal,
): Promise<{ receipt: WriteReceipt; record: UndoRecord }> {
  const { location } = target;
  return run(async (context) => {
    progress?.({ phase: "check", done: 0, total: 1 });
    const table =
      location.table === null ? null : context.workbook.tables.getItemOrNullObject(location.table);
    const sheet =
      table === null ? context.workbook.worksheets.getItemOrNullObject(location.sheet) : table.worksheet;
    sheet.load("name");
    sheet.protection.load("protected");
    const source = table === null ? sheet.getRange(location.address) : table.getRange();
    source.load("address");
    const header = source.getRow(0).load("values");
    const ids = source.getColumn(target.idColumn).load("values");
    const right = source.getColumnsAfter(schema.planColumns(target.channels).length).load("values");
    const schemaSheet = context.workbook.worksheets.getItemOrNullObject(schema.SCHEMA_SHEET).load("name");
    const schemaRange = schemaSheet.getUsedRangeOrNullObject(true);
    schemaRange.load("values");
    const undoSheet = context.workbook.worksheets.getItemOrNullObject(schema.UNDO_SHEET).load("name");
    const named = target.settings === undefined ? null : queueSettingsRead(context, target.settings);
    await context.sync();

    if (table?.isNullObject === true || sheet.isNullObject)
      throw gatewayError("tableMissing", { table: location.table ?? location.sheet });
    if (sheet.protection.protected) throw gatewayError("sheetProtected", { sheet: sheet.name });
    const settingWrites = settingsWrites(named);
    const rect = parseAddress(source.address);
    if (rect.r0 + 1 !== location.headerRow || rect.c0 !== location.firstColumn) {
      throw gatewayError("tableMoved", {
        table: location.table ?? location.sheet,
        was: location.address,
        now: rectAddress(rect),
      });
    }
    const state = schemaState(schemaRange.isNullObject ? null : (schemaRange.values as unknown[][]));
    const lang = state.lang ?? target.lang ?? options.lang;
    const headers = (header.values[0] as CellValue[]).map(headerText);
    const key = sourceKey(location);
    const slots = planSlots(headers, cadenceColumnsOf(state, key, headers), lang, target.channels);
    const idValues = (ids.values as unknown[][]).slice(1).map((r) => r[0]);
    const bodyRows = idValues.length;
    const blocked = slots
      .filter((s) => !s.existing)
      .find((s, k) => {
        return (right.values as unknown[][]).some((r) => r[k] !== "" && r[k] !== null);
      });
    if (blocked !== undefined) {
      const c = rect.c1 + 1;
      const last = c + slots.filter((s) => !s.existing).length - 1;
      throw gatewayError("targetNotEmpty", {
        address: rectAddress({ r0: rect.r0, c0: c, r1: rect.r1, c1: last }),
      });
    }
    checkAborted(signal);

    // What the existing Cadence columns hold now, so undo restores it exactly (formulas included).
    const existing = slots.filter((s) => s.existing);
    const previous = existing.map((s) => {
      const r = sheet.getRange(rectAddress(columnRect(rect, s.index, bodyRows)));
      r.load("formulas,values");
      return r;
    });
    if (existing.length > 0 && bodyRows > 0) await context.sync();
    checkAborted(signal);

    const plan = new Map(rows.map((r) => [r.clientId.trim(), r]));
    const present = new Set(idValues.map(idText));
    const sheetName = sheet.name;
    const record: UndoRecord = {
      action: "writePlan",
      at: new Date().toISOString(),
      cells: [],
      addedColumns: [],
      addedRows: [],
      schemaBefore: state.rows,
    };
    const writes: CellWrite[] = [];
    const added = slots.filter((s) => !s.existing);
    slots.forEach((slot) => {
      const held = slot.existing ? previous[existing.indexOf(slot)] : undefined;
      const before = held === undefined ? null : restorable(held.formulas, held.values);
      const address = rectAddress(columnRect(rect, slot.index, bodyRows));
      if (bodyRows > 0)
        writes.push({
          sheet: sheetName,
          address,
          values: columnValues(idValues, plan, slot.id, lang, before),
          asFormulas: true,
        });
      if (slot.existing && before !== null && bodyRows > 0)
        record.cells.push({ sheet: sheetName, address, formulas: before });
      if (!slot.existing && table !== null)
        record.addedColumns.push({ table: location.table ?? "", name: slot.header });
      if (!slot.existing && table === null) {
        const whole = { ...columnRect(rect, slot.index, bodyRows), r0: rect.r0 };
        record.cells.push({
          sheet: sheetName,
          address: rectAddress(whole),
          formulas: Array.from({ length: bodyRows + 1 }, () => [""]),
        });
        writes.push({
          sheet: sheetName,
          address: rectAddress({ ...whole, r1: rect.r0 }),
          values: [[slot.header]],
        });
      }
    });
    for (const w of settingWrites) record.cells.push(w.before);
    const schemaRows = newSchemaRows(state.rows, key, slots, location.table === "Clients", lang);
    let sent = 0;
    const chunks = await executeWrites(
      context,
      [
        undoWrite(record),
        schemaWrite(state.rows, schemaRows),
        ...writes,
        ...settingWrites.map((w) => w.write),
      ],
      options.budget,
      () => {
        resetUndoSheet(context, !undoSheet.isNullObject);
        if (schemaSheet.isNullObject) addHiddenSheet(context, schema.SCHEMA_SHEET);
        for (const slot of added) if (table !== null) table.columns.add(undefined, undefined, slot.header);
      },
      (p) => {
        sent = p.done;
        progress?.(p);
      },
    ).catch(async (error: unknown) => {
      // A later batch failed: put back what the earlier ones changed, then report the failure.
      if (sent > 0) await replay(context, record, options.budget, schemaRows, true).catch(() => undefined);
      throw error;
    });
    return {
      receipt: {
        rowsWritten: idValues.filter((v) => plan.has(idText(v))).length,
        columnsAdded: added.map((s) => s.id),
        unmatchedClientIds: rows.map((r) => r.clientId).filter((id) => !present.has(id.trim())),
        chunks,
        settingsRecorded: settingWrites.length > 0,
      },
      record,
    };
  });
}
