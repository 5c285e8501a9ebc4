/**
 * The add-in's sync client: an outbox of field-level mutations with client-made UUIDs, persisted
 * before anything is sent (so a retry after a lost answer is a harmless replay), pushed in batches,
 * and a pull loop that hands changed rows to the host.
 */
import type {
  JsonValue,
  Mutation,
  MutationResult,
  PullResponse,
  PulledRow,
  PushResponse,
  SyncTableName,
} from "../contract";
import { requestJson, type HttpOptions } from "./transport";
import type { SyncState, SyncStorage } from "./storage";

export interface SyncClientOptions extends HttpOptions {
  storage: SyncStorage;
  /** Mutations per push request; default 500. */
  batchSize?: number;
  newId?: () => string;
}

export interface FieldEdit {
  /** The value this client last saw from the server (null for a new row). */
  base: JsonValue;
  value: JsonValue;
}

export class SyncClient {
  private state: SyncState = { outbox: [], since: 0 };
  private loaded = false;

  constructor(private readonly options: SyncClientOptions) {}

  private async ready(): Promise<void> {
    if (this.loaded) return;
    this.state = (await this.options.storage.load()) ?? { outbox: [], since: 0 };
    this.loaded = true;
  }

  async pending(): Promise<readonly Mutation[]> {
    await this.ready();
    return this.state.outbox;
  }

  async since(): Promise<number> {
    await this.ready();
    return this.state.since;
  }

  /** Queues a change of `fields` on a row seen at `baseVersion` (0 for a new row); saved at once. */
  async enqueue(
    table: SyncTableName,
    rowId: string,
    baseVersion: number,
    fields: Record<string, FieldEdit>,
  ): Promise<Mutation> {
    await this.ready();
    const mutation: Mutation = {
      mutationId: (this.options.newId ?? (() => crypto.randomUUID()))(),
      table,
      rowId,
      baseVersion,
      fields: Object.fromEntries(
        Object.entries(fields).map(([k, f]) => [k, { base: f.base, value: f.value }]),
      ),
    };
    this.state.outbox.push(mutation);
    await this.options.storage.save(this.state);
    return mutation;
  }

  /** Drops mutations the store refused as malformed (SyncHttpError 400), after the host has shown them. */
  async discard(mutationIds: readonly string[]): Promise<void> {
    await this.ready();
    const drop = new Set(mutationIds);
    this.state.outbox = this.state.outbox.filter((m) => !drop.has(m.mutationId));
    await this.options.storage.save(this.state);
  }

  /** Sends the outbox; acknowledged mutations leave it. Conflicts come back in the results. */
  async push(): Promise<MutationResult[]> {
    await this.ready();
    const results: MutationResult[] = [];
    const size = this.options.batchSize ?? 500;
    while (this.state.outbox.length > 0) {
      const batch = this.state.outbox.slice(0, size);
      const response = await requestJson<PushResponse>(this.options, "POST", "/sync/push", {
        mutations: batch,
        ...(this.options.clientApp !== undefined ? { clientApp: this.options.clientApp } : {}),
      });
      const done = new Set(response.results.map((r) => r.mutationId));
      this.state.outbox = this.state.outbox.filter((m) => !done.has(m.mutationId));
      await this.options.storage.save(this.state);
      results.push(...response.results);
    }
    return results;
  }

  /** Pulls every change after the saved position; `apply` runs before the position advances. */
  async pull(apply: (rows: readonly PulledRow[]) => void | Promise<void>, limit?: number): Promise<number> {
    await this.ready();
    let count = 0;
    for (;;) {
      const query = `/sync/pull?since=${this.state.since}${limit !== undefined ? `&limit=${limit}` : ""}`;
      const page = await requestJson<PullResponse>(this.options, "GET", query);
      await apply(page.rows);
      count += page.rows.length;
      this.state.since = page.next;
      await this.options.storage.save(this.state);
      if (!page.more) return count;
    }
  }
}
