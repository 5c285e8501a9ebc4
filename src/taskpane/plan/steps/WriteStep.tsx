import { Button, Field, MessageBar, MessageBarBody, ProgressBar, Text } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useI18n } from "../../i18n/useI18n";
import { errorText } from "../../shell/errorText";
import type { WorkbookGateway } from "../../../excel/gateway.types";
import type { StepProps } from "../PlanWizard.types";
import { usePlanWizardStyles } from "../usePlanWizardStyles.styles";
import type { WriteOutcome } from "./useWriteStep";
import { useWriteStep } from "./useWriteStep";
import { singleClick } from "../../shared/singleClick";

export interface WriteStepProps extends Pick<StepProps<never, WriteOutcome>, "outcome"> {
  gateway: WorkbookGateway;
}

export function WriteStep({ outcome, gateway }: WriteStepProps): ReactNode {
  const { t, language, number } = useI18n();
  const styles = usePlanWizardStyles();
  const state = useWriteStep(outcome, gateway);
  const hasId = outcome.hasId;
  const busy = state.phase === "writing" || state.phase === "undoing";
  const progress = state.progress;
  const clients = outcome.rows.length;

  return (
    <div className={styles.step}>
      <Text>{t("write.intro", { clients: number(clients) })}</Text>
      {!hasId && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("write.needsId")}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={busy || !hasId || clients === 0}
          onClick={singleClick(() => void state.write())}
        >
          {t("write.write")}
        </Button>
        {state.phase === "writing" && <Button onClick={state.cancel}>{t("common.cancel")}</Button>}
        {(state.phase === "written" || state.phase === "cancelled") && (
          <Button onClick={singleClick(() => void state.undo())}>{t("write.undo")}</Button>
        )}
      </div>
      {state.phase === "writing" && (
        <Field
          label={t("write.progress")}
          validationState="none"
          validationMessage={
            progress === null
              ? undefined
              : t("write.progressOf", { done: number(progress.done), total: number(progress.total) })
          }
        >
          <ProgressBar
            value={progress === null || progress.total === 0 ? undefined : progress.done / progress.total}
          />
        </Field>
      )}
      <div role="status">
        {state.phase === "written" && state.receipt !== null && (
          <MessageBar intent="success">
            <MessageBarBody>
              {t("write.done", { rows: number(state.receipt.rowsWritten) })}
              {state.receipt.unmatchedClientIds.length > 0 &&
                ` ${t("write.unmatched", { ids: state.receipt.unmatchedClientIds.join(", ") })}`}
            </MessageBarBody>
          </MessageBar>
        )}
        {state.phase === "written" && state.receipt !== null && (
          <Text size={200}>
            {t(state.receipt.settingsRecorded ? "write.settingsRecorded" : "write.noPlanWorkbook")}
          </Text>
        )}
        {state.phase === "cancelled" && (
          <MessageBar intent="warning">
            <MessageBarBody>{t("write.cancelled")}</MessageBarBody>
          </MessageBar>
        )}
        {state.phase === "undone" && (
          <MessageBar intent="info">
            <MessageBarBody>{t("write.undone")}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {state.phase === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>{errorText(state.error, language, t("common.unexpected"))}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
