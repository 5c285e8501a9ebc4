/**
 * Sync runs after Write plan, after an import and after creating an action (whenever the rep is
 * signed in): the gateway the other tabs use announces those writes to the Sync panel.
 */
import type { WorkbookGateway } from "../../excel/gateway.types";

export interface SyncTrigger {
  fire(): void;
  subscribe(listener: () => void): () => void;
}

export function createSyncTrigger(): SyncTrigger {
  const listeners = new Set<() => void>();
  return {
    fire: () => {
      for (const l of listeners) l();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

export function withSyncAfterWrites(gateway: WorkbookGateway, trigger: SyncTrigger): WorkbookGateway {
  const after =
    <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const result = await f(...args);
      trigger.fire();
      return result;
    };
  // The gateway is plain closures (createGateway, lazyGateway): spreading it keeps every method.
  return {
    ...gateway,
    writePlan: after((...a: Parameters<WorkbookGateway["writePlan"]>) => gateway.writePlan(...a)),
    importContacts: after((...a: Parameters<WorkbookGateway["importContacts"]>) =>
      gateway.importContacts(...a),
    ),
    writeAction: after((a: Parameters<WorkbookGateway["writeAction"]>[0]) => gateway.writeAction(a)),
  };
}
