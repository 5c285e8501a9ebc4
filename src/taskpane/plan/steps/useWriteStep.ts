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
import type { Channel } from "../../../core/types";
import { isAbort } from "../../shell/errorText";
import { planSettings } from "../planSettings";
import type { PlanWizard } from "../usePlanWizard";

export type WritePhase = "idle" | "writing" | "written" | "cancelled" | "failed" | "undoing" | "undone";

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

export function useWriteStep(wizard: PlanWizard, gateway: WorkbookGateway): WriteStepState {
  const [phase, setPhase] = useState<WritePhase>("idle");
  const [progress, setProgress] = useState<Progress | null>(null);
  const [receipt, setReceipt] = useState<WriteReceipt | null>(null);
  const [error, setError] = useState<unknown>(null);
  const controller = useRef<AbortController | null>(null);

  const write = async (): Promise<void> => {
    const { source } = wizard.choices;
    const allocation = wizard.derived.allocation;
    const idColumn = wizard.derived.parsed?.columns.find((c) => c.field === "id")?.index;
    if (source === null || allocation?.ok !== true || idColumn === undefined) return;
    const target: PlanTarget = {
      location: source.location,
      idColumn,
      channels: wizard.choices.channels.map((c) => c.id),
      settings: planSettings(wizard.choices.capacity),
    };
    const abort = new AbortController();
    controller.current = abort;
    setPhase("writing");
    setError(null);
    setProgress(null);
    try {
      const rows = planRows(allocation.result, wizard.choices.norms, wizard.choices.channels);
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
  };

  return {
    phase,
    progress,
    receipt,
    error,
    write,
    cancel: () => {
      controller.current?.abort();
    },
    undo: async () => {
      setPhase("undoing");
      try {
        const undone = await gateway.undoLastWrite();
        setPhase(undone ? "undone" : "written");
      } catch (caught: unknown) {
        setError(caught);
        setPhase("failed");
      }
    },
  };
}
