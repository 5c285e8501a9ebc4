import { useState } from "react";
import type { SourceRead, SourceSpec, WorkbookGateway } from "../../../excel/gateway.types";
import type { Language } from "../../i18n/catalogue.types";
import type { PlanWizard } from "../usePlanWizard";

export interface SourceStepState {
  busy: boolean;
  error: unknown;
  read: (from: SourceSpec) => Promise<void>;
  createWorkbook: () => Promise<void>;
}

/** Reading the portfolio from the workbook; a new read resets the column mapping and overrides. */
export function useSourceStep(
  wizard: PlanWizard,
  gateway: WorkbookGateway,
  language: Language,
): SourceStepState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const adopt = (source: SourceRead): void => {
    wizard.update((c) => ({
      ...c,
      source,
      mapping: {},
      segmentation: { ...c.segmentation, overrides: {} },
    }));
  };
  const run = async (work: () => Promise<SourceRead>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      adopt(await work());
    } catch (caught: unknown) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return {
    busy,
    error,
    read: (from) => run(() => gateway.readSource(from)),
    createWorkbook: () =>
      run(async () => {
        await gateway.createPlanWorkbook({ lang: language });
        return gateway.readSource("clients");
      }),
  };
}

/** Sheet cell of an issue: its row is already a sheet row; its column is a header of the source. */
export function issueCell(
  source: SourceRead,
  row: number,
  column: string,
): { row: number; column: number } | null {
  const index = source.headers.findIndex((h) => h === column);
  if (index < 0) return null;
  return { row, column: source.location.firstColumn + index };
}
