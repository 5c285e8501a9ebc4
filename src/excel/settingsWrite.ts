/**
 * Queues the read of the named settings a plan write records (in the write's first round trip) and
 * turns what came back into cell writes, with what they replace for undo.
 */
import { parseAddress, rectAddress, sheetOf } from "./a1";
import type { CellWrite } from "./chunks";
import { gatewayError } from "./errors";
import type { PlanSettings } from "./gateway.types";
import { settingCells } from "./settings";
import { restorable } from "./undo";

export interface NamedSettingsRead {
  cells: { value: string | number; range: Excel.Range }[];
  sheets: Excel.WorksheetCollection;
}

export function queueSettingsRead(context: Excel.RequestContext, settings: PlanSettings): NamedSettingsRead {
  const cells = settingCells(settings).map(({ name, value }) => ({
    value,
    range: context.workbook.names
      .getItemOrNullObject(name)
      .getRangeOrNullObject()
      .load("address,formulas,values"),
  }));
  const sheets = context.workbook.worksheets.load("items/name,items/protection/protected");
  return { cells, sheets };
}

export interface SettingWrite {
  write: CellWrite;
  before: { sheet: string; address: string; formulas: unknown[][] };
}

/** The writes for the settings the workbook has (none outside a plan workbook); a protected Settings sheet fails first. */
export function settingsWrites(read: NamedSettingsRead | null): SettingWrite[] {
  if (read === null) return [];
  const present = read.cells.filter((c) => !c.range.isNullObject);
  const out = present.map(({ value, range }) => {
    const sheet = sheetOf(range.address);
    const address = rectAddress(parseAddress(range.address));
    return {
      write: { sheet, address, values: [[value]] },
      before: { sheet, address, formulas: restorable(range.formulas, range.values) },
    };
  });
  const names = new Set(out.map((w) => w.write.sheet));
  const locked = read.sheets.items.find((ws) => names.has(ws.name) && ws.protection.protected);
  if (locked !== undefined) throw gatewayError("sheetProtected", { sheet: locked.name });
  return out;
}
