import { Button, Field, Select } from "@fluentui/react-components";
import { useState } from "react";
import type { ReactNode } from "react";
import { segmentLabel } from "../../i18n/labels";
import { useI18n } from "../../i18n/useI18n";
import { segmentsFor } from "../planModel";
import type { SegmentedClient } from "../planModel";
import type { SegmentationChoices } from "../planModel.types";
import type { StepProps } from "../PlanWizard.types";
import { usePlanWizardStyles } from "../usePlanWizardStyles.styles";

/** Forces a client into a segment; the core honours it as the row's forced segment. */
export function OverrideEditor({
  value: seg,
  onChange,
  outcome: clients,
}: StepProps<SegmentationChoices, readonly SegmentedClient[]>): ReactNode {
  const { t, language } = useI18n();
  const styles = usePlanWizardStyles();
  const segments = segmentsFor(seg);
  const [clientId, setClientId] = useState("");
  const [segmentId, setSegmentId] = useState(segments[0]?.id ?? "");
  const setOverrides = (overrides: Record<string, string>): void => {
    onChange((s) => ({ ...s, overrides }));
  };
  const current = clients.find((c) => c.client.id === clientId);
  return (
    <section aria-label={t("segmentation.overrides")}>
      <div className={styles.row}>
        <Field label={t("segmentation.overrideClient")}>
          <Select
            value={clientId}
            onChange={(_, data) => {
              setClientId(data.value);
            }}
          >
            <option value="">—</option>
            {clients.map((c) => (
              <option key={c.client.id} value={c.client.id}>
                {`${c.client.id} · ${c.client.name} (${segmentLabel(c.segment, language)})`}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("segmentation.overrideSegment")}>
          <Select
            value={segmentId}
            onChange={(_, data) => {
              setSegmentId(data.value);
            }}
          >
            {segments.map((s) => (
              <option key={s.id} value={s.id}>
                {segmentLabel(s.id, language)}
              </option>
            ))}
          </Select>
        </Field>
        <Button
          disabled={clientId === "" || segmentId === ""}
          onClick={() => {
            setOverrides({ ...seg.overrides, [clientId]: segmentId });
          }}
        >
          {t("segmentation.force")}
        </Button>
      </div>
      {current !== undefined && current.reason !== "" && <p>{current.reason}</p>}
      <ul>
        {Object.entries(seg.overrides).map(([id, s]) => (
          <li key={id}>
            {t("segmentation.forced", { client: id, segment: segmentLabel(s, language) })}{" "}
            <Button
              size="small"
              aria-label={t("segmentation.unforce", { client: id })}
              onClick={() => {
                const { [id]: _removed, ...rest } = seg.overrides;
                setOverrides(rest);
              }}
            >
              {t("segmentation.remove")}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
