import { useCallback, useDeferredValue, useMemo, useState } from "react";
import type { PortfolioParse } from "../../core/parse";
import type { ChannelCounts } from "../../core/types";
import type { AllocationOutcome } from "./allocationModel";
import { allocate } from "./allocationModel";
import type { CapacityOutcome } from "../engine/calendarEngine";
import { useCalendarEngine } from "../engine/loadCalendarEngine";
import type { SegmentedClient, SegmentRow } from "./planModel";
import {
  defaultChoices,
  demandPerChannel,
  hasCapacity,
  missingColumns,
  parseSource,
  segmentClients,
  segmentsFor,
  summarise,
} from "./planModel";
import type { PlanChoices } from "./planModel.types";
import { capacityFromSettings } from "./planSettings";
import type { PlanSettings, SourceRead } from "../../excel/gateway.types";
import { copiesPortfolio } from "./portfolioCopy";

export const STEPS = ["source", "segmentation", "norms", "capacity", "allocation", "write"] as const;
export type StepId = (typeof STEPS)[number];

export interface PlanDerived {
  parsed: PortfolioParse | null;
  segmented: readonly SegmentedClient[];
  summary: readonly SegmentRow[];
  demand: ChannelCounts;
  capacity: CapacityOutcome;
  allocation: AllocationOutcome | null;
}

export interface PlanWizard {
  step: StepId;
  stepIndex: number;
  choices: PlanChoices;
  derived: PlanDerived;
  /** True while derived figures lag behind a fast-moving input (a slider being dragged). */
  stale: boolean;
  canAdvance: boolean;
  update: (change: (choices: PlanChoices) => PlanChoices) => void;
  /** Fields whose typed text is not a valid value (a NumberField showing an error): they block Next. */
  invalid: ReadonlySet<string>;
  /** A field reports whether what the rep typed is valid; an invalid one blocks the step. */
  setValidity: (field: string, valid: boolean) => void;
  /** A new read: the mapping and overrides start over; a plan workbook's recorded capacity is taken up. */
  adoptSource: (source: SourceRead, settings: PlanSettings | null) => void;
  next: () => void;
  back: () => void;
  goTo: (step: StepId) => void;
}

/** The wizard's state: the choices, and the plan derived from them (deferred, so typing stays fluid). */
export function usePlanWizard(initial?: PlanChoices): PlanWizard {
  const [choices, setChoices] = useState<PlanChoices>(() => initial ?? defaultChoices(planYear(new Date())));
  const [stepIndex, setStepIndex] = useState(0);
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(() => new Set());
  const deferred = useDeferredValue(choices);
  const { engine, error: engineError } = useCalendarEngine();

  const parsed = useMemo(() => parseSource(deferred), [deferred]);
  const segmented = useMemo(
    () => (parsed === null ? [] : segmentClients(parsed.clients, deferred.segmentation)),
    [parsed, deferred.segmentation],
  );
  const derived = useMemo<PlanDerived>(() => {
    // Until the calendar chunk arrives the capacity is "not yet" (ok false, no error), or the load error.
    const capacity: CapacityOutcome =
      engine === null ? { ok: false, error: engineError } : engine.computeCapacity(deferred.capacity);
    return {
      parsed,
      segmented,
      summary: summarise(segmented, segmentsFor(deferred.segmentation)),
      demand: demandPerChannel(segmented, deferred.norms),
      capacity,
      allocation:
        capacity.ok && segmented.length > 0
          ? allocate(
              segmented,
              deferred.segmentation,
              deferred.norms,
              deferred.channels,
              capacity.result,
              deferred.allocation,
              deferred.capacity.contactsPerDay.visit ?? 0,
              deferred.shortfall,
            )
          : null,
    };
  }, [
    parsed,
    segmented,
    deferred.segmentation,
    deferred.norms,
    deferred.channels,
    deferred.capacity,
    deferred.allocation,
    deferred.shortfall,
    engine,
    engineError,
  ]);

  const step = STEPS[stepIndex] ?? "source";
  const canAdvance = invalid.size === 0 && canLeave(step, derived, choices);
  const update = useCallback((change: (c: PlanChoices) => PlanChoices) => {
    setChoices(change);
  }, []);
  const setValidity = useCallback((field: string, valid: boolean) => {
    setInvalid((current) => {
      if (current.has(field) === !valid) return current;
      const next = new Set(current);
      if (valid) next.delete(field);
      else next.add(field);
      return next;
    });
  }, []);

  return {
    step,
    stepIndex,
    choices,
    derived,
    stale: deferred !== choices,
    canAdvance,
    update,
    invalid,
    setValidity,
    adoptSource: (source, settings) => {
      setChoices((c) => ({
        ...c,
        source,
        mapping: {},
        ownSheet: false,
        segmentation: { ...c.segmentation, overrides: {} },
        capacity: settings === null ? c.capacity : capacityFromSettings(c.capacity, settings),
      }));
    },
    next: () => {
      if (canAdvance) setStepIndex((i) => Math.min(i + 1, STEPS.length - 1));
    },
    back: () => {
      setStepIndex((i) => Math.max(i - 1, 0));
    },
    goTo: (target) => {
      const index = STEPS.indexOf(target);
      if (index <= stepIndex) setStepIndex(index);
    },
  };
}

/** Year-end planning is for next year: from October the wizard proposes the year after today's. */
export function planYear(today: Date): number {
  return today.getMonth() >= 9 ? today.getFullYear() + 1 : today.getFullYear();
}

/**
 * What a step needs before the rep may move on. The source needs its required columns, and a rep's
 * own list goes on only when the rep chose to plan in their sheet (the plan workbook is the default).
 */
export function canLeave(step: StepId, derived: PlanDerived, choices: PlanChoices): boolean {
  switch (step) {
    case "source":
      return (
        derived.parsed !== null &&
        derived.parsed.clients.length > 0 &&
        missingColumns(derived.parsed).length === 0 &&
        (!copiesPortfolio(choices.source) || choices.ownSheet)
      );
    case "segmentation":
    case "norms":
      return derived.segmented.length > 0;
    case "capacity":
      return derived.capacity.ok && hasCapacity(derived.capacity.result);
    case "allocation":
      return derived.allocation?.ok === true;
    case "write":
      return false;
  }
}
