/**
 * The Team tab's state for a manager or director: the store's view (the core's figures) for a year and
 * an as-of date, written to the Équipe / Team sheet (and N+1 for a director) in one action; the
 * monthly steering reviews prepared (cards + the Revues / Reviews sheet) and recorded.
 */
import { useCallback, useState } from "react";
import * as sheets from "../../core/workbook/teamSheets";
import type { WorkbookGateway } from "../../excel/gateway.types";
import {
  fetchSteering,
  fetchTeamView,
  recordReview,
  type ReviewAction,
  type StoreRequest,
  type TeamView,
} from "../../sync";
import type { Language } from "../i18n/catalogue.types";

export interface Written {
  sheets: string[];
  rows: number;
  asOf: string;
}

export interface DraftAction {
  clientId: string;
  action: string;
  owner: string;
  dueDate: string;
}

export interface CardState {
  card: sheets.ReviewCard;
  decisions: string;
  /** Each with its ids, made when it is added. */
  actions: ReviewAction[];
  /** Ids made once per card, so a review re-sent after a lost answer is a replay. */
  ids: { row: string; mutation: string };
  status: "draft" | "recording" | "recorded";
  error: unknown;
}

export interface TeamState {
  year: number;
  asOf: string;
  setYear: (y: number) => void;
  setAsOf: (d: string) => void;
  view: TeamView | null;
  busy: "refresh" | "prepare" | null;
  written: Written | null;
  error: unknown;
  cards: CardState[];
  /** Fetches the view of `managerId` (default: the signed-in person) and writes its sheets. */
  refresh: (managerId?: string) => Promise<void>;
  prepareReviews: () => Promise<void>;
  setDecisions: (repId: string, text: string) => void;
  addAction: (repId: string, action: DraftAction) => void;
  record: (repId: string) => Promise<void>;
  undo: () => Promise<boolean>;
}

const uuid = (): string => crypto.randomUUID();

export function useTeam(
  gateway: WorkbookGateway,
  request: StoreRequest,
  me: { id: string; role: string },
  language: Language,
  initial: { year: number; asOf: string },
): TeamState {
  const [year, setYear] = useState(initial.year);
  const [asOf, setAsOf] = useState(initial.asOf);
  const [view, setView] = useState<TeamView | null>(null);
  const [busy, setBusy] = useState<TeamState["busy"]>(null);
  const [written, setWritten] = useState<Written | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [cards, setCards] = useState<CardState[]>([]);

  const refresh = useCallback(
    async (managerId: string = me.id) => {
      setBusy("refresh");
      setError(null);
      try {
        const v = await fetchTeamView(request, managerId, year, asOf);
        setView(v);
        const out: sheets.ManagerSheet[] = [sheets.teamSheet(v, language)];
        // A director's own view also writes the N+1 sheet; drilling into a manager writes their Team sheet.
        if (me.role === "director" && managerId === me.id) out.push(sheets.directorSheet(v, language));
        let rows = 0;
        for (const sheet of out) rows += (await gateway.writeManagerSheet(sheet)).rowsWritten;
        setWritten({ sheets: out.map((s) => s.name), rows, asOf: v.asOf });
      } catch (e: unknown) {
        setError(e);
      } finally {
        setBusy(null);
      }
    },
    [gateway, request, me.id, me.role, year, asOf, language],
  );

  const prepareReviews = useCallback(async () => {
    setBusy("prepare");
    setError(null);
    try {
      const [v, steering] = await Promise.all([
        fetchTeamView(request, me.id, year, asOf),
        fetchSteering(request, me.id, asOf),
      ]);
      setView(v);
      const history = new Map(steering.reps.map((r) => [r.repId, r]));
      const made = v.reps.map((rep) =>
        sheets.reviewCard(rep, history.get(rep.repId) ?? { lastReview: null, openActions: [] }, asOf),
      );
      const receipt = await gateway.writeManagerSheet(sheets.reviewsSheet(made, language));
      setWritten({ sheets: [receipt.sheet], rows: receipt.rowsWritten, asOf });
      setCards(
        made.map((card) => ({
          card,
          decisions: "",
          actions: [],
          ids: { row: uuid(), mutation: uuid() },
          status: "draft",
          error: null,
        })),
      );
    } catch (e: unknown) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }, [gateway, request, me.id, year, asOf, language]);

  const update = useCallback((repId: string, f: (c: CardState) => CardState) => {
    setCards((all) => all.map((c) => (c.card.repId === repId ? f(c) : c)));
  }, []);

  const record = useCallback(
    async (repId: string) => {
      const current = cards.find((c) => c.card.repId === repId);
      if (current === undefined || current.status !== "draft") return;
      update(repId, (c) => ({ ...c, status: "recording", error: null }));
      try {
        await recordReview(request, {
          id: current.ids.row,
          mutationId: current.ids.mutation,
          repId,
          date: current.card.date,
          kpis: { ...current.card.kpis, asOf: current.card.date },
          decisions: current.decisions,
          actions: current.actions,
        });
        update(repId, (c) => ({ ...c, status: "recorded" }));
      } catch (e: unknown) {
        update(repId, (c) => ({ ...c, status: "draft", error: e }));
      }
    },
    [cards, request, update],
  );

  return {
    year,
    asOf,
    setYear,
    setAsOf,
    view,
    busy,
    written,
    error,
    cards,
    refresh,
    prepareReviews,
    setDecisions: (repId, text) => {
      update(repId, (c) => ({ ...c, decisions: text }));
    },
    addAction: (repId, action) => {
      update(repId, (c) => ({
        ...c,
        actions: [...c.actions, { ...action, id: uuid(), mutationId: uuid() }],
      }));
    },
    record,
    undo: () => gateway.undoLastWrite(),
  };
}
