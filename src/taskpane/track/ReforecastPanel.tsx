import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { WorkbookGateway } from "../../excel/gateway.types";
import { useI18n } from "../i18n/useI18n";
import { errorText } from "../shell/errorText";
import { useReforecast } from "./useReforecast";
import { useTrackStyles } from "./useTrackStyles.styles";

export interface ReforecastPanelProps {
  gateway: WorkbookGateway;
  asOf: string;
  /** Another write of the tab is running. */
  disabled: boolean;
}

/** The re-forecast as of the tab's date, written beside the plan in the Clients table (issue 15). */
export function ReforecastPanel({ gateway, asOf, disabled }: ReforecastPanelProps): ReactNode {
  const { t, language, number } = useI18n();
  const styles = useTrackStyles();
  const reforecast = useReforecast(gateway);
  const receipt = reforecast.receipt;
  const capacity =
    receipt === null
      ? ""
      : Object.entries(receipt.remainingCapacity)
          .map(([channel, n]) => `${channel} ${number(n ?? 0)}`)
          .join(", ") || "—";
  return (
    <section className={styles.row} aria-label={t("track.reforecast.title")}>
      <Button disabled={disabled || reforecast.busy} onClick={() => void reforecast.run(asOf)}>
        {t("track.reforecast.button")}
      </Button>
      {receipt !== null && (
        <MessageBar intent="success">
          <MessageBarBody>
            {t("track.reforecast.written", {
              asOf: receipt.asOf,
              columns: receipt.columns.join(", "),
              capacity,
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      {reforecast.error !== null && (
        <MessageBar intent="error">
          <MessageBarBody>
            {errorText(reforecast.error, language, t("track.reforecast.failed"))}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
