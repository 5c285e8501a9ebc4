/**
 * A WorkbookGateway whose implementation is loaded on first use. The excel/ gateway pulls the
 * tracking core and its holiday calendar; loading it lazily keeps the pane's first chunk small.
 */
import type { WorkbookGateway } from "../../excel/gateway.types";

export function lazyGateway(
  load: () => Promise<WorkbookGateway>,
): WorkbookGateway & { ready: () => Promise<void> } {
  let loaded: WorkbookGateway | null = null;
  let pending: Promise<WorkbookGateway> | null = null;
  const get = (): Promise<WorkbookGateway> => {
    pending ??= load().then((gateway) => {
      loaded = gateway;
      return gateway;
    });
    return pending;
  };
  return {
    ready: async () => {
      await get();
    },
    createPlanWorkbook: async (...args) => (await get()).createPlanWorkbook(...args),
    readSource: async (...args) => (await get()).readSource(...args),
    writePlan: async (...args) => (await get()).writePlan(...args),
    importContacts: async (...args) => (await get()).importContacts(...args),
    refresh: async (...args) => (await get()).refresh(...args),
    reforecast: async (...args) => (await get()).reforecast(...args),
    readPlanSettings: async () => (await get()).readPlanSettings(),
    readActions: async () => (await get()).readActions(),
    writeAction: async (...args) => (await get()).writeAction(...args),
    writeTours: async (...args) => (await get()).writeTours(...args),
    writeManagerSheet: async (...args) => (await get()).writeManagerSheet(...args),
    readTourBase: async () => (await get()).readTourBase(),
    undoLastWrite: async () => (await get()).undoLastWrite(),
    // Nothing can have been written before the gateway loaded.
    canUndo: () => loaded?.canUndo() ?? false,
    listSheets: async () => (await get()).listSheets(),
    selectCell: async (...args) => (await get()).selectCell(...args),
  };
}
