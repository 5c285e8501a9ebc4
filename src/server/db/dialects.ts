/**
 * What each database can do, asked by capability rather than by class (as kysely's adapters answer
 * `supportsReturning`): the store's dialects are kysely's, with an adapter that also answers these.
 */
import { PostgresAdapter, PostgresDialect, SqliteAdapter, SqliteDialect, type DialectAdapter } from "kysely";

export interface StoreCapabilities {
  /**
   * A covering index can hold the team view's columns and be streamed in (rep, segment) order
   * (SQLite); PostgreSQL caps an index at 32 columns and scans the table in parallel instead.
   */
  readonly wideCoveringIndexes: boolean;
  /**
   * The planner would rather hash every client to join a few thousand contacted ones (PostgreSQL):
   * a lateral subquery per contacted client (with OFFSET 0) keeps the lookups by key.
   */
  readonly lateralPerRowLookups: boolean;
}

const SQLITE: StoreCapabilities = { wideCoveringIndexes: true, lateralPerRowLookups: false };
const POSTGRES: StoreCapabilities = { wideCoveringIndexes: false, lateralPerRowLookups: true };
/** Portable SQL only: what a dialect that does not say gets. */
const UNKNOWN: StoreCapabilities = { wideCoveringIndexes: false, lateralPerRowLookups: false };

interface WithCapabilities {
  readonly storeCapabilities: StoreCapabilities;
}

class StoreSqliteAdapter extends SqliteAdapter implements WithCapabilities {
  readonly storeCapabilities = SQLITE;
}

class StorePostgresAdapter extends PostgresAdapter implements WithCapabilities {
  readonly storeCapabilities = POSTGRES;
}

export class StoreSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new StoreSqliteAdapter();
  }
}

export class StorePostgresDialect extends PostgresDialect {
  override createAdapter(): DialectAdapter {
    return new StorePostgresAdapter();
  }
}

/** The capabilities of the database behind a Kysely instance (or transaction). */
export function capabilitiesOf(db: {
  getExecutor(): { readonly adapter: DialectAdapter };
}): StoreCapabilities {
  const adapter = db.getExecutor().adapter as DialectAdapter & Partial<WithCapabilities>;
  return adapter.storeCapabilities ?? UNKNOWN;
}
