/**
 * Excel.ChartCollection and Chart: charts are recorded (type, source, title, position) for drawing
 * and tests; nothing is plotted.
 * https://learn.microsoft.com/javascript/api/excel/excel.chartcollection
 */
import { ClientObject } from "./clientObject";
import type { ClientResult } from "./clientObject";
import { ClientCollection } from "./collection";
import type { RequestContext } from "./context";
import { invalidArgument, itemNotFound } from "./errors";
import { writable } from "./located";
import type { Range } from "./range";
import type { Worksheet } from "./worksheet";
import { formatRect, parseRect } from "../model/address";
import type { ChartModel, SheetModel } from "../model/types";
import { newId } from "../model/workbook";

type ChartLocator = () => { sheet: SheetModel; chart: ChartModel } | null;

/** A nested settings object (chart.title, chart.legend…) whose writes are queued into chart.settings. */
class ChartPart {
  constructor(
    private readonly chart: Chart,
    private readonly key: string,
  ) {}

  set text(value: string) {
    this.chart.patch(this.key, "text", value);
  }
  set visible(value: boolean) {
    this.chart.patch(this.key, "visible", value);
  }
  set position(value: string) {
    this.chart.patch(this.key, "position", value);
  }
}

export class Chart extends ClientObject {
  protected readonly objectName = "Chart";

  constructor(
    context: RequestContext,
    private readonly locate: ChartLocator,
  ) {
    super(context);
  }

  isMissing(): boolean {
    return this.locate() === null;
  }

  private found(location: string): { sheet: SheetModel; chart: ChartModel } {
    const found = this.locate();
    if (!found) throw itemNotFound(location);
    return found;
  }

  protected scalarProperties(): readonly string[] {
    return ["id", "name", "chartType", "top", "left", "width", "height"];
  }

  protected readProperty(name: string): unknown {
    const { chart } = this.found(`Chart.${name}`);
    if (name === "id" || name === "name") return chart[name];
    if (name === "chartType") return chart.type;
    if (name === "top" || name === "left" || name === "width" || name === "height")
      return chart.position[name];
    throw invalidArgument("Chart.load", `Unknown property '${name}'.`);
  }

  patch(key: string, field: string, value: unknown): void {
    this.queueSet(`${key}.${field}`, value, () => {
      const { chart } = this.found(`Chart.${key}`);
      if (key === "title" && field === "text") chart.title = String(value);
      const part = (chart.settings[key] ?? {}) as Record<string, unknown>;
      chart.settings[key] = { ...part, [field]: value };
    });
  }

  private setField(field: string, apply: (chart: ChartModel) => void, value: unknown): void {
    this.queueSet(field, value, () => {
      const found = this.found(`Chart.${field}`);
      writable({ sheet: found.sheet, rect: found.chart.source }, `Chart.${field}`);
      apply(found.chart);
    });
  }

  get id(): string {
    return this.get("id") as string;
  }
  get name(): string {
    return this.get("name") as string;
  }
  set name(value: string) {
    this.setField("name", (c) => (c.name = value), value);
  }
  get chartType(): string {
    return this.get("chartType") as string;
  }
  set chartType(value: string) {
    this.setField("chartType", (c) => (c.type = value), value);
  }
  set top(value: number) {
    this.setField("top", (c) => (c.position.top = value), value);
  }
  set left(value: number) {
    this.setField("left", (c) => (c.position.left = value), value);
  }
  set width(value: number) {
    this.setField("width", (c) => (c.position.width = value), value);
  }
  set height(value: number) {
    this.setField("height", (c) => (c.position.height = value), value);
  }
  get title(): ChartPart {
    return new ChartPart(this, "title");
  }
  get legend(): ChartPart {
    return new ChartPart(this, "legend");
  }

  setPosition(startCell: Range | string, endCell?: Range | string): void {
    const label = (cell: Range | string | undefined): string | undefined =>
      cell === undefined
        ? undefined
        : typeof cell === "string"
          ? formatRect(parseRect(cell))
          : formatRect(cell.at("Chart.setPosition").rect);
    this.queueCall(
      "setPosition",
      [typeof startCell === "string" ? startCell : null, typeof endCell === "string" ? endCell : null],
      () => {
        const { chart } = this.found("Chart.setPosition");
        const topLeft = label(startCell);
        const bottomRight = label(endCell);
        if (topLeft !== undefined) chart.position.topLeft = topLeft;
        if (bottomRight !== undefined) chart.position.bottomRight = bottomRight;
      },
    );
  }

  setData(source: Range, seriesBy = "Auto"): void {
    this.queueCall("setData", seriesBy, () => {
      const { chart } = this.found("Chart.setData");
      chart.source = source.at("Chart.setData").rect;
      chart.seriesBy = seriesBy;
    });
  }

  delete(): void {
    this.queueCall("delete", undefined, () => {
      const { sheet, chart } = this.found("Chart.delete");
      sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
}

export class ChartCollection extends ClientCollection<Chart> {
  protected readonly objectName = "ChartCollection";

  constructor(
    context: RequestContext,
    private readonly worksheet: Worksheet,
  ) {
    super(context);
  }

  isMissing(): boolean {
    return this.worksheet.isMissing();
  }

  private byId(id: () => string | null): ChartLocator {
    return () => {
      const sheet = this.worksheet.locate();
      const chart = sheet?.charts.find((c) => c.id === id());
      return sheet && chart ? { sheet, chart } : null;
    };
  }

  protected itemProxies(): Chart[] {
    return this.worksheet.sheet("ChartCollection").charts.map(
      (c) =>
        new Chart(
          this.context,
          this.byId(() => c.id),
        ),
    );
  }

  add(type: string, sourceData: Range, seriesBy = "Auto"): Chart {
    let id: string | null = null;
    const chart = new Chart(
      this.context,
      this.byId(() => id),
    );
    this.queueCall("add", [type, seriesBy], () => {
      const sheet = this.worksheet.sheet("ChartCollection.add");
      const source = sourceData.at("ChartCollection.add");
      writable({ sheet, rect: source.rect }, "ChartCollection.add");
      const model = this.context.model;
      id = newId(model, "C");
      const count = sheet.charts.length + 1;
      sheet.charts.push({
        id,
        name: `Chart ${count}`,
        type,
        source: source.rect,
        seriesBy,
        title: "",
        position: { top: 0, left: 0, width: 360, height: 216 },
        settings: {},
      });
    });
    return chart;
  }

  getItem(name: string): Chart {
    let id: string | null = null;
    const chart = new Chart(
      this.context,
      this.byId(() => id),
    );
    this.context.enqueue("ChartCollection.getItem", () => {
      const found = this.worksheet.sheet("ChartCollection.getItem").charts.find((c) => c.name === name);
      if (!found) throw itemNotFound("ChartCollection.getItem");
      id = found.id;
    });
    return chart;
  }

  getItemOrNullObject(name: string): Chart {
    let id: string | null = null;
    const chart = new Chart(
      this.context,
      this.byId(() => id),
    );
    this.context.enqueue("ChartCollection.getItemOrNullObject", () => {
      id = this.worksheet.locate()?.charts.find((c) => c.name === name)?.id ?? null;
    });
    chart.load([]);
    return chart;
  }

  getCount(): ClientResult<number> {
    return this.queueResult("getCount", () => this.worksheet.sheet("ChartCollection.getCount").charts.length);
  }
}
