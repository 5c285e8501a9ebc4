/** Persistence of the client's sync state (outbox and pull position), injected by the host. */
import type { Mutation } from "../contract";

export interface SyncState {
  outbox: Mutation[];
  /** The change-log sequence pulled up to. */
  since: number;
}

export interface SyncStorage {
  load(): Promise<SyncState | null>;
  save(state: SyncState): Promise<void>;
}

/** A storage in memory (tests, demos); the task pane uses the workbook's settings or IndexedDB. */
export function memoryStorage(initial: SyncState | null = null): SyncStorage & { current: SyncState | null } {
  const store = {
    current: initial === null ? null : structuredClone(initial),
    load: () => Promise.resolve(store.current === null ? null : structuredClone(store.current)),
    save: (state: SyncState) => {
      store.current = structuredClone(state);
      return Promise.resolve();
    },
  };
  return store;
}
