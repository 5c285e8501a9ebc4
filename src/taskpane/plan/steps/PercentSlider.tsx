import { Field, Slider } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useI18n } from "../../i18n/useI18n";

/** A threshold stored as a ratio (0..1) and moved in whole percents. */
export function PercentSlider(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (value: number) => void;
}): ReactNode {
  const { t, percent } = useI18n();
  return (
    <Field label={t("common.labelValue", { label: props.label, value: percent(props.value) })}>
      <Slider
        aria-valuetext={percent(props.value)}
        min={Math.round(props.min * 100)}
        max={Math.round(props.max * 100)}
        value={Math.round(props.value * 100)}
        onChange={(_, data) => {
          props.onChange(data.value / 100);
        }}
      />
    </Field>
  );
}
