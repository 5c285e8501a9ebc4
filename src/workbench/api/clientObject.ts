/**
 * The proxy-object machinery of Office.js: load() queues a read, values land on the proxy only when
 * context.sync() returns, and reading anything not loaded throws PropertyNotLoaded.
 * https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model
 */
import { invalidArgument, notLoaded } from "./errors";
import { recalculate } from "../model/calc";
import { checkMember } from "./platforms";
import type { RequestContext } from "./context";

export type LoadSpec = string | string[] | Record<string, unknown> | undefined;

/** Normalizes every form load() accepts ("a,b", ["a","b"], {select}, {a: true}) into property paths. */
export function parseLoadSpec(spec: LoadSpec): string[] | null {
  if (spec === undefined) return null;
  if (typeof spec === "string") return splitNames(spec);
  if (Array.isArray(spec)) return spec.flatMap(splitNames);
  const select = spec.select;
  if (typeof select === "string" || Array.isArray(select)) return parseLoadSpec(select as string | string[]);
  const out: string[] = [];
  for (const [key, value] of Object.entries(spec)) {
    if (value === true) out.push(key);
    else if (value && typeof value === "object") {
      for (const sub of parseLoadSpec(value as Record<string, unknown>) ?? []) out.push(`${key}/${sub}`);
    }
  }
  return out;
}

function splitNames(text: string): string[] {
  return text
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
}

/** The value of a method returning a scalar (getCount()…): readable after sync only. */
export class ClientResult<T> {
  private ready = false;
  private result: T | undefined;

  constructor(private readonly location: string) {}

  get value(): T {
    if (!this.ready) throw notLoaded(this.location, "value");
    return this.result as T;
  }

  /** Called by the context when the batch that computed it succeeds. */
  settle(value: T): void {
    this.ready = true;
    this.result = value;
  }
}

export abstract class ClientObject {
  protected readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(readonly context: RequestContext) {}

  /** The Excel type name, for error locations ("Range", "Worksheet"…). */
  protected abstract readonly objectName: string;
  /** Scalar properties loaded by an empty load(). */
  protected abstract scalarProperties(): readonly string[];
  /** Reads one scalar property from the model, at sync time. */
  protected abstract readProperty(name: string): unknown;
  /** True when this proxy refers to nothing (an *OrNullObject miss); throws ItemNotFound for getItem misses. */
  abstract isMissing(): boolean;

  /** Child proxies reachable by a navigation path segment ("format", "fill", "protection"…). */
  protected navigate(_segment: string): ClientObject | null {
    return null;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded(this.objectName, "isNullObject");
    return this.nullState;
  }

  load(spec?: LoadSpec): this {
    const paths = parseLoadSpec(spec);
    this.context.enqueue(`${this.objectName}.load`, () => {
      this.loadNow(paths);
    });
    return this;
  }

  /** Runs a load inside a sync: reads now, publishes when the batch succeeds. */
  loadNow(paths: string[] | null): void {
    // Excel recalculates before it answers a read (unless calculation is manual).
    recalculate(this.context.model);
    if (this.isMissing()) {
      this.context.stage(() => {
        this.nullState = true;
      });
      return;
    }
    const names = paths ?? [...this.scalarProperties()];
    const values: [string, unknown][] = [];
    const nested = new Map<string, string[]>();
    for (const path of names) {
      const slash = path.indexOf("/");
      // Loading a property the platform lacks fails the batch (an empty load() takes what exists).
      if (paths !== null)
        checkMember(
          this.context.host.platform,
          `${this.objectName}.${path.slice(0, slash < 0 ? undefined : slash)}`,
        );
      if (slash < 0) {
        values.push([path, this.readProperty(path)]);
        continue;
      }
      const head = path.slice(0, slash);
      nested.set(head, [...(nested.get(head) ?? []), path.slice(slash + 1)]);
    }
    for (const [head, rest] of nested) {
      const child = this.navigate(head);
      if (!child) throw invalidArgument(`${this.objectName}.load`, `Unknown navigation property '${head}'.`);
      child.loadNow(rest);
    }
    this.context.countResponse(values);
    this.context.stage(() => {
      this.nullState = false;
      for (const [name, value] of values) this.loaded.set(name, value);
    });
  }

  /** Marks the proxy as resolved (or null) once the batch that created it succeeds. */
  protected queueResolve(location: string): void {
    this.context.enqueue(location, () => {
      const missing = this.isMissing();
      this.context.stage(() => {
        this.nullState = missing;
      });
    });
  }

  protected get(name: string): unknown {
    if (!this.loaded.has(name)) throw notLoaded(this.objectName, name);
    return this.loaded.get(name);
  }

  /** Queues a property write; the model changes only at sync, and the proxy keeps no local copy. */
  protected queueSet(name: string, value: unknown, apply: () => void): void {
    this.context.enqueue(
      `${this.objectName}.${name}`,
      () => {
        if (!this.isMissing()) apply();
      },
      value,
    );
  }

  /** Queues a method call with its arguments (counted in the request payload). */
  protected queueCall(name: string, args: unknown, apply: () => void): void {
    this.context.enqueue(
      `${this.objectName}.${name}`,
      () => {
        if (!this.isMissing()) apply();
      },
      args,
    );
  }

  /** A scalar result computed at sync time. */
  protected queueResult<T>(name: string, compute: () => T): ClientResult<T> {
    const result = new ClientResult<T>(`${this.objectName}.${name}`);
    this.context.enqueue(`${this.objectName}.${name}`, () => {
      const value = compute();
      this.context.countResponse(value);
      this.context.stage(() => {
        result.settle(value);
      });
    });
    return result;
  }

  /** Tracking only matters across batches in Office.js; proxies here stay usable within their run. */
  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}
