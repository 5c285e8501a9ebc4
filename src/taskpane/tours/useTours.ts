import { useCallback, useState } from "react";
import type { SourceRead, ToursReceipt, WorkbookGateway } from "../../excel/gateway.types";
import type { Language } from "../i18n/catalogue.types";
import type { ToursOutcome } from "./toursEngine";
import { loadToursEngine } from "./loadToursEngine";

export interface ToursChoices {
  start: string;
  weeks: number;
  base: string;
  perDay: number;
}

export type ToursPhase = "idle" | "planning" | "done" | "undone" | "failed";

export interface UseTours {
  phase: ToursPhase;
  outcome: ToursOutcome | null;
  receipt: ToursReceipt | null;
  error: unknown;
  plan: (choices: ToursChoices) => Promise<void>;
  undo: () => Promise<void>;
}

/** A table the workbook may not have (Contacts, Rendez-vous): null when it is missing. */
async function optionalTable(gateway: WorkbookGateway, table: string): Promise<SourceRead | null> {
  try {
    return await gateway.readSource({ table });
  } catch {
    return null;
  }
}

export function useTours(gateway: WorkbookGateway, language: Language): UseTours {
  const [phase, setPhase] = useState<ToursPhase>("idle");
  const [outcome, setOutcome] = useState<ToursOutcome | null>(null);
  const [receipt, setReceipt] = useState<ToursReceipt | null>(null);
  const [error, setError] = useState<unknown>(null);

  const plan = useCallback(
    async (choices: ToursChoices): Promise<void> => {
      setPhase("planning");
      setError(null);
      try {
        const engine = loadToursEngine();
        const clients = await gateway.readSource("clients");
        const contacts = await optionalTable(gateway, "Contacts");
        const appointments = await optionalTable(gateway, "RendezVous");
        const settings = await gateway.readPlanSettings();
        const result = await (
          await engine
        ).planToursFromWorkbook({
          clients,
          contacts,
          appointments,
          settings,
          ...choices,
          lang: language,
        });
        const written = await gateway.writeTours(result.rows, undefined, choices.base);
        setOutcome(result);
        setReceipt(written);
        setPhase("done");
      } catch (e: unknown) {
        setError(e);
        setPhase("failed");
      }
    },
    [gateway, language],
  );

  const undo = useCallback(async (): Promise<void> => {
    try {
      await gateway.undoLastWrite();
      setPhase("undone");
    } catch (e: unknown) {
      setError(e);
      setPhase("failed");
    }
  }, [gateway]);

  return { phase, outcome, receipt, error, plan, undo };
}
