/**
 * Excel.DataValidation: rules kept as plain data over rectangles (writes through the API are not
 * checked against them, as in Excel).
 * https://learn.microsoft.com/javascript/api/excel/excel.datavalidation
 */
import { ClientObject } from "./clientObject";
import type { RequestContext } from "./context";
import { invalidArgument, itemNotFound } from "./errors";
import { writable } from "./located";
import type { Located, Locator } from "./located";
import { contains, overlaps, subtract } from "../model/address";
import type { Rect } from "../model/address";
import type { SheetModel, ValidationModel } from "../model/types";

const RULE_TYPES: Record<string, string> = {
  list: "List",
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  date: "Date",
  time: "Time",
  textLength: "TextLength",
  custom: "Custom",
};

/** Removes validation from a rectangle, keeping it on the rest of each area it cut. */
export function removeValidation(sheet: SheetModel, rect: Rect): void {
  sheet.validations = sheet.validations.flatMap((v) =>
    subtract(v.rect, rect).map((part) => ({ ...v, rect: part })),
  );
}

export class DataValidation extends ClientObject {
  protected readonly objectName = "DataValidation";

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

  protected scalarProperties(): readonly string[] {
    return ["rule", "type", "ignoreBlanks", "errorAlert", "prompt", "valid"];
  }

  /** The validation covering the whole range, "mixed" when several apply, null when none. */
  private covering(): ValidationModel | "mixed" | null {
    const { sheet, rect } = this.at("DataValidation");
    const hits = sheet.validations.filter((v) => overlaps(v.rect, rect));
    const first = hits.at(0);
    if (!first) return null;
    const sameRule = hits.every((v) => JSON.stringify(v.rule) === JSON.stringify(first.rule));
    const union = hits.reduce<Rect[]>((rest, v) => rest.flatMap((r) => subtract(r, v.rect)), [rect]);
    return sameRule && (union.length === 0 || hits.some((v) => contains(v.rect, rect))) ? first : "mixed";
  }

  protected readProperty(name: string): unknown {
    const found = this.covering();
    const single = found === "mixed" ? null : found;
    switch (name) {
      case "rule":
        return single ? structuredClone(single.rule) : {};
      case "type": {
        if (found === "mixed") return "Inconsistent";
        const key = single ? Object.keys(single.rule)[0] : undefined;
        return key ? (RULE_TYPES[key] ?? "Custom") : "None";
      }
      case "ignoreBlanks":
        return single?.ignoreBlanks ?? true;
      case "errorAlert":
        return single?.errorAlert ?? { showAlert: true, style: "Stop", message: "", title: "" };
      case "prompt":
        return single?.prompt ?? { showPrompt: false, message: "", title: "" };
      case "valid":
        return true;
      default:
        throw invalidArgument("DataValidation.load", `Unknown property '${name}'.`);
    }
  }

  get rule(): Record<string, unknown> {
    return this.get("rule") as Record<string, unknown>;
  }
  set rule(value: Record<string, unknown>) {
    this.queueSet("rule", value, () => {
      const keys = Object.keys(value);
      if (keys.length !== 1 || !keys[0] || !(keys[0] in RULE_TYPES)) {
        throw invalidArgument(
          "DataValidation.rule",
          "A rule must set exactly one of list, wholeNumber, decimal, date, time, textLength, custom.",
        );
      }
      const { sheet, rect } = writable(this.at("DataValidation.rule"), "DataValidation.rule");
      removeValidation(sheet, rect);
      sheet.validations.push({ rect, rule: structuredClone(value), ignoreBlanks: true });
    });
  }
  get type(): string {
    return this.get("type") as string;
  }
  get valid(): boolean {
    return this.get("valid") as boolean;
  }
  get ignoreBlanks(): boolean {
    return this.get("ignoreBlanks") as boolean;
  }
  set ignoreBlanks(value: boolean) {
    this.patch("ignoreBlanks", (v) => ({ ...v, ignoreBlanks: value }), value);
  }
  get errorAlert(): Record<string, unknown> {
    return this.get("errorAlert") as Record<string, unknown>;
  }
  set errorAlert(value: Record<string, unknown>) {
    this.patch("errorAlert", (v) => ({ ...v, errorAlert: { ...v.errorAlert, ...value } }), value);
  }
  get prompt(): Record<string, unknown> {
    return this.get("prompt") as Record<string, unknown>;
  }
  set prompt(value: Record<string, unknown>) {
    this.patch("prompt", (v) => ({ ...v, prompt: { ...v.prompt, ...value } }), value);
  }

  private patch(name: string, change: (v: ValidationModel) => ValidationModel, value: unknown): void {
    this.queueSet(name, value, () => {
      const { sheet, rect } = writable(this.at(`DataValidation.${name}`), `DataValidation.${name}`);
      sheet.validations = sheet.validations.map((v) => (overlaps(v.rect, rect) ? change(v) : v));
    });
  }

  clear(): void {
    this.queueCall("clear", undefined, () => {
      const { sheet, rect } = writable(this.at("DataValidation.clear"), "DataValidation.clear");
      removeValidation(sheet, rect);
    });
  }
}
