import { Button, MessageBar, MessageBarBody, ProgressBar, Field } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ReactNode } from "react";
import type { WorkbookGateway } from "../../excel/gateway.types";
import { useI18n } from "../i18n/useI18n";
import { errorText } from "../shell/errorText";
import { todayIso } from "../shell/today";
import { EffortCurve, ImpactComparison } from "./EffortCurve";
import { ImportPanel } from "./ImportPanel";
import { ImportSummary } from "./ImportSummary";
import { ReforecastPanel } from "./ReforecastPanel";
import { KpiCards, noContactsYet } from "./KpiCards";
import { SymptomList } from "./SymptomList";
import { useTrack } from "./useTrack";
import { useTrackStyles } from "./useTrackStyles.styles";

export interface TrackViewProps {
  gateway: WorkbookGateway;
  /** The tracking date shown first (default today). */
  initialAsOf?: string;
  /** False while another tab shows: the view stays mounted (its form and last message kept) and recomputes when shown again. */
  visible?: boolean;
}

export function TrackView({ gateway, initialAsOf, visible = true }: TrackViewProps): ReactNode {
  const { t, language, number } = useI18n();
  const styles = useTrackStyles();
  const [asOf, setAsOf] = useState(() => initialAsOf ?? todayIso());
  const [firstAsOf] = useState(asOf);
  const track = useTrack(gateway, firstAsOf);
  const progress = track.progress;
  const listSheets = useCallback(() => gateway.listSheets(), [gateway]);
  // Back on the tab: the plan or the contacts may have changed meanwhile; the form and message stay.
  const shown = useRef(visible);
  const { busy, load } = track;
  useEffect(() => {
    if (visible && !shown.current && !busy) void load(asOf);
    shown.current = visible;
  }, [visible, busy, load, asOf]);

  return (
    <section className={styles.root} aria-label={t("tab.track")}>
      <ImportPanel
        busy={track.busy}
        asOf={asOf}
        onAsOf={setAsOf}
        onUpdate={(source) => void track.update(source, asOf)}
        listSheets={listSheets}
      />
      {track.busy && (
        <div className={styles.row}>
          <Field
            label={t(`track.phase.${track.phase}`)}
            validationState="none"
            validationMessage={
              progress === null || progress.total === 0
                ? undefined
                : t("write.progressOf", { done: number(progress.done), total: number(progress.total) })
            }
          >
            <ProgressBar
              value={progress === null || progress.total === 0 ? undefined : progress.done / progress.total}
            />
          </Field>
          <Button onClick={track.cancel}>{t("common.cancel")}</Button>
        </div>
      )}
      {track.phase === "cancelled" && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("track.cancelled")}</MessageBarBody>
        </MessageBar>
      )}
      {track.phase === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>{errorText(track.error, language, t("track.failed"))}</MessageBarBody>
        </MessageBar>
      )}
      {track.imported !== null && <ImportSummary result={track.imported} />}
      <ReforecastPanel gateway={gateway} asOf={asOf} disabled={track.busy} />
      {track.figures !== null && (
        <>
          <KpiCards figures={track.figures} />
          {!noContactsYet(track.figures) && (
            <>
              <SymptomList gateway={gateway} figures={track.figures} />
              <EffortCurve kpis={track.figures.kpis} />
              <ImpactComparison kpis={track.figures.kpis} />
            </>
          )}
        </>
      )}
    </section>
  );
}
