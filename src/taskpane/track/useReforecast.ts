import { useCallback, useRef, useState } from "react";
import type { ReforecastReceipt, WorkbookGateway } from "../../excel/gateway.types";

export interface UseReforecast {
  busy: boolean;
  receipt: ReforecastReceipt | null;
  error: unknown;
  /** Writes the re-forecast as of the date in the Clients table (the gateway's reforecast: undoable). */
  run: (asOf: string) => Promise<void>;
}

export function useReforecast(gateway: WorkbookGateway): UseReforecast {
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<ReforecastReceipt | null>(null);
  const [error, setError] = useState<unknown>(null);
  // A double click writes once.
  const running = useRef(false);
  const run = useCallback(
    async (asOf: string): Promise<void> => {
      if (running.current) return;
      running.current = true;
      setBusy(true);
      setError(null);
      try {
        setReceipt(await gateway.reforecast(asOf));
      } catch (e: unknown) {
        setReceipt(null);
        setError(e);
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [gateway],
  );
  return { busy, receipt, error, run };
}
