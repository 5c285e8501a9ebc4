import { Field, Input } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { ReactNode } from "react";
import { useI18n } from "../i18n/useI18n";

export interface NumberFieldProps {
  label: string;
  value: number;
  onChange: (value: number) => void;
  min?: number;
  max?: number;
  step?: number;
  hint?: string;
  /** Whole numbers only (a year, a count of days). */
  integer?: boolean;
  /** Told whether the rep's text is a valid value, so a form can block until it is (valid again when unmounted). */
  onValidity?: (valid: boolean) => void;
}

/** A number input that keeps what the rep typed until it is a valid number, and says why when not. */
export function NumberField({
  label,
  value,
  onChange,
  min,
  max,
  step,
  hint,
  integer = false,
  onValidity,
}: NumberFieldProps): ReactNode {
  const { t } = useI18n();
  const [text, setText] = useState<string | null>(null);
  const report = useRef(onValidity);
  report.current = onValidity;
  // A field that goes away (another step) no longer holds anything invalid.
  useEffect(
    () => () => {
      report.current?.(true);
    },
    [],
  );
  const shown = text ?? String(value);
  const problem = text === null ? undefined : numberProblem(text, min, max, integer);
  return (
    <Field
      label={label}
      hint={hint}
      validationMessage={problem === undefined ? undefined : t(problem, { min: min ?? "", max: max ?? "" })}
    >
      <Input
        type="number"
        inputMode={integer ? "numeric" : "decimal"}
        value={shown}
        min={min}
        max={max}
        step={step ?? (integer ? 1 : undefined)}
        onChange={(_, data) => {
          setText(data.value);
          const valid = numberProblem(data.value, min, max, integer) === undefined;
          onValidity?.(valid);
          if (valid) onChange(Number(data.value));
        }}
        onBlur={() => {
          if (text !== null && numberProblem(text, min, max, integer) === undefined) setText(null);
        }}
      />
    </Field>
  );
}

export type NumberProblem = "number.notANumber" | "number.notWhole" | "number.belowMin" | "number.aboveMax";

export function numberProblem(
  text: string,
  min?: number,
  max?: number,
  integer = false,
): NumberProblem | undefined {
  if (text.trim() === "" || !Number.isFinite(Number(text))) return "number.notANumber";
  const n = Number(text);
  if (integer && !Number.isInteger(n)) return "number.notWhole";
  if (min !== undefined && n < min) return "number.belowMin";
  if (max !== undefined && n > max) return "number.aboveMax";
  return undefined;
}
