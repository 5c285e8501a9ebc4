/**
 * Excel.WorksheetCollection.
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection
 */
import type { ClientResult } from "./clientObject";
import { ClientCollection } from "./collection";
import { alreadyExists, invalidArgument, itemNotFound } from "./errors";
import { Worksheet } from "./worksheet";
import type { SheetModel } from "../model/types";
import {
  emptySheet,
  findSheet,
  isValidSheetName,
  newId,
  nextFreeName,
  sheetById,
  sheetNameTaken,
} from "../model/workbook";

export class WorksheetCollection extends ClientCollection<Worksheet> {
  protected readonly objectName = "WorksheetCollection";

  isMissing(): boolean {
    return false;
  }

  protected itemProxies(): Worksheet[] {
    return this.context.model.sheets.map((sheet) => Worksheet.bound(this.context, () => sheet));
  }

  add(name?: string): Worksheet {
    let created: SheetModel | null = null;
    const sheet = Worksheet.bound(this.context, () => created);
    this.context.enqueue(
      "WorksheetCollection.add",
      () => {
        const model = this.context.model;
        const finalName = name ?? nextFreeName(model, "Sheet", (n) => sheetNameTaken(model, n));
        if (!isValidSheetName(finalName))
          throw invalidArgument("WorksheetCollection.add", `Invalid sheet name "${finalName}".`);
        if (sheetNameTaken(model, finalName)) throw alreadyExists("WorksheetCollection.add");
        created = emptySheet(newId(model, "S"), finalName);
        // Excel adds the new sheet after the active one.
        const active = model.sheets.findIndex((s) => s.id === model.activeSheetId);
        model.sheets.splice(active + 1, 0, created);
      },
      name ?? null,
    );
    return sheet;
  }

  getItem(key: string): Worksheet {
    return Worksheet.bound(
      this.context,
      () => {
        const found = findSheet(this.context.model, key);
        if (!found) throw itemNotFound("WorksheetCollection.getItem");
        return found;
      },
      "WorksheetCollection.getItem",
    );
  }

  getItemOrNullObject(key: string): Worksheet {
    return Worksheet.bound(
      this.context,
      () => findSheet(this.context.model, key) ?? null,
      "WorksheetCollection.getItemOrNullObject",
    );
  }

  getActiveWorksheet(): Worksheet {
    return Worksheet.bound(
      this.context,
      () => {
        const model = this.context.model;
        const found = sheetById(model, model.activeSheetId);
        if (!found) throw itemNotFound("WorksheetCollection.getActiveWorksheet");
        return found;
      },
      "WorksheetCollection.getActiveWorksheet",
    );
  }

  private visible(visibleOnly: boolean): SheetModel[] {
    return this.context.model.sheets.filter((s) => !visibleOnly || s.visibility === "Visible");
  }

  getFirst(visibleOnly = false): Worksheet {
    return Worksheet.bound(
      this.context,
      () => {
        const found = this.visible(visibleOnly).at(0);
        if (!found) throw itemNotFound("WorksheetCollection.getFirst");
        return found;
      },
      "WorksheetCollection.getFirst",
    );
  }

  getLast(visibleOnly = false): Worksheet {
    return Worksheet.bound(
      this.context,
      () => {
        const found = this.visible(visibleOnly).at(-1);
        if (!found) throw itemNotFound("WorksheetCollection.getLast");
        return found;
      },
      "WorksheetCollection.getLast",
    );
  }

  getCount(visibleOnly = false): ClientResult<number> {
    return this.queueResult("getCount", () => this.visible(visibleOnly).length);
  }
}
