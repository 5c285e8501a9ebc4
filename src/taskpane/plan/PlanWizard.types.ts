import type { WorkbookGateway } from "../../excel/gateway.types";
import type { PlanWizard } from "./usePlanWizard";

export interface PlanWizardProps {
  gateway: WorkbookGateway;
}

/** Every step gets the wizard's state and the gateway; steps hold no plan state of their own. */
export interface StepProps {
  wizard: PlanWizard;
  gateway: WorkbookGateway;
}
