/** Shared helpers for the workbench conformance tests. */
import { createWorkbench } from "../../src/workbench";
import type { Workbench } from "../../src/workbench";

/** The Office error code thrown by fn, or "none". */
export function thrownCode(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code ?? "no code";
  }
  return "none";
}

/** The Office error code a promise rejects with, or "none". */
export async function rejectedCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code ?? "no code";
  }
  return "none";
}

export function clientsWorkbench(): Workbench {
  return createWorkbench({
    sheets: [
      {
        name: "Clients",
        values: [
          ["Code client", "Raison sociale", "CA N"],
          ["C001", "Boulangerie Martin", 1200],
          ["C002", "Garage Dupont", 0],
        ],
      },
    ],
  });
}
