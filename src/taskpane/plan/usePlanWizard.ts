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
  parseSource,
  segmentClients,
  segmentsFor,
  summarise,
} from "./planModel";
import type { PlanChoices } from "./planModel.types";

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
  next: () => void;
  back: () => void;
  goTo: (step: StepId) => void;
}

/** The wizard's state: the choices, and the plan derived from them (deferred, so typing stays fluid). */
export function usePlanWizard(initial?: PlanChoices): PlanWizard {
  const [choices, setChoices] = useState<PlanChoices>(
    () => initial ?? defaultChoices(new Date().getFullYear()),
  );
  const [stepIndex, setStepIndex] = useState(0);
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
  const canAdvance = canLeave(step, derived);
  const update = useCallback((change: (c: PlanChoices) => PlanChoices) => {
    setChoices(change);
  }, []);

  return {
    step,
    stepIndex,
    choices,
    derived,
    stale: deferred !== choices,
    canAdvance,
    update,
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

/** What a step needs before the rep may move on. */
export function canLeave(step: StepId, derived: PlanDerived): boolean {
  switch (step) {
    case "source":
      return derived.parsed !== null && derived.parsed.clients.length > 0;
    case "segmentation":
    case "norms":
      return derived.segmented.length > 0;
    case "capacity":
      return derived.capacity.ok;
    case "allocation":
      return derived.allocation?.ok === true;
    case "write":
      return false;
  }
}
