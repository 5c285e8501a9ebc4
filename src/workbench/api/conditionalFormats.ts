/**
 * Excel.ConditionalFormatCollection and ConditionalFormat. Rules and formats are recorded as plain
 * data (cellValue, custom, textComparison…) for tests and drawing; they are not evaluated.
 * https://learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection
 */
import { ClientObject } from "./clientObject";
import type { ClientResult } from "./clientObject";
import type { RequestContext } from "./context";
import { invalidArgument, itemNotFound } from "./errors";
import { writable } from "./located";
import type { Located, Locator } from "./located";
import { Range } from "./range";
import { formatRect, overlaps, subtract } from "../model/address";
import type { ConditionalFormatModel } from "../model/types";
import { newId } from "../model/workbook";

const SETTINGS_KEY: Record<string, string> = {
  CellValue: "cellValue",
  Custom: "custom",
  ContainsText: "textComparison",
  ColorScale: "colorScale",
  DataBar: "dataBar",
  IconSet: "iconSet",
  TopBottom: "topBottom",
  PresetCriteria: "preset",
};

type Recorder = Record<string, unknown>;

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  path.slice(0, -1).forEach((key) => {
    const next = node[key];
    if (next === null || typeof next !== "object") node[key] = {};
    node = node[key] as Record<string, unknown>;
  });
  const last = path.at(-1);
  if (last === undefined) return;
  if (value === undefined) Reflect.deleteProperty(node, last);
  else node[last] = structuredClone(value);
}

export class ConditionalFormat extends ClientObject {
  protected readonly objectName = "ConditionalFormat";
  private modelId: string | null = null;

  constructor(
    context: RequestContext,
    private readonly locate: Locator,
  ) {
    super(context);
  }

  /** Binds the proxy to the format created by add(), at sync time. */
  bind(id: string): void {
    this.modelId = id;
  }

  private find(): { located: Located; model: ConditionalFormatModel } | null {
    const located = this.locate();
    const model = located?.sheet.conditionalFormats.find((cf) => cf.id === this.modelId);
    return located && model ? { located, model } : null;
  }

  isMissing(): boolean {
    return this.find() === null;
  }

  protected scalarProperties(): readonly string[] {
    return ["id", "type", "priority", "stopIfTrue"];
  }

  protected readProperty(name: string): unknown {
    const found = this.find();
    if (!found) throw itemNotFound("ConditionalFormat");
    const model = found.model;
    if (name === "id" || name === "type" || name === "priority" || name === "stopIfTrue") return model[name];
    throw invalidArgument("ConditionalFormat.load", `Unknown property '${name}'.`);
  }

  /** Queues a write of one setting path (e.g. cellValue.format.fill.color). */
  patch(path: readonly string[], value: unknown): void {
    this.queueSet(path.join("."), value, () => {
      const found = this.find();
      if (!found) throw itemNotFound("ConditionalFormat");
      writable(found.located, "ConditionalFormat");
      setPath(found.model.settings, path, value);
    });
  }

  private recorder(path: readonly string[]): Recorder {
    return new Proxy<Recorder>(
      {},
      {
        get: (_target, prop) => {
          if (typeof prop !== "string") return undefined;
          if (prop === "clear") {
            return () => {
              this.patch(path, undefined);
            };
          }
          if (prop === "load") return () => this.recorder(path);
          if (prop === "toJSON") return () => ({});
          return this.recorder([...path, prop]);
        },
        set: (_target, prop, value) => {
          this.patch([...path, String(prop)], value);
          return true;
        },
      },
    );
  }

  get cellValue(): Recorder {
    return this.recorder(["cellValue"]);
  }
  get custom(): Recorder {
    return this.recorder(["custom"]);
  }
  get textComparison(): Recorder {
    return this.recorder(["textComparison"]);
  }
  get colorScale(): Recorder {
    return this.recorder(["colorScale"]);
  }
  get dataBar(): Recorder {
    return this.recorder(["dataBar"]);
  }
  get iconSet(): Recorder {
    return this.recorder(["iconSet"]);
  }
  get topBottom(): Recorder {
    return this.recorder(["topBottom"]);
  }
  get preset(): Recorder {
    return this.recorder(["preset"]);
  }

  get type(): string {
    return this.get("type") as string;
  }
  get priority(): number {
    return this.get("priority") as number;
  }
  set priority(value: number) {
    this.queueSet("priority", value, () => {
      const found = this.find();
      if (found) found.model.priority = value;
    });
  }
  get stopIfTrue(): boolean {
    return this.get("stopIfTrue") as boolean;
  }
  set stopIfTrue(value: boolean) {
    this.queueSet("stopIfTrue", value, () => {
      const found = this.find();
      if (found) found.model.stopIfTrue = value;
    });
  }

  getRange(): Range {
    return new Range(this.context, () => {
      const found = this.find();
      return found ? { sheet: found.located.sheet, rect: found.model.rect } : null;
    });
  }

  delete(): void {
    this.queueCall("delete", undefined, () => {
      const found = this.find();
      if (!found) throw itemNotFound("ConditionalFormat.delete");
      const sheet = writable(found.located, "ConditionalFormat.delete").sheet;
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => cf.id !== this.modelId);
    });
  }
}

export class ConditionalFormatCollection extends ClientObject {
  protected readonly objectName = "ConditionalFormatCollection";

  constructor(
    context: RequestContext,
    private readonly locate: Locator,
  ) {
    super(context);
  }

  isMissing(): boolean {
    return this.locate() === null;
  }

  private at(location: string): Located {
    const located = this.locate();
    if (!located) throw itemNotFound(location);
    return located;
  }

  private inRange(): ConditionalFormatModel[] {
    const { sheet, rect } = this.at("ConditionalFormatCollection");
    return sheet.conditionalFormats.filter((cf) => overlaps(cf.rect, rect));
  }

  protected scalarProperties(): readonly string[] {
    return ["items"];
  }

  protected readProperty(name: string): unknown {
    if (name === "count") return this.inRange().length;
    if (name !== "items")
      throw invalidArgument("ConditionalFormatCollection.load", `Unknown property '${name}'.`);
    return this.inRange().map((model) => {
      const item = new ConditionalFormat(this.context, this.locate);
      item.bind(model.id);
      item.loadNow(null);
      return item;
    });
  }

  get items(): ConditionalFormat[] {
    return this.get("items") as ConditionalFormat[];
  }

  add(type: string): ConditionalFormat {
    const item = new ConditionalFormat(this.context, this.locate);
    this.queueCall("add", type, () => {
      if (!(type in SETTINGS_KEY))
        throw invalidArgument("ConditionalFormatCollection.add", `Unknown type ${type}.`);
      const { sheet, rect } = writable(
        this.at("ConditionalFormatCollection.add"),
        "ConditionalFormatCollection.add",
      );
      // A new format takes the top priority (0) and pushes the others down.
      for (const cf of sheet.conditionalFormats) cf.priority++;
      const id = newId(this.context.model, "CF");
      sheet.conditionalFormats.push({ id, type, rect, priority: 0, stopIfTrue: false, settings: {} });
      item.bind(id);
    });
    return item;
  }

  clearAll(): void {
    this.queueCall("clearAll", undefined, () => {
      const { sheet, rect } = writable(
        this.at("ConditionalFormatCollection.clearAll"),
        "ConditionalFormatCollection.clearAll",
      );
      sheet.conditionalFormats = sheet.conditionalFormats.flatMap((cf) =>
        subtract(cf.rect, rect).map((part, i) => ({
          ...cf,
          id: i === 0 ? cf.id : `${cf.id}.${formatRect(part)}`,
          rect: part,
        })),
      );
    });
  }

  getCount(): ClientResult<number> {
    return this.queueResult("getCount", () => this.inRange().length);
  }
}
