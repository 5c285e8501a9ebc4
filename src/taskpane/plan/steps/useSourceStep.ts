import { useRef, useState } from "react";
import type {
  PlanSettings,
  Progress,
  SourceRead,
  SourceSpec,
  WorkbookGateway,
} from "../../../excel/gateway.types";
import type { Language } from "../../i18n/catalogue.types";
import { isAbort } from "../../shell/errorText";
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
  /** True while the gateway builds the plan workbook (the part a cancel can stop). */
  creating: boolean;
  /** The build's progress, null until the gateway reports. */
  progress: Progress | null;
  /** The gateway's "cancelled, nothing was changed" error after a cancel; null otherwise. */
  cancelled: unknown;
  /** Stops the build before its next round trip; the gateway then takes away what it added. */
  cancel: () => void;
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
  const [cancelled, setCancelled] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const controller = useRef<AbortController | null>(null);
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
    setCancelled(null);
    try {
      const source = await work();
      // Re-planning in a plan workbook starts from the capacity it recorded.
      adopt(source, withSettings ? await gateway.readPlanSettings().catch(() => null) : null);
    } catch (caught: unknown) {
      // A cancel the gateway honoured left the workbook as it was: a notice, not an error.
      if (isAbort(caught)) setCancelled(caught);
      else setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const build = async (work: (signal: AbortSignal) => Promise<void>): Promise<void> => {
    const abort = new AbortController();
    controller.current = abort;
    setProgress(null);
    setCreating(true);
    try {
      await work(abort.signal);
    } finally {
      controller.current = null;
      setCreating(false);
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
        // Its Settings start at the plan year the wizard proposes (or the one the rep chose).
        const year = wizard.choices.capacity.year;
        await build((signal) =>
          gateway.createPlanWorkbook({ lang: language, portfolio, year }, setProgress, signal),
        );
        return gateway.readSource("clients");
      }),
    creating,
    progress,
    cancelled,
    cancel: () => {
      controller.current?.abort();
    },
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
