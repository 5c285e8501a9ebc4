/**
 * POST /sync/push: a batch of field-level mutations applied atomically (one transaction, or one
 * savepoint of a group commit on SQLite: all or nothing, acknowledged once durable). Replays (same
 * mutation id) return the original result; a stale base is merged field by field (three-way); a
 * field changed on both sides to different values is a conflict, recorded and returned.
 */
import { createHash, randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import {
  SYNC_TABLES,
  type FieldConflict,
  type FieldKind,
  type Mutation,
  type MutationResult,
  type PushResponse,
  type SyncTableName,
  type TableSpec,
} from "../../contract";
import { can, type Actor } from "../access";
import { canonicalJson, columnOf, decode, encode, syncColumnsOf } from "../db/columns";
import { ApiError } from "../errors";
import type { ChangeLogTable, ConflictsTable, DB, MutationsTable } from "../db/schema";
import { refreshContactTotals } from "../team/contactTotals";
import { GroupCommit } from "./groupCommit";
import { byTableName, insertByTableName, insertChunked, type StoredRow } from "../db/syncRows";
import { lockSequence, saveSequence } from "./sequence";
import { validateMutations } from "./validate";

export interface RequestContext {
  actor: Actor;
  clientApp: string | null;
  ip: string | null;
}

const same = (kind: FieldKind, a: unknown, b: unknown): boolean =>
  canonicalJson(decode(kind, encode(kind, a))) === canonicalJson(decode(kind, encode(kind, b)));

const IN_CHUNK = 500;

async function loadRows(
  trx: Transaction<DB>,
  mutations: readonly Mutation[],
): Promise<Map<string, StoredRow>> {
  const rows = new Map<string, StoredRow>();
  const byTable = new Map<SyncTableName, string[]>();
  // validateMutations has checked every table name.
  for (const m of mutations) {
    const table = m.table as SyncTableName;
    byTable.set(table, [...(byTable.get(table) ?? []), m.rowId]);
  }
  for (const [table, ids] of byTable) {
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += IN_CHUNK) {
      const found = await byTableName(trx)
        .selectFrom(table)
        .select(syncColumnsOf(table))
        .where("id", "in", unique.slice(i, i + IN_CHUNK))
        .execute();
      for (const row of found) rows.set(`${table}/${String(row.id)}`, row);
    }
  }
  return rows;
}

async function loadReplays(
  trx: Transaction<DB>,
  ids: readonly string[],
): Promise<Map<string, MutationsTable>> {
  const out = new Map<string, MutationsTable>();
  for (let i = 0; i < ids.length; i += IN_CHUNK) {
    const found = await trx
      .selectFrom("mutations")
      .selectAll()
      .where("mutation_id", "in", ids.slice(i, i + IN_CHUNK))
      .execute();
    for (const row of found) out.set(row.mutation_id, row);
  }
  return out;
}

/** The content of a mutation, hashed: a reused mutation id must come back with the same. */
export function mutationDigest(m: Mutation): string {
  const content = canonicalJson({
    table: m.table,
    rowId: m.rowId,
    baseVersion: m.baseVersion,
    fields: m.fields,
  });
  return createHash("sha256").update(content, "utf8").digest("hex");
}

/** Owners (rep ids) of the clients that rows of this push name in `clientId`, from the database. */
async function loadClientOwners(
  trx: Transaction<DB>,
  mutations: readonly Mutation[],
): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const m of mutations) {
    const value = (m.fields as Partial<Mutation["fields"]>).clientId?.value;
    if (typeof value === "string") ids.add(value);
  }
  const owners = new Map<string, string>();
  const unique = [...ids];
  for (let i = 0; i < unique.length; i += IN_CHUNK) {
    const found = await trx
      .selectFrom("clients")
      .select(["id", "rep_id"])
      .where("id", "in", unique.slice(i, i + IN_CHUNK))
      .execute();
    for (const row of found) owners.set(row.id, row.rep_id);
  }
  return owners;
}

const groupCommits = new WeakMap<Kysely<DB>, GroupCommit>();

export async function push(
  db: Kysely<DB>,
  ctx: RequestContext,
  mutations: readonly Mutation[],
): Promise<PushResponse> {
  validateMutations(mutations);
  // Hashed before the transaction: the time inside it is everyone's wait.
  const digests = mutations.map(mutationDigest);
  const work = (trx: Transaction<DB>) => applyPush(trx, ctx, mutations, digests);
  // Writers are serialised by the sequence row on both databases: pushes share commits (groupCommit.ts).
  let group = groupCommits.get(db);
  if (group === undefined) {
    group = new GroupCommit(db);
    groupCommits.set(db, group);
  }
  return group.run(work, Math.max(1, mutations.length));
}

/** One push inside the caller's transaction. */
async function applyPush(
  trx: Transaction<DB>,
  ctx: RequestContext,
  mutations: readonly Mutation[],
  digests: readonly string[],
): Promise<PushResponse> {
  let seq = await lockSequence(trx);
  const replays = await loadReplays(
    trx,
    mutations.map((m) => m.mutationId),
  );
  const rows = await loadRows(trx, mutations);
  const clientOwners = await loadClientOwners(trx, mutations);
  // A client created earlier in this push is known by its row; else by the database.
  const clientRep = (id: string): string | undefined => {
    const created = rows.get(`clients/${id}`);
    return created === undefined ? clientOwners.get(id) : String(created.rep_id);
  };
  const now = new Date().toISOString();
  const results: MutationResult[] = [];
  const log: ChangeLogTable[] = [];
  const conflicts: ConflictsTable[] = [];
  const done: MutationsTable[] = [];
  const inserts = new Map<SyncTableName, StoredRow[]>();
  // Clients whose contact totals this push changes (recomputed once, after every write).
  const totalsOf = new Set<string>();
  const newClients = new Set<string>();

  for (const [index, m] of mutations.entries()) {
    const digest = digests[index] ?? mutationDigest(m);
    const replay = replays.get(m.mutationId);
    if (replay) {
      if (replay.digest != null && replay.digest !== digest)
        throw new ApiError("MUTATION_REUSED", { mutationId: m.mutationId });
      const original = JSON.parse(replay.result) as MutationResult;
      results.push(
        replay.actor_id === ctx.actor.id ? { ...original, replayed: true } : refusal(m, "FORBIDDEN", 0),
      );
      continue;
    }
    seq += 1;
    const table = m.table as SyncTableName;
    const key = `${table}/${m.rowId}`;
    const row = rows.get(key);
    const outcome = decide(ctx.actor, table, m, row, clientRep);
    results.push(outcome.result);
    done.push({
      mutation_id: m.mutationId,
      actor_id: ctx.actor.id,
      result: JSON.stringify(outcome.result),
      seq,
      at: now,
      digest,
    });
    log.push({
      seq,
      at: now,
      actor_id: ctx.actor.id,
      client_app: ctx.clientApp,
      ip: ctx.ip,
      mutation_id: m.mutationId,
      table_name: table,
      row_id: m.rowId,
      rep_id: outcome.repId,
      version: outcome.write ? outcome.result.version : null,
      result: outcome.result.status,
      fields: outcome.write ? JSON.stringify(outcome.write.fields) : null,
      reason: outcome.result.reason ?? null,
    });
    for (const c of outcome.result.conflicts) {
      conflicts.push({
        id: randomUUID(),
        seq,
        at: now,
        mutation_id: m.mutationId,
        actor_id: ctx.actor.id,
        table_name: table,
        row_id: m.rowId,
        rep_id: outcome.repId ?? "",
        field: c.field,
        base: canonicalJson(c.base ?? null),
        mine: canonicalJson(c.mine ?? null),
        theirs: canonicalJson(c.theirs ?? null),
      });
    }
    if (!outcome.write) continue;
    const columns: StoredRow = {
      version: outcome.result.version,
      updated_at: now,
      updated_by: ctx.actor.id,
    };
    for (const [field, value] of Object.entries(outcome.write.fields)) columns[columnOf(field)] = value;
    if (table === "clients" && !row) newClients.add(m.rowId);
    else for (const id of totalsTouched(table, row, outcome.write.fields, m.rowId)) totalsOf.add(id);
    if (row) {
      Object.assign(row, columns);
      await byTableName(trx).updateTable(table).set(columns).where("id", "=", m.rowId).execute();
    } else {
      const created: StoredRow = {
        id: m.rowId,
        rep_id: outcome.repId ?? ctx.actor.id,
        deleted: 0,
        ...columns,
      };
      rows.set(key, created);
      inserts.set(table, [...(inserts.get(table) ?? []), created]);
    }
  }
  // New rows go in by table in chunks; later mutations of the same new row updated the object in place.
  for (const [table, created] of inserts)
    await insertByTableName(trx, table, normaliseColumns(table, created));
  await refreshContactTotals(trx, totalsOf);
  await refreshContactTotals(
    trx,
    [...newClients].filter((id) => !totalsOf.has(id)),
    true,
  );
  await insertChunked(trx, "change_log", log);
  await insertChunked(trx, "mutations", done);
  await insertChunked(trx, "conflicts", conflicts);
  await saveSequence(trx, seq);
  return { results, seq };
}

const CONTACT_TOTAL_FIELDS = ["clientId", "date", "channel", "weight", "deleted"];

/**
 * Clients whose contact totals a write to an existing client or to a contact changes: a contact's
 * client before and after (an edit of its date, channel, weight or deletion, or a move to another
 * client), a client changing year. (New clients are checked apart: contacts may have come first.)
 */
function totalsTouched(
  table: SyncTableName,
  before: StoredRow | undefined,
  fields: Readonly<Record<string, string | number | null>>,
  rowId: string,
): string[] {
  if (table === "clients") return "year" in fields ? [rowId] : [];
  if (table !== "contacts" || (before && !CONTACT_TOTAL_FIELDS.some((f) => f in fields))) return [];
  const ids: string[] = [];
  const was = before?.client_id;
  const now = "clientId" in fields ? fields.clientId : was;
  for (const id of [was, now]) if (typeof id === "string") ids.push(id);
  return ids;
}

/** Multi-row inserts need the same columns in every row. */
function normaliseColumns(table: SyncTableName, rows: StoredRow[]): StoredRow[] {
  const columns = ["id", "rep_id", "version", "deleted", "updated_at", "updated_by"];
  for (const field of Object.keys(SYNC_TABLES[table].fields)) columns.push(columnOf(field));
  return rows.map((r) => Object.fromEntries([...new Set(columns)].map((c) => [c, r[c] ?? null])));
}

interface Outcome {
  result: MutationResult;
  repId: string | null;
  /** Encoded column values to write (by field name), when the row changes. */
  write?: { fields: Record<string, string | number | null> };
}

function refusal(m: Mutation, reason: string, version: number): MutationResult {
  return {
    mutationId: m.mutationId,
    rowId: m.rowId,
    table: m.table,
    status: "refused",
    version,
    applied: [],
    conflicts: [],
    reason,
  };
}

function decide(
  actor: Actor,
  table: SyncTableName,
  m: Mutation,
  row: StoredRow | undefined,
  clientRep: (clientId: string) => string | undefined,
): Outcome {
  const spec: TableSpec = SYNC_TABLES[table];
  const kinds = spec.fields;
  const version = row ? Number(row.version) : 0;
  const requestedRep = (m.fields as Partial<Mutation["fields"]>).repId?.value;
  const repId = row ? String(row.rep_id) : typeof requestedRep === "string" ? requestedRep : actor.id;
  if (!row && m.baseVersion > 0) return { result: refusal(m, "ROW_NOT_FOUND", 0), repId };
  // A row the caller may not read is refused as if it did not exist: no version, no existence.
  if (row && !can(actor, "read", { kind: "row", table, repId }))
    return { result: refusal(m, m.baseVersion > 0 ? "ROW_NOT_FOUND" : "FORBIDDEN", 0), repId };
  if (row && requestedRep !== undefined && requestedRep !== repId) {
    return { result: refusal(m, "FORBIDDEN", version), repId };
  }
  if (!can(actor, "write", { kind: "row", table, repId }))
    return { result: refusal(m, "FORBIDDEN", version), repId };
  // A row's client is one of the same rep's clients (or one not synced yet).
  if ("clientId" in kinds) {
    const change = (m.fields as Partial<Mutation["fields"]>).clientId;
    const clientId = change !== undefined ? change.value : row?.client_id;
    const owner = typeof clientId === "string" ? clientRep(clientId) : undefined;
    if (owner !== undefined && owner !== repId) return { result: refusal(m, "FORBIDDEN", version), repId };
  }
  // Authorship is the caller's, set at creation and never changed.
  const author = spec.authorField;
  if (author !== undefined && row) {
    const change = (m.fields as Partial<Mutation["fields"]>)[author];
    if (change !== undefined && (change.value ?? null) !== (row[columnOf(author)] ?? null))
      return { result: refusal(m, "FORBIDDEN", version), repId };
  }

  // Every field is checked against its base, even when baseVersion is current: a client that
  // edits from a stale value must get a conflict, never overwrite silently.
  const fresh = !row || m.baseVersion === version;
  const applied: string[] = [];
  const conflicts: FieldConflict[] = [];
  const fields: Record<string, string | number | null> = {};
  for (const [field, change] of Object.entries(m.fields)) {
    if (field === "repId" || field === author) continue;
    const kind = kinds[field] ?? "string";
    const theirs = row ? decode(kind, row[columnOf(field)]) : null;
    const base = change.base ?? null;
    const mine = change.value ?? null;
    if (same(kind, theirs, mine)) continue;
    if (same(kind, theirs, base)) {
      applied.push(field);
      fields[field] = encode(kind, mine);
    } else {
      conflicts.push({ field, base, mine, theirs });
    }
  }
  if (!row) fields.repId = repId;
  if (!row && author !== undefined) fields[author] = actor.id;
  const changed = applied.length > 0 || !row;
  const status = conflicts.length > 0 ? "conflict" : !changed ? "unchanged" : fresh ? "applied" : "merged";
  const result: MutationResult = {
    mutationId: m.mutationId,
    rowId: m.rowId,
    table,
    status,
    version: changed ? version + 1 : version,
    applied,
    conflicts,
  };
  return changed ? { result, repId, write: { fields } } : { result, repId };
}
