/** Kysely table types of the store (the synced tables' are derived from the contract in syncRows.ts). */
import type { SyncTables } from "./syncRows";

export interface OrganisationTable {
  id: string;
  name: string;
  created_at: string;
}

export interface PeopleTable {
  id: string;
  name: string;
  email: string | null;
  role: string;
  reports_to: string | null;
  entra_oid: string | null;
  created_at: string;
  /** When the person was deactivated (migration 004): no sign-in since; data and history kept. */
  deactivated_at?: string | null;
}

export interface TokensTable {
  id: string;
  person_id: string;
  hash: string;
  label: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface SeqCounterTable {
  id: number;
  value: number;
}

export interface MutationsTable {
  mutation_id: string;
  actor_id: string;
  result: string;
  seq: number;
  at: string;
  /** SHA-256 of the mutation's content (migration 004; null before): a reused id must carry the same. */
  digest?: string | null;
}

export interface ChangeLogTable {
  seq: number;
  at: string;
  actor_id: string | null;
  client_app: string | null;
  ip: string | null;
  mutation_id: string | null;
  table_name: string | null;
  row_id: string | null;
  rep_id: string | null;
  version: number | null;
  /** applied | merged | conflict | unchanged | refused | denied */
  result: string;
  /** JSON of the field values written, or of the request refused. */
  fields: string | null;
  reason: string | null;
}

export interface ConflictsTable {
  id: string;
  seq: number;
  at: string;
  mutation_id: string;
  actor_id: string;
  table_name: string;
  row_id: string;
  rep_id: string;
  field: string;
  base: string | null;
  mine: string | null;
  theirs: string | null;
}

/** Shape shared by every synced table; the per-table field columns come on top. */
export interface SyncRowColumns {
  id: string;
  rep_id: string;
  version: number;
  deleted: number;
  updated_at: string;
  updated_by: string;
}

export interface DB extends SyncTables {
  organisation: OrganisationTable;
  people: PeopleTable;
  tokens: TokensTable;
  seq_counter: SeqCounterTable;
  mutations: MutationsTable;
  change_log: ChangeLogTable;
  conflicts: ConflictsTable;
}
