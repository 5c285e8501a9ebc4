import { Button, Text } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useI18n } from "../i18n/useI18n";
import { PlanSummary } from "./PlanSummary";
import type { PlanWizardProps } from "./PlanWizard.types";
import { AllocationStep } from "./steps/AllocationStep";
import { CapacityStep } from "./steps/CapacityStep";
import { NormsStep } from "./steps/NormsStep";
import { SegmentationStep } from "./steps/SegmentationStep";
import { SourceStep } from "./steps/SourceStep";
import { WriteStep } from "./steps/WriteStep";
import { writeOutcome } from "./steps/useWriteStep";
import { segmentsFor } from "./planModel";
import { STEPS, usePlanWizard } from "./usePlanWizard";
import { usePlanWizardStyles } from "./usePlanWizardStyles.styles";

export function PlanWizard({ gateway }: PlanWizardProps): ReactNode {
  const styles = usePlanWizardStyles();
  const { t, language } = useI18n();
  const wizard = usePlanWizard();
  const { choices, derived } = wizard;
  const title = t(`step.${wizard.step}`);
  return (
    <section className={styles.root} aria-label={t("tab.plan")}>
      <Text as="h2" weight="semibold" size={400}>
        {t("wizard.stepOf", { n: wizard.stepIndex + 1, total: STEPS.length, title })}
      </Text>
      <PlanSummary wizard={wizard} />
      {wizard.step === "source" && (
        <SourceStep
          value={choices}
          onChange={(change) => {
            wizard.update((c) => ({ ...c, ...change(c) }));
          }}
          outcome={derived.parsed}
          gateway={gateway}
          year={choices.capacity.year}
          onRead={wizard.adoptSource}
        />
      )}
      {wizard.step === "segmentation" && (
        <SegmentationStep
          value={choices.segmentation}
          onChange={(change) => {
            wizard.update((c) => ({ ...c, segmentation: change(c.segmentation) }));
          }}
          outcome={{ summary: derived.summary, segmented: derived.segmented }}
        />
      )}
      {wizard.step === "norms" && (
        <NormsStep
          value={{ norms: choices.norms, channels: choices.channels }}
          onChange={(change) => {
            wizard.update((c) => ({ ...c, ...change({ norms: c.norms, channels: c.channels }) }));
          }}
          outcome={{ demand: derived.demand }}
          segments={segmentsFor(choices.segmentation)}
        />
      )}
      {wizard.step === "capacity" && (
        <CapacityStep
          value={choices.capacity}
          onChange={(change) => {
            wizard.update((c) => ({ ...c, capacity: change(c.capacity) }));
          }}
          outcome={{
            capacity: derived.capacity,
            demand: derived.demand,
            unfunded: derived.allocation?.ok === true ? derived.allocation.result.unfunded : null,
          }}
          channels={choices.channels}
          onValidity={wizard.setValidity}
        />
      )}
      {wizard.step === "allocation" && (
        <AllocationStep
          value={{ allocation: choices.allocation, shortfall: choices.shortfall }}
          onChange={(change) => {
            wizard.update((c) => ({
              ...c,
              ...change({ allocation: c.allocation, shortfall: c.shortfall }),
            }));
          }}
          outcome={derived.allocation}
          channels={choices.channels}
        />
      )}
      {wizard.step === "write" && (
        <WriteStep outcome={writeOutcome(choices, derived, language)} gateway={gateway} />
      )}
      <nav className={styles.nav} aria-label={t("wizard.navigation")}>
        <Button disabled={wizard.stepIndex === 0} onClick={wizard.back}>
          {t("common.back")}
        </Button>
        {wizard.step !== "write" && (
          <Button appearance="primary" disabled={!wizard.canAdvance} onClick={wizard.next}>
            {t("common.next")}
          </Button>
        )}
      </nav>
    </section>
  );
}
