import type { ActionRow, WorkbookGateway } from "../../excel/gateway.types";

export interface ActionsViewProps {
  gateway: WorkbookGateway;
}

/** The form's fields; `due` is ISO yyyy-mm-dd or "". */
export type ActionDraft = ActionRow;

export interface ActionsState {
  rows: readonly ActionRow[];
  loading: boolean;
  error: unknown;
}
