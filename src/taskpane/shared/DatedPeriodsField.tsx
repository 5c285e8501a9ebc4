import { Field, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import type { ReactNode } from "react";
import * as capacity from "../../core/capacity";
import type { DatedPeriod } from "../../core/capacity";
import { useI18n } from "../i18n/useI18n";
import { errorText } from "../shell/errorText";

export interface DatedPeriodsFieldProps {
  /** The field's label, as the pane shows it: errors name the field by it. */
  label: string;
  hint?: string;
  value: readonly DatedPeriod[];
  onChange: (periods: DatedPeriod[]) => void;
}

/** "du 03/08/2026 au 21/08/2026 ; …" in French, the recorded form in English. */
export function periodsText(periods: readonly DatedPeriod[], language: "fr" | "en"): string {
  if (language === "en") return capacity.formatDatedPeriods(periods);
  const fr = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  return periods
    .map((p) => (p.start === p.end ? fr(p.start) : `du ${fr(p.start)} au ${fr(p.end)}`))
    .join(" ; ");
}

/**
 * Dated periods (leave, RTT) typed as text: kept as the rep typed it until it reads, committed
 * only then (the core's reader), and the reason shown, naming the field, while it does not.
 */
export function DatedPeriodsField({ label, hint, value, onChange }: DatedPeriodsFieldProps): ReactNode {
  const { t, language } = useI18n();
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  return (
    <Field label={label} hint={hint} validationMessage={problem}>
      <Textarea
        resize="vertical"
        value={text ?? periodsText(value, language)}
        onChange={(_, data) => {
          setText(data.value);
          try {
            onChange(capacity.parseDatedPeriods(data.value, label));
            setProblem(undefined);
          } catch (error: unknown) {
            setProblem(errorText(error, language, t("common.unexpected")));
          }
        }}
        onBlur={() => {
          if (problem === undefined) setText(null);
        }}
      />
    </Field>
  );
}
