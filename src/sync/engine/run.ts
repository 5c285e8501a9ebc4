/**
 * One sync of a workbook with the store: read the workbook, settle the rep's conflict choices,
 * diff against the snapshot, save the outbox in the workbook before anything is sent, push in
 * batches, pull from the cursor, write what came down with the new snapshot. The host (the Excel
 * gateway, or the CLI's file) reads and writes; this module decides.
 */
import type { Mutation, MutationResult, PullResponse, PushResponse, SyncTableName } from "../../contract";
import { SyncHttpError, SyncUnavailableError, WrongPersonError } from "../errors";
import { requestJson, type HttpOptions } from "../transport";
import { diff, followEdits } from "./diff";
import { applyPulled, resolveHeld, settlePush, type HeldChoice } from "./reconcile";
import type { HeldField, LocalChange, LocalTables, SyncMeta } from "./state";

/** At most this many mutations, and this many bytes of JSON, per push request (store limit: 5 MB). */
export const PUSH_MAX_MUTATIONS = 500;
export const PUSH_MAX_BYTES = 4_500_000;

export interface SyncRead {
  local: LocalTables;
  meta: SyncMeta;
  /** The rep's choices on held fields (the Conflits sheet, or the pane's buttons). */
  choices: readonly HeldChoice[];
}

export interface SyncHost {
  read(): Promise<SyncRead>;
  /** Saves the snapshot and outbox (and row ids the read gave new rows) before the push; local changes too. */
  save(meta: SyncMeta, changes: readonly LocalChange[]): Promise<void>;
  /** Writes what came down and the snapshot; called once per sync, online or not. */
  write(meta: SyncMeta, changes: readonly LocalChange[]): Promise<void>;
}

export interface SyncSummary {
  pushed: number;
  applied: number;
  merged: number;
  /** Fields held for the rep's choice (conflicts and refusals), all of them, not only new ones. */
  conflicts: HeldField[];
  pulled: Partial<Record<SyncTableName, number>>;
  /** Mutations still waiting for the store. */
  pending: number;
  offline: boolean;
  /** Push requests and pull pages made. */
  requests: number;
}

export interface RunOptions extends HttpOptions {
  now?: () => string;
  newId?: () => string;
  /** The signed-in person (from /me); the snapshot of another person's workbook is not pushed. */
  personId: string;
  pullLimit?: number;
}

/** Splits the outbox into requests under both limits. */
export function batches(outbox: readonly Mutation[]): Mutation[][] {
  const out: Mutation[][] = [];
  let current: Mutation[] = [];
  let bytes = 0;
  for (const m of outbox) {
    const size = JSON.stringify(m).length + 1;
    if (current.length > 0 && (current.length >= PUSH_MAX_MUTATIONS || bytes + size > PUSH_MAX_BYTES)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(m);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

export async function runSync(host: SyncHost, o: RunOptions): Promise<SyncSummary> {
  const now = o.now ?? (() => new Date().toISOString());
  const newId = o.newId ?? (() => crypto.randomUUID());
  const { local, meta, choices } = await host.read();
  if (meta.personId !== null && meta.personId !== o.personId)
    throw new WrongPersonError(meta.personId, o.personId);
  meta.personId = o.personId;
  // The held fields follow the cells first: a choice made on a value the rep has since changed is stale.
  followEdits(meta, local);
  const changes: LocalChange[] = resolveHeld(meta, choices, local);
  const fresh = diff(meta, local, newId);
  meta.outbox.push(...fresh);
  if (fresh.length > 0 || changes.length > 0) await host.save(meta, changes);

  const summary: SyncSummary = {
    pushed: 0,
    applied: 0,
    merged: 0,
    conflicts: [],
    pulled: {},
    pending: 0,
    offline: false,
    requests: 0,
  };
  try {
    for (const batch of batches(meta.outbox)) {
      let results: MutationResult[];
      try {
        const response = await requestJson<PushResponse>(o, "POST", "/sync/push", {
          mutations: batch,
          ...(o.clientApp !== undefined ? { clientApp: o.clientApp } : {}),
        });
        results = response.results;
      } catch (error: unknown) {
        // A request the store refuses as a whole (malformed, too large): its fields are held, shown.
        if (!(error instanceof SyncHttpError) || (error.status !== 400 && error.status !== 413)) throw error;
        results = batch.map((m) => ({
          mutationId: m.mutationId,
          rowId: m.rowId,
          table: m.table,
          status: "refused" as const,
          version: 0,
          applied: [],
          conflicts: [],
          reason: error.code,
        }));
      }
      summary.requests += 1;
      count(summary, results);
      settlePush(meta, batch, results, now());
    }
    for (;;) {
      const limit = o.pullLimit !== undefined ? `&limit=${o.pullLimit}` : "";
      const page = await requestJson<PullResponse>(o, "GET", `/sync/pull?since=${meta.cursor}${limit}`);
      summary.requests += 1;
      for (const row of page.rows)
        summary.pulled[row.table as SyncTableName] = (summary.pulled[row.table as SyncTableName] ?? 0) + 1;
      changes.push(...applyPulled(meta, page.rows, local));
      meta.cursor = page.next;
      if (!page.more) break;
    }
    meta.lastSync = now();
  } catch (error: unknown) {
    if (!(error instanceof SyncUnavailableError)) {
      await host.write(meta, changes);
      throw error;
    }
    summary.offline = true;
  }
  await host.write(meta, changes);
  summary.conflicts = [...meta.held];
  summary.pending = meta.outbox.length;
  return summary;
}

function count(summary: SyncSummary, results: readonly MutationResult[]): void {
  for (const r of results) {
    if (r.replayed === true) continue;
    summary.pushed += 1;
    if (r.status === "applied") summary.applied += 1;
    else if (r.status === "merged") summary.merged += 1;
  }
}

/** Who is signed in, and their role (GET /me). */
export interface Me {
  id: string;
  name: string;
  role: string;
  reportsTo?: string | null;
}

export function fetchMe(o: HttpOptions): Promise<Me> {
  return requestJson<Me>(o, "GET", "/me");
}
