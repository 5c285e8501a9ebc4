/**
 * Which Excel the task pane talks to: the workbench's stand-in when the page hosts one (demos and
 * browser tests), else Office's Excel.run. The only place that decides, so the pane never names Excel.
 */
import type { ExcelRun } from "./office";

interface WorkbenchHost {
  __cadenceWorkbench?: { run: ExcelRun };
}

export function resolveExcelRun(): ExcelRun {
  const own = (globalThis as WorkbenchHost).__cadenceWorkbench;
  if (own !== undefined) return own.run;
  // The workbench page may host the pane in a same-origin frame and expose itself on the parent.
  try {
    const parent = (globalThis as { parent?: WorkbenchHost }).parent;
    if (
      parent !== undefined &&
      parent !== (globalThis as unknown) &&
      parent.__cadenceWorkbench !== undefined
    ) {
      return parent.__cadenceWorkbench.run;
    }
  } catch {
    // A cross-origin parent throws on access: that is Office's host page, not the workbench.
  }
  return (batch) => Excel.run(batch);
}
