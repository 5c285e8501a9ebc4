/**
 * Bookkeeping for fault tests: which mutations were queued and which the store acknowledged, and
 * the checks that follow a fault — every acknowledged mutation applied exactly once, the change log
 * numbered without gaps, pulls that never skip a sequence number.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { MutationResult, PulledRow } from "../../../src/contract";
import { byTableName } from "../../../src/server/db/syncRows";
import type { DB } from "../../../src/server/db/schema";
import {
  memoryStorage,
  patTokenProvider,
  SyncClient,
  type FetchLike,
  type RetryPolicy,
} from "../../../src/sync";

export interface ClientSetup {
  baseUrl: string;
  fetch?: FetchLike;
  retry: RetryPolicy;
  batchSize: number;
}

export function syncClient(token: string, setup: ClientSetup): SyncClient {
  return new SyncClient({
    baseUrl: setup.baseUrl,
    tokens: patTokenProvider(token),
    storage: memoryStorage(),
    ...(setup.fetch !== undefined ? { fetch: setup.fetch } : {}),
    retry: setup.retry,
    batchSize: setup.batchSize,
  });
}

interface Write {
  rowId: string;
  name: string;
}

export class Ledger {
  /** By mutation id: what each queued mutation writes (a new client row named `name`). */
  readonly queued = new Map<string, Write>();
  readonly acked = new Map<string, Write>();
  /** Results other than a first application or its replay: none are expected. */
  readonly unexpected: MutationResult[] = [];
  /** Acknowledgements that were replays: the first answer was lost after the commit. */
  replayed = 0;

  /** Queues `count` new client rows on `client`, named `${tag}-<k>`. */
  async enqueue(client: SyncClient, tag: string, count: number): Promise<void> {
    for (let k = 0; k < count; k++) {
      const rowId = randomUUID();
      const name = `${tag}-${k}`;
      const m = await client.enqueue("clients", rowId, 0, {
        name: { base: null, value: name },
        year: { base: null, value: 2026 },
      });
      this.queued.set(m.mutationId, { rowId, name });
    }
  }

  record(results: readonly MutationResult[]): void {
    for (const r of results) {
      const write = this.queued.get(r.mutationId);
      if (
        r.status !== "applied" ||
        write === undefined ||
        write.rowId !== r.rowId ||
        this.acked.has(r.mutationId)
      ) {
        this.unexpected.push(r);
        continue;
      }
      this.acked.set(r.mutationId, write);
      if (r.replayed === true) this.replayed += 1;
    }
  }
}

/** Every acknowledged mutation has one change-log entry, one `mutations` record, and its row as written. */
export async function expectAppliedOnce(db: Kysely<DB>, acked: ReadonlyMap<string, Write>): Promise<void> {
  const ids = [...acked.keys()];
  const logged = new Map<string, number>();
  const recorded = new Set<string>();
  const rows = new Map<string, string | null>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    for (const e of await db
      .selectFrom("change_log")
      .select("mutation_id")
      .where("mutation_id", "in", chunk)
      .execute())
      logged.set(e.mutation_id ?? "", (logged.get(e.mutation_id ?? "") ?? 0) + 1);
    for (const m of await db
      .selectFrom("mutations")
      .select("mutation_id")
      .where("mutation_id", "in", chunk)
      .execute())
      recorded.add(m.mutation_id);
    const rowIds = chunk.map((id) => acked.get(id)!.rowId);
    for (const r of await byTableName(db)
      .selectFrom("clients")
      .select(["id", "name"])
      .where("id", "in", rowIds)
      .execute())
      rows.set(String(r.id), r.name === null ? null : String(r.name));
  }
  const lost = ids.filter((id) => !logged.has(id) || !recorded.has(id));
  const twice = ids.filter((id) => (logged.get(id) ?? 0) > 1);
  const wrong = ids.filter((id) => rows.get(acked.get(id)!.rowId) !== acked.get(id)!.name);
  expect({ lost, twice, wrong }).toEqual({ lost: [], twice: [], wrong: [] });
}

/** The change log holds every sequence number from 1 to the counter, once each, and nothing else. */
export async function expectGaplessLog(db: Kysely<DB>): Promise<number> {
  const counter = await db.selectFrom("seq_counter").select("value").executeTakeFirstOrThrow();
  const seqs = (await db.selectFrom("change_log").select("seq").orderBy("seq").execute()).map((r) => r.seq);
  const misplaced = seqs.filter((seq, i) => seq !== i + 1);
  expect({ entries: seqs.length, misplaced: misplaced.slice(0, 10) }).toEqual({
    entries: counter.value,
    misplaced: [],
  });
  return counter.value;
}

/** Pulls in pages while writers run, keeping everything seen: a pull that skipped a number shows up later as a missing row. */
export class PullWatcher {
  readonly seen: PulledRow[] = [];
  private last = 0;
  /** Pages whose sequence numbers went backwards or repeated (must stay empty). */
  readonly disorder: string[] = [];

  constructor(
    private readonly client: SyncClient,
    private readonly limit: number,
  ) {}

  async pullOnce(): Promise<void> {
    await this.client.pull((rows) => {
      for (const row of rows) {
        if (row.seq <= this.last) this.disorder.push(`seq ${row.seq} after ${this.last}`);
        this.last = row.seq;
        this.seen.push(row);
      }
    }, this.limit);
  }
}
