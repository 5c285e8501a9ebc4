import { useEffect, useRef, useState } from "react";
import type { RefObject } from "react";
import type { Progress, SourceRead, SourceSpec } from "../../../excel/gateway.types";
import type { Language } from "../../i18n/catalogue.types";
import { isAbort } from "../../shell/errorText";
import { useOneAtATime } from "../../shared/useOneAtATime";
import type { SourceStepProps } from "../PlanWizard.types";
import { copiesPortfolio, portfolioCopy } from "../portfolioCopy";

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
  /** Stops the build before its next round trip; the gateway then takes away what it added; focus returns to create. */
  cancel: () => void;
  /** The "…or a table by its name" box. */
  tableName: string;
  setTableName: (name: string) => void;
  /** The create button, focused again when a cancel takes the Cancel button away. */
  createButton: RefObject<HTMLButtonElement>;
}

/**
 * Reading the portfolio from the workbook and building the plan workbook. One operation at a time: a
 * second click while one runs does nothing (a double click reads or creates once).
 */
export function useSourceStep(
  {
    value,
    outcome,
    gateway,
    year,
    onRead,
  }: Pick<SourceStepProps, "value" | "outcome" | "gateway" | "year" | "onRead">,
  language: Language,
): SourceStepState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [cancelled, setCancelled] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [tableName, setTableName] = useState("");
  const controller = useRef<AbortController | null>(null);
  const createButton = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  const once = useOneAtATime();
  // The Cancel button goes away with the build: keyboard focus comes back to the create button.
  useEffect(() => {
    if (busy || !refocus.current) return;
    refocus.current = false;
    createButton.current?.focus();
  }, [busy]);

  const run = (work: () => Promise<SourceRead>, withSettings = false): Promise<void> =>
    once(async () => {
      setBusy(true);
      setError(null);
      setCancelled(null);
      try {
        const source = await work();
        // Re-planning in a plan workbook starts from the capacity it recorded.
        onRead(source, withSettings ? await gateway.readPlanSettings().catch(() => null) : null);
      } catch (caught: unknown) {
        // A cancel the gateway honoured left the workbook as it was: a notice, not an error.
        if (isAbort(caught)) setCancelled(caught);
        else setError(caught);
      } finally {
        setBusy(false);
      }
    });
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
  const current = value.source;
  const copies = copiesPortfolio(current);
  return {
    busy,
    error,
    read: (from) => run(() => gateway.readSource(from), from === "clients"),
    copies,
    createWorkbook: () =>
      run(async () => {
        const mapped = outcome?.columns ?? [];
        const portfolio = copies ? portfolioCopy(current, mapped) : undefined;
        // Its Settings start at the plan year the wizard proposes (or the one the rep chose).
        await build((signal) =>
          gateway.createPlanWorkbook({ lang: language, portfolio, year }, setProgress, signal),
        );
        return gateway.readSource("clients");
      }),
    creating,
    progress,
    cancelled,
    cancel: () => {
      refocus.current = true;
      controller.current?.abort();
    },
    tableName,
    setTableName,
    createButton,
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
