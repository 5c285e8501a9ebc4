/**
 * The request context: a queue of operations sent to the workbook in one round trip per sync().
 * Excel runs a batch in order and stops at the first failing operation (what ran before it stays
 * applied); a request over the payload limit is refused whole.
 * https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization
 */
import { ErrorCodes, WorkbenchApiError } from "./errors";
import type { ErrorCode } from "./errors";
import type { WorkbookModel } from "../model/types";
import type { Platform } from "./platforms";
import { WorkbookProxy } from "./workbook";

export interface WorkbenchStats {
  /** context.sync() round trips (Excel.run's closing sync included when it had work). */
  syncs: number;
  /** Queued operations sent (loads, property sets, method calls). */
  requests: number;
  /** Bytes of request payload sent. */
  requestBytes: number;
  reset(): void;
}

/** The shared state behind every context of one workbench. */
export interface Host {
  model: WorkbookModel;
  /** The Excel stood in for: members of requirement sets it lacks fail with ApiNotFound. */
  platform: Platform;
  stats: WorkbenchStats;
  limits: { requestBytes: number; responseBytes: number };
  /** While true, every sync fails as Excel does when a cell is being edited. */
  cellEditMode: boolean;
  /** A one-shot failure injected by a test for the next sync that carries operations. */
  failNextSync: ErrorCode | null;
  /** How many times a batch asked Excel to suspend calculation (suspendApiCalculationUntilNextSync). */
  suspendedCalculations: number;
  changed(): void;
}

interface Operation {
  location: string;
  run: () => void;
}

const encoder = new TextEncoder();

function payloadSize(value: unknown): number {
  if (value === undefined) return 0;
  const json: unknown = JSON.stringify(value);
  if (typeof json !== "string") return 0;
  // ASCII is the common case; measure UTF-8 exactly only when needed.
  return /[^\x20-\x7e]/.test(json) ? encoder.encode(json).length : json.length;
}

export class RequestContext {
  readonly workbook: WorkbookProxy;
  readonly trackedObjects = {
    add: (_objects: unknown): void => undefined,
    remove: (_objects: unknown): void => undefined,
  };
  private queue: Operation[] = [];
  private queuedBytes = 0;
  private staged: (() => void)[] = [];
  private responseBytes = 0;
  private closed = false;

  constructor(readonly host: Host) {
    this.workbook = new WorkbookProxy(this);
  }

  get model(): WorkbookModel {
    return this.host.model;
  }

  get hasPendingWork(): boolean {
    return this.queue.length > 0;
  }

  enqueue(location: string, run: () => void, payload?: unknown): void {
    if (this.closed) {
      throw new WorkbenchApiError(
        ErrorCodes.invalidObjectPath,
        "The object path isn't working for what you're trying to do. The request context of this object has ended.",
        location,
      );
    }
    this.queue.push({ location, run });
    this.queuedBytes += 16 + location.length + payloadSize(payload);
  }

  /** Publishes a loaded value on a proxy once the whole batch succeeds. */
  stage(apply: () => void): void {
    this.staged.push(apply);
  }

  countResponse(value: unknown): void {
    this.responseBytes += payloadSize(value);
  }

  load<T extends { load: (spec?: never) => unknown }>(object: T, spec?: Parameters<T["load"]>[0]): T {
    object.load(spec);
    return object;
  }

  async sync(): Promise<void> {
    const operations = this.queue;
    const bytes = this.queuedBytes;
    this.queue = [];
    this.queuedBytes = 0;
    this.staged = [];
    this.responseBytes = 0;
    const stats = this.host.stats;
    stats.syncs++;
    // A round trip is asynchronous: callers must not observe the workbook change synchronously.
    await Promise.resolve();
    if (operations.length === 0) return;
    stats.requests += operations.length;
    stats.requestBytes += bytes;
    this.refuseWhole(bytes);
    let changed = false;
    try {
      for (const operation of operations) {
        changed = true;
        try {
          operation.run();
        } catch (error) {
          throw asApiError(error, operation.location);
        }
      }
      if (this.responseBytes > this.host.limits.responseBytes) {
        throw new WorkbenchApiError(
          ErrorCodes.responsePayloadSizeLimitExceeded,
          "The response payload size has exceeded the limit. Please refer to the documentation.",
          operations[0]?.location,
        );
      }
      for (const apply of this.staged) apply();
    } finally {
      this.staged = [];
      if (changed) this.host.changed();
    }
  }

  /** Failures that happen before Excel runs anything: edit mode, injected faults, payload size. */
  private refuseWhole(bytes: number): void {
    const host = this.host;
    if (host.cellEditMode) {
      throw new WorkbenchApiError(
        ErrorCodes.invalidOperationInCellEditMode,
        "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
      );
    }
    if (host.failNextSync) {
      const code = host.failNextSync;
      host.failNextSync = null;
      throw new WorkbenchApiError(code, `Injected failure ${code}.`);
    }
    if (bytes > host.limits.requestBytes) {
      throw new WorkbenchApiError(
        ErrorCodes.requestPayloadSizeLimitExceeded,
        "The request payload size has exceeded the limit. Please refer to the documentation.",
      );
    }
  }

  /** Ends the context: Excel.run's proxies are not usable after it returns. */
  close(): void {
    this.closed = true;
  }
}

function asApiError(error: unknown, location: string): WorkbenchApiError {
  if (error instanceof WorkbenchApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && error.name === "AddressError") {
    return new WorkbenchApiError(ErrorCodes.invalidArgument, message, location);
  }
  return new WorkbenchApiError(ErrorCodes.generalException, message, location);
}
