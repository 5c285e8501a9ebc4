import type { ReactNode } from "react";
import type { WorkbookGateway } from "../../excel/gateway.types";

export function PlanWizard(_props: { gateway: WorkbookGateway }): ReactNode {
  return null;
}
