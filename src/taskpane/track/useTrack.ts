import { useCallback, useEffect, useRef, useState } from "react";
import type {
  ContactsImportResult,
  ContactsSource,
  Progress,
  RefreshResult,
  WorkbookGateway,
} from "../../excel/gateway.types";
import { gatewayError } from "../../excel/errors";
import { isAbort } from "../shell/errorText";
import type { TrackFigures } from "../engine/calendarEngine";
import { loadCalendarEngine } from "../engine/loadCalendarEngine";
import { readTrackingTables } from "./trackModel";

export type TrackPhase = "idle" | "importing" | "refreshing" | "computing" | "done" | "cancelled" | "failed";

export interface TrackState {
  phase: TrackPhase;
  progress: Progress | null;
  imported: ContactsImportResult | null;
  refreshed: RefreshResult | null;
  figures: TrackFigures | null;
  error: unknown;
}

export interface UseTrack extends TrackState {
  busy: boolean;
  /** Import a CRM export (pasted CSV or a sheet), refresh the workbook, recompute the figures: one click. */
  update: (source: ContactsSource | null, asOf: string) => Promise<void>;
  load: (asOf: string) => Promise<void>;
  cancel: () => void;
}

const INITIAL: TrackState = {
  phase: "idle",
  progress: null,
  imported: null,
  refreshed: null,
  figures: null,
  error: null,
};

export function useTrack(gateway: WorkbookGateway, initialAsOf: string): UseTrack {
  const [state, setState] = useState<TrackState>(INITIAL);
  const controller = useRef<AbortController | null>(null);
  // An import in flight is never started again (a double click imports once, and says what it added).
  const importing = useRef(false);

  const figuresAsOf = useCallback(
    async (asOf: string): Promise<TrackFigures> => {
      const engine = loadCalendarEngine();
      const tables = await readTrackingTables(gateway);
      return (await engine).computeFigures(tables, asOf);
    },
    [gateway],
  );

  const run = useCallback(
    async (source: ContactsSource | null, asOf: string): Promise<void> => {
      if (importing.current) return;
      importing.current = source !== null;
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      const checkpoint = (): void => {
        if (abort.signal.aborted) throw gatewayError("aborted");
      };
      const onProgress = (progress: Progress): void => {
        setState((s) => ({ ...s, progress }));
      };
      setState((s) => ({ ...s, error: null, progress: null }));
      try {
        if (source !== null) {
          setState((s) => ({ ...s, phase: "importing", imported: null }));
          const imported = await gateway.importContacts(source, onProgress);
          setState((s) => ({ ...s, imported }));
          checkpoint();
          setState((s) => ({ ...s, phase: "refreshing" }));
          const refreshed = await gateway.refresh(asOf, onProgress);
          setState((s) => ({ ...s, refreshed }));
          checkpoint();
        }
        setState((s) => ({ ...s, phase: "computing" }));
        const figures = await figuresAsOf(asOf);
        checkpoint();
        setState((s) => ({ ...s, phase: "done", figures, progress: null }));
      } catch (error: unknown) {
        const cancelled = isAbort(error) || abort.signal.aborted;
        setState((s) => ({
          ...s,
          phase: cancelled ? "cancelled" : "failed",
          error: cancelled ? null : error,
        }));
      } finally {
        if (controller.current === abort) controller.current = null;
        if (source !== null) importing.current = false;
      }
    },
    [gateway, figuresAsOf],
  );

  useEffect(() => {
    void run(null, initialAsOf);
    return () => controller.current?.abort();
  }, [run, initialAsOf]);

  const busy = state.phase === "importing" || state.phase === "refreshing" || state.phase === "computing";
  return {
    ...state,
    busy,
    update: run,
    load: (asOf) => run(null, asOf),
    cancel: () => {
      controller.current?.abort();
    },
  };
}
