import type { ReactNode } from "react";
import { useI18n } from "../i18n/useI18n";
import { STEPS } from "./usePlanWizard";
import type { PlanWizard } from "./usePlanWizard";
import { usePlanWizardStyles } from "./usePlanWizardStyles.styles";

/** The choices made in the steps before this one, in one line each. */
export function PlanSummary({ wizard }: { wizard: PlanWizard }): ReactNode {
  const { t, number } = useI18n();
  const styles = usePlanWizardStyles();
  const { choices, derived, stepIndex } = wizard;
  const lines: string[] = [];
  const done = (step: (typeof STEPS)[number]): boolean => STEPS.indexOf(step) < stepIndex;
  if (done("source") && choices.source !== null) {
    lines.push(
      t("summary.source", {
        where: `${choices.source.location.sheet}!${choices.source.location.address}`,
        clients: number(derived.parsed?.clients.length ?? 0),
        issues: number(derived.parsed?.issues.length ?? 0),
      }),
    );
  }
  if (done("segmentation")) {
    lines.push(
      t("summary.segmentation", {
        method: t(`segmentation.method.${choices.segmentation.method}`),
        overrides: number(Object.keys(choices.segmentation.overrides).length),
      }),
    );
  }
  if (done("norms")) {
    lines.push(
      t("summary.norms", {
        visits: number(derived.demand.visit ?? 0),
        calls: number(derived.demand.call ?? 0),
      }),
    );
  }
  if (done("capacity") && derived.capacity.ok) {
    lines.push(
      t("summary.capacity", {
        days: number(derived.capacity.result.fieldDays),
        visits: number(derived.capacity.result.perChannel.visit ?? 0),
      }),
    );
  }
  if (done("allocation"))
    lines.push(t("summary.allocation", { method: t(`allocation.method.${choices.allocation}`) }));
  if (lines.length === 0) return null;
  return (
    <ul className={styles.summary} aria-label={t("summary.label")}>
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
