import { Field, Select, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import type { ReactNode } from "react";
import { STRATEGIC_SEGMENTS } from "../../../core/types";
import { segmentLabel } from "../../i18n/labels";
import { useI18n } from "../../i18n/useI18n";
import type { SegmentationChoices } from "../planModel.types";
import type { StepProps } from "../PlanWizard.types";
import { formatRules, parseRules } from "../rulesText";

/**
 * The custom segmentation rules as editable text. The draft is checked on every keystroke; only rules
 * that check reach the wizard's choices, so the preview always shows a valid segmentation.
 */
export function RulesEditor({
  value: seg,
  onChange,
}: Omit<StepProps<SegmentationChoices, never>, "outcome">): ReactNode {
  const { t, language } = useI18n();
  const [draft, setDraft] = useState(() => formatRules(seg.rules));
  const parsed = parseRules(draft, STRATEGIC_SEGMENTS);
  const message = parsed.ok
    ? t("segmentation.rulesApplied", { count: parsed.rules.length })
    : parsed.line > 0
      ? t("segmentation.rulesError", { line: parsed.line, reason: parsed.reason })
      : t("segmentation.rulesErrorAll", { reason: parsed.reason });
  return (
    <>
      <Field
        label={t("segmentation.rules")}
        hint={t("segmentation.rulesHelp")}
        validationState={parsed.ok ? "success" : "error"}
        validationMessage={message}
      >
        <Textarea
          value={draft}
          rows={Math.max(4, draft.split("\n").length + 1)}
          resize="vertical"
          onChange={(_, data) => {
            setDraft(data.value);
            const next = parseRules(data.value, STRATEGIC_SEGMENTS);
            if (next.ok) {
              onChange((s) => ({ ...s, rules: next.rules }));
            }
          }}
        />
      </Field>
      <Field label={t("segmentation.fallback")}>
        <Select
          value={seg.fallback}
          onChange={(_, data) => {
            onChange((s) => ({ ...s, fallback: data.value }));
          }}
        >
          {STRATEGIC_SEGMENTS.map((s) => (
            <option key={s.id} value={s.id}>
              {segmentLabel(s.id, language)}
            </option>
          ))}
        </Select>
      </Field>
    </>
  );
}
