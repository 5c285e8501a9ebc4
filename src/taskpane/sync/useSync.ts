/** The Sync panel's state: session, workbook status, a sync in flight, its result or error. */
import { useCallback, useEffect, useRef, useState } from "react";
import type { SyncSummary } from "../../sync/engine/run";
import { SyncUnavailableError } from "../../sync/errors";
import type { Choice, Session, SyncService, SyncStatus } from "./syncService";

export interface SyncState {
  session: Session | null;
  status: SyncStatus | null;
  busy: boolean;
  offline: boolean;
  last: SyncSummary | null;
  error: unknown;
  signIn: (token: string) => Promise<void>;
  signOut: () => Promise<void>;
  syncNow: (choices?: readonly Choice[]) => Promise<void>;
}

export function useSync(service: SyncService, onSession?: (s: Session | null) => void): SyncState {
  const [session, setSession] = useState<Session | null>(null);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [offline, setOffline] = useState(false);
  const [last, setLast] = useState<SyncSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const sessionRef = useRef<Session | null>(null);

  const refreshStatus = useCallback(async () => {
    try {
      setStatus(await service.status());
    } catch {
      setStatus(null);
    }
  }, [service]);

  const syncNow = useCallback(
    async (choices: readonly Choice[] = []) => {
      if (sessionRef.current === null) return;
      setBusy(true);
      setError(null);
      try {
        const summary = await service.sync(choices);
        setLast(summary);
        setOffline(summary.offline);
      } catch (e: unknown) {
        setError(e);
        if (e instanceof SyncUnavailableError) setOffline(true);
      } finally {
        setBusy(false);
        await refreshStatus();
      }
    },
    [service, refreshStatus],
  );

  const adopt = useCallback(
    (s: Session | null) => {
      sessionRef.current = s;
      setSession(s);
      onSession?.(s);
    },
    [onSession],
  );

  useEffect(() => {
    const live = { current: true };
    void (async () => {
      await refreshStatus();
      try {
        const s = await service.resume();
        if (!live.current) return;
        adopt(s);
        // Sync when the workbook opens, whenever the rep is signed in.
        if (s !== null) await syncNow();
      } catch (e: unknown) {
        if (live.current) setError(e);
      }
    })();
    return () => {
      live.current = false;
    };
  }, [service, adopt, refreshStatus, syncNow]);

  return {
    session,
    status,
    busy,
    offline,
    last,
    error,
    signIn: async (token) => {
      setError(null);
      try {
        adopt(await service.signInWithToken(token));
        await syncNow();
      } catch (e: unknown) {
        setError(e);
      }
    },
    signOut: async () => {
      await service.signOut();
      adopt(null);
    },
    syncNow,
  };
}
