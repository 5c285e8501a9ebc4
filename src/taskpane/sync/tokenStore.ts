/**
 * Where the pane keeps the rep's personal access token: the add-in's own storage
 * (OfficeRuntime.storage in the shared runtime), else the add-in origin's localStorage (the
 * workbench, a browser) — never in the workbook, which travels.
 */
export interface TokenStore {
  load(): Promise<string | null>;
  save(token: string): Promise<void>;
  clear(): Promise<void>;
}

const KEY = "cadence.storeToken";

interface KeyValueStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

function officeRuntimeStorage(): KeyValueStorage | null {
  const runtime = (globalThis as { OfficeRuntime?: { storage?: KeyValueStorage } }).OfficeRuntime;
  return runtime?.storage ?? null;
}

export function defaultTokenStore(): TokenStore {
  const office = officeRuntimeStorage();
  if (office !== null)
    return {
      load: () => office.getItem(KEY),
      save: (token) => office.setItem(KEY, token),
      clear: () => office.removeItem(KEY),
    };
  return {
    load: () => Promise.resolve(globalThis.localStorage.getItem(KEY)),
    save: (token) => {
      globalThis.localStorage.setItem(KEY, token);
      return Promise.resolve();
    },
    clear: () => {
      globalThis.localStorage.removeItem(KEY);
      return Promise.resolve();
    },
  };
}

export function memoryTokenStore(initial: string | null = null): TokenStore {
  let token = initial;
  return {
    load: () => Promise.resolve(token),
    save: (t) => {
      token = t;
      return Promise.resolve();
    },
    clear: () => {
      token = null;
      return Promise.resolve();
    },
  };
}
