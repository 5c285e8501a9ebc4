import { useCallback, useEffect, useState } from "react";
import type { ActionRow, WorkbookGateway } from "../../excel/gateway.types";
import type { ActionsState } from "./ActionsView.types";
import * as parse from "../../core/parse";
import { sortActions } from "./actionsLogic";

export interface UseActions extends ActionsState {
  /** The plan's clients (id → name) from the Clients table; null when it cannot be read. */
  clients: ReadonlyMap<string, string> | null;
  reload: () => Promise<void>;
  save: (row: ActionRow) => Promise<boolean>;
}

/** The Actions table as a list: read on mount, written one row at a time through the gateway. */
export function useActions(gateway: WorkbookGateway): UseActions {
  const [state, setState] = useState<ActionsState>({ rows: [], loading: true, error: null });
  const [clients, setClients] = useState<ReadonlyMap<string, string> | null>(null);
  useEffect(() => {
    let live = true;
    gateway
      .readSource("clients")
      .then((read) => {
        const parsed = parse.parsePortfolio(read.grid, { firstRow: read.location.headerRow });
        if (live) setClients(new Map(parsed.clients.map((c) => [c.id, c.name])));
      })
      .catch(() => {
        if (live) setClients(null);
      });
    return () => {
      live = false;
    };
  }, [gateway]);

  const reload = useCallback(async () => {
    setState((s) => ({ ...s, loading: true, error: null }));
    try {
      const rows = await gateway.readActions();
      setState({ rows: sortActions(rows), loading: false, error: null });
    } catch (error: unknown) {
      setState((s) => ({ ...s, loading: false, error }));
    }
  }, [gateway]);

  const save = useCallback(
    async (row: ActionRow) => {
      try {
        await gateway.writeAction(row);
        await reload();
        return true;
      } catch (error: unknown) {
        setState((s) => ({ ...s, error }));
        return false;
      }
    },
    [gateway, reload],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  return { ...state, clients, reload, save };
}
