import { useState } from "react";
import type { PlanSettings, SourceRead, SourceSpec, WorkbookGateway } from "../../../excel/gateway.types";
import type { Language } from "../../i18n/catalogue.types";
import { capacityFromSettings } from "../planSettings";
import { portfolioCopy } from "../portfolioCopy";
import type { PlanWizard } from "../usePlanWizard";

export interface SourceStepState {
  busy: boolean;
  error: unknown;
  read: (from: SourceSpec) => Promise<void>;
  /** True when "create" copies the portfolio read (a rep's own list, not already Cadence's Clients table). */
  copies: boolean;
  /** Creates the plan workbook, with the portfolio read in its Clients table, and reads that table. */
  createWorkbook: () => Promise<void>;
}

/** A rep's own list was read (the one a new plan workbook copies), not Cadence's Clients table. */
export function copiesPortfolio(source: SourceRead | null): source is SourceRead {
  return source !== null && source.location.table !== "Clients";
}

/** Reading the portfolio from the workbook; a new read resets the column mapping and overrides. */
export function useSourceStep(
  wizard: PlanWizard,
  gateway: WorkbookGateway,
  language: Language,
): SourceStepState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const adopt = (source: SourceRead, settings: PlanSettings | null): void => {
    wizard.update((c) => ({
      ...c,
      source,
      mapping: {},
      segmentation: { ...c.segmentation, overrides: {} },
      capacity: settings === null ? c.capacity : capacityFromSettings(c.capacity, settings),
    }));
  };
  const run = async (work: () => Promise<SourceRead>, withSettings = false): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const source = await work();
      // Re-planning in a plan workbook starts from the capacity it recorded.
      adopt(source, withSettings ? await gateway.readPlanSettings().catch(() => null) : null);
    } catch (caught: unknown) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const current = wizard.choices.source;
  const copies = copiesPortfolio(current);
  return {
    busy,
    error,
    read: (from) => run(() => gateway.readSource(from), from === "clients"),
    copies,
    createWorkbook: () =>
      run(async () => {
        const mapped = wizard.derived.parsed?.columns ?? [];
        const portfolio = copies ? portfolioCopy(current, mapped) : undefined;
        await gateway.createPlanWorkbook({ lang: language, portfolio });
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
