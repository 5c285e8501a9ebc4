import { useRef, useState } from "react";
import type {
  PlanTarget,
  PlanWriteRow,
  Progress,
  WorkbookGateway,
  WriteReceipt,
} from "../../../excel/gateway.types";
import type { PlanResult } from "../../../core/plan";
import type { NormTable } from "../../../core/norms";
import * as norms from "../../../core/norms";
import type { Channel, Lang } from "../../../core/types";
import { isAbort } from "../../shell/errorText";
import { useOneAtATime } from "../../shared/useOneAtATime";
import type { PlanChoices } from "../planModel.types";
import { planSettings } from "../planSettings";
import type { PlanDerived } from "../usePlanWizard";

export type WritePhase = "idle" | "writing" | "written" | "cancelled" | "failed" | "undoing" | "undone";

/** What the Write step writes: where, and the rows; null target when the plan is not ready. */
export interface WriteOutcome {
  target: PlanTarget | null;
  rows: readonly PlanWriteRow[];
  /** The source has a client id column (the plan is written by id). */
  hasId: boolean;
}

export interface WriteStepState {
  phase: WritePhase;
  progress: Progress | null;
  receipt: WriteReceipt | null;
  error: unknown;
  write: () => Promise<void>;
  cancel: () => void;
  undo: () => Promise<void>;
}

/** The core's plan as rows for the gateway: the norm is written in visit-equivalents. */
export function planRows(result: PlanResult, table: NormTable, channels: readonly Channel[]): PlanWriteRow[] {
  return result.clients.map((c) => ({
    clientId: c.id,
    segment: c.segment,
    norm: Object.hasOwn(table, c.segment) ? norms.weighted(c.norm, channels) : null,
    planned: c.planned,
    weightedPlanned: c.weightedPlanned,
    explanation: c.explanation,
  }));
}

/** The write's target and rows from the wizard's choices, in the pane's language. Pure. */
export function writeOutcome(choices: PlanChoices, derived: PlanDerived, lang: Lang): WriteOutcome {
  const idColumn = derived.parsed?.columns.find((c) => c.field === "id")?.index;
  const allocation = derived.allocation;
  if (choices.source === null || allocation?.ok !== true || idColumn === undefined)
    return { target: null, rows: [], hasId: idColumn !== undefined };
  return {
    target: {
      location: choices.source.location,
      idColumn,
      channels: choices.channels.map((c) => c.id),
      settings: planSettings(choices.capacity),
      lang,
    },
    rows: planRows(allocation.result, choices.norms, choices.channels),
    hasId: true,
  };
}

/** Writing the plan and undoing it; one operation at a time (a double click writes once). */
export function useWriteStep(outcome: WriteOutcome, gateway: WorkbookGateway): WriteStepState {
  const [phase, setPhase] = useState<WritePhase>("idle");
  const [progress, setProgress] = useState<Progress | null>(null);
  const [receipt, setReceipt] = useState<WriteReceipt | null>(null);
  const [error, setError] = useState<unknown>(null);
  const controller = useRef<AbortController | null>(null);
  const once = useOneAtATime();

  const write = (): Promise<void> =>
    once(async () => {
      const { target, rows } = outcome;
      if (target === null) return;
      const abort = new AbortController();
      controller.current = abort;
      setPhase("writing");
      setError(null);
      setProgress(null);
      try {
        setReceipt(await gateway.writePlan(target, rows, setProgress, abort.signal));
        setPhase("written");
      } catch (caught: unknown) {
        if (isAbort(caught) || abort.signal.aborted) {
          setPhase("cancelled");
        } else {
          setError(caught);
          setPhase("failed");
        }
      } finally {
        controller.current = null;
      }
    });

  return {
    phase,
    progress,
    receipt,
    error,
    write,
    cancel: () => {
      controller.current?.abort();
    },
    undo: () =>
      once(async () => {
        setPhase("undoing");
        try {
          const undone = await gateway.undoLastWrite();
          setPhase(undone ? "undone" : "written");
        } catch (caught: unknown) {
          setError(caught);
          setPhase("failed");
        }
      }),
  };
}
