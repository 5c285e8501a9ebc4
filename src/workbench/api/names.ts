/**
 * Excel.NamedItemCollection and NamedItem (workbook-scoped defined names).
 * https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection
 */
import { ClientObject } from "./clientObject";
import type { ClientResult } from "./clientObject";
import { ClientCollection } from "./collection";
import type { RequestContext } from "./context";
import { alreadyExists, invalidArgument, itemNotFound } from "./errors";
import { Range } from "./range";
import { formatRect, parseRect, quoteSheet, splitSheet } from "../model/address";
import type { NameModel } from "../model/types";
import { findName, findSheet, isValidDefinedName, nameTaken, sheetById } from "../model/workbook";

type NameLocator = () => NameModel | null;

export class NamedItem extends ClientObject {
  protected readonly objectName = "NamedItem";

  constructor(
    context: RequestContext,
    private readonly locate: NameLocator,
  ) {
    super(context);
  }

  isMissing(): boolean {
    return this.locate() === null;
  }

  private item(location: string): NameModel {
    const item = this.locate();
    if (!item) throw itemNotFound(location);
    return item;
  }

  protected scalarProperties(): readonly string[] {
    return ["name", "type", "value", "formula", "visible", "comment"];
  }

  private formulaOf(item: NameModel): string {
    if ("formula" in item.ref) return item.ref.formula;
    const sheet = sheetById(this.context.model, item.ref.sheetId);
    return sheet ? `=${quoteSheet(sheet.name)}!${formatRect(item.ref.rect, true)}` : "=#REF!";
  }

  protected readProperty(name: string): unknown {
    const item = this.item(`NamedItem.${name}`);
    const formula = this.formulaOf(item);
    switch (name) {
      case "name":
        return item.name;
      case "formula":
        return formula;
      case "value":
        return formula.slice(1);
      case "type":
        if ("sheetId" in item.ref) return "Range";
        if (formula === "=#REF!") return "Error";
        if (/^=[+-]?\d/.test(formula)) return "Double";
        if (/^=(TRUE|FALSE)$/i.test(formula)) return "Boolean";
        return "String";
      case "visible":
        return item.visible;
      case "comment":
        return item.comment;
      default:
        throw invalidArgument("NamedItem.load", `Unknown property '${name}'.`);
    }
  }

  get name(): string {
    return this.get("name") as string;
  }
  get type(): string {
    return this.get("type") as string;
  }
  get value(): unknown {
    return this.get("value");
  }
  get formula(): string {
    return this.get("formula") as string;
  }
  set formula(value: string) {
    this.queueSet("formula", value, () => {
      const item = this.item("NamedItem.formula");
      item.ref = resolveReference(this.context, value, "NamedItem.formula");
    });
  }
  get visible(): boolean {
    return this.get("visible") as boolean;
  }
  set visible(value: boolean) {
    this.queueSet("visible", value, () => {
      this.item("NamedItem.visible").visible = value;
    });
  }
  get comment(): string {
    return this.get("comment") as string;
  }

  getRange(): Range {
    return new Range(
      this.context,
      () => {
        const item = this.locate();
        if (!item) return null;
        if (!("sheetId" in item.ref))
          throw invalidArgument("NamedItem.getRange", "The name does not refer to a range.");
        const sheet = sheetById(this.context.model, item.ref.sheetId);
        if (!sheet) throw itemNotFound("NamedItem.getRange");
        return { sheet, rect: item.ref.rect };
      },
      "NamedItem.getRange",
    );
  }

  getRangeOrNullObject(): Range {
    return new Range(this.context, () => {
      const item = this.locate();
      if (!item || !("sheetId" in item.ref)) return null;
      const sheet = sheetById(this.context.model, item.ref.sheetId);
      return sheet ? { sheet, rect: item.ref.rect } : null;
    });
  }

  delete(): void {
    this.queueCall("delete", undefined, () => {
      const item = this.item("NamedItem.delete");
      this.context.model.names = this.context.model.names.filter((n) => n !== item);
    });
  }
}

/** "=Sheet!$A$1:$B$2" becomes a range reference; anything else is kept as a constant formula. */
function resolveReference(context: RequestContext, formula: string, location: string): NameModel["ref"] {
  const text = formula.startsWith("=") ? formula.slice(1) : formula;
  if (text.includes("!")) {
    const { sheet: sheetName, local } = splitSheet(text);
    const sheet = sheetName === null ? undefined : findSheet(context.model, sheetName);
    if (!sheet) throw invalidArgument(location, `Unknown sheet in ${formula}.`);
    return { sheetId: sheet.id, rect: parseRect(local) };
  }
  return { formula: formula.startsWith("=") ? formula : `=${formula}` };
}

export class NamedItemCollection extends ClientCollection<NamedItem> {
  protected readonly objectName = "NamedItemCollection";

  isMissing(): boolean {
    return false;
  }

  protected itemProxies(): NamedItem[] {
    return this.context.model.names.map((n) => new NamedItem(this.context, () => n));
  }

  private bound(location: string, find: () => NameModel | null, orNull: boolean): NamedItem {
    let bound: NameModel | null = null;
    const item = new NamedItem(this.context, () =>
      bound && this.context.model.names.includes(bound) ? bound : null,
    );
    this.context.enqueue(location, () => {
      bound = find();
      if (!bound && !orNull) throw itemNotFound(location);
    });
    if (orNull) item.load([]);
    return item;
  }

  add(name: string, reference: Range | string, comment = ""): NamedItem {
    return this.bound(
      "NamedItemCollection.add",
      () => {
        const model = this.context.model;
        if (!isValidDefinedName(name))
          throw invalidArgument("NamedItemCollection.add", `Invalid name "${name}".`);
        if (nameTaken(model, name)) throw alreadyExists("NamedItemCollection.add");
        const ref =
          typeof reference === "string"
            ? resolveReference(this.context, reference, "NamedItemCollection.add")
            : (() => {
                const located = reference.at("NamedItemCollection.add");
                return { sheetId: located.sheet.id, rect: located.rect };
              })();
        const created: NameModel = { name, comment, visible: true, ref };
        model.names.push(created);
        return created;
      },
      false,
    );
  }

  getItem(name: string): NamedItem {
    return this.bound("NamedItemCollection.getItem", () => findName(this.context.model, name) ?? null, false);
  }

  getItemOrNullObject(name: string): NamedItem {
    return this.bound(
      "NamedItemCollection.getItemOrNullObject",
      () => findName(this.context.model, name) ?? null,
      true,
    );
  }

  getCount(): ClientResult<number> {
    return this.queueResult("getCount", () => this.context.model.names.length);
  }
}
