/**
 * Collections (worksheets, tables, rows…): load("items/name") and load("name") both load the items.
 */
import { ClientObject } from "./clientObject";
import { invalidArgument } from "./errors";

export abstract class ClientCollection<T extends ClientObject> extends ClientObject {
  /** Fresh proxies for the current items, at sync time. */
  protected abstract itemProxies(): T[];

  protected scalarProperties(): readonly string[] {
    return ["items"];
  }

  protected readProperty(name: string): unknown {
    if (name === "count") return this.itemProxies().length;
    if (name === "items") return this.loadedItems(null);
    throw invalidArgument(`${this.objectName}.load`, `Unknown property '${name}'.`);
  }

  private loadedItems(paths: string[] | null): T[] {
    return this.itemProxies().map((item) => {
      item.loadNow(paths);
      return item;
    });
  }

  override loadNow(paths: string[] | null): void {
    const itemPaths = (paths ?? [])
      .filter((p) => p !== "items" && p !== "count")
      .map((p) => p.replace(/^items\//, ""));
    if (itemPaths.length === 0) {
      super.loadNow(paths);
      return;
    }
    if (this.isMissing()) {
      super.loadNow(paths);
      return;
    }
    const items = this.loadedItems(itemPaths);
    const wantsCount = paths?.includes("count") ?? false;
    this.context.stage(() => {
      this.loaded.set("items", items);
      if (wantsCount) this.loaded.set("count", items.length);
    });
  }

  get items(): T[] {
    return this.get("items") as T[];
  }
  get count(): number {
    return this.get("count") as number;
  }
}
