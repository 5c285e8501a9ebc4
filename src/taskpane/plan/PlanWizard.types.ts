import type { PortfolioParse } from "../../core/parse";
import type { WorkbookGateway, PlanSettings, SourceRead } from "../../excel/gateway.types";
import type { PlanChoices } from "./planModel.types";

export interface PlanWizardProps {
  gateway: WorkbookGateway;
}

/**
 * What a step is given, as Fluent's components take props: its part of the choices (value), a change
 * of that part (onChange) and what the plan derives from it (outcome). Steps hold no plan state.
 */
export interface StepProps<V, O> {
  value: V;
  onChange: (change: (value: V) => V) => void;
  outcome: O;
}

/** A number field reports whether the rep's text is valid; an invalid one blocks Next. */
export type ValidityFn = (field: string, valid: boolean) => void;

/** The source step's part of the choices. */
export type SourceValue = Pick<PlanChoices, "source" | "mapping" | "ownSheet">;

export interface SourceStepProps extends StepProps<SourceValue, PortfolioParse | null> {
  gateway: WorkbookGateway;
  /** The plan year a new plan workbook's Settings start at. */
  year: number;
  /** A new read: the wizard resets the mapping and overrides, and takes the capacity the workbook recorded. */
  onRead: (source: SourceRead, settings: PlanSettings | null) => void;
}
