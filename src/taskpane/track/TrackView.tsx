import type { ReactNode } from "react";
import type { WorkbookGateway } from "../../excel/gateway.types";

export function TrackView(_props: { gateway: WorkbookGateway }): ReactNode {
  return null;
}
