import {
  Field,
  Radio,
  RadioGroup,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { StrategicParams } from "../../../core/segment";
import { SegmentBarChart } from "../../charts/SegmentBarChart";
import { segmentColour, segmentLabel } from "../../i18n/labels";
import { useI18n } from "../../i18n/useI18n";
import type { SegmentationChoices, SegmentationMethod } from "../planModel.types";
import type { SegmentedClient, SegmentRow } from "../planModel";
import type { StepProps } from "../PlanWizard.types";
import { usePlanWizardStyles } from "../usePlanWizardStyles.styles";
import { OverrideEditor } from "./OverrideEditor";
import { NumberField } from "../../shared/NumberField";
import { PercentSlider } from "./PercentSlider";
import { RulesEditor } from "./RulesEditor";

const METHODS: readonly SegmentationMethod[] = ["strategic", "abc", "crossAbc", "rules"];

/** The segments the choices give: the preview per segment, and each client's segment. */
export interface SegmentationOutcome {
  summary: readonly SegmentRow[];
  segmented: readonly SegmentedClient[];
}

export type SegmentationStepProps = StepProps<SegmentationChoices, SegmentationOutcome>;

export function SegmentationStep({ value: seg, onChange, outcome }: SegmentationStepProps): ReactNode {
  const { t, language, number, percent } = useI18n();
  const styles = usePlanWizardStyles();
  const set = (change: Partial<SegmentationChoices>): void => {
    onChange((s) => ({ ...s, ...change }));
  };
  const setParam = (key: keyof StrategicParams, value: number): void => {
    set({ params: { ...seg.params, [key]: value } });
  };
  const summary = outcome.summary;
  const totals = summary.reduce(
    (acc, r) => ({
      clients: acc.clients + r.clients,
      salesN: acc.salesN + r.salesN,
      potential: acc.potential + r.potential,
    }),
    { clients: 0, salesN: 0, potential: 0 },
  );
  const share = (x: number, total: number): number => (total > 0 ? x / total : 0);

  return (
    <div className={styles.step}>
      <Field label={t("segmentation.method")}>
        <RadioGroup
          value={seg.method}
          onChange={(_, data) => {
            set({ method: data.value as SegmentationMethod });
          }}
        >
          {METHODS.map((m) => (
            <Radio key={m} value={m} label={t(`segmentation.method.${m}`)} />
          ))}
        </RadioGroup>
      </Field>
      {seg.method === "strategic" && (
        <>
          <PercentSlider
            label={t("segmentation.trend")}
            value={seg.params.trendThreshold}
            min={-0.5}
            max={0}
            onChange={(v) => {
              setParam("trendThreshold", v);
            }}
          />
          <PercentSlider
            label={t("segmentation.share")}
            value={seg.params.shareThreshold}
            min={0.05}
            max={0.95}
            onChange={(v) => {
              setParam("shareThreshold", v);
            }}
          />
        </>
      )}
      {(seg.method === "strategic" || seg.method === "rules") && (
        <NumberField
          label={t("segmentation.monthsN")}
          value={seg.params.monthsN}
          min={1}
          max={12}
          integer
          onChange={(v) => {
            setParam("monthsN", v);
          }}
        />
      )}
      {seg.method === "abc" && (
        <Field label={t("segmentation.measure")}>
          <Select
            value={seg.abcMeasure}
            onChange={(_, data) => {
              set({ abcMeasure: data.value === "potential" ? "potential" : "salesN" });
            }}
          >
            <option value="salesN">{t("field.salesN")}</option>
            <option value="potential">{t("field.potential")}</option>
          </Select>
        </Field>
      )}
      {seg.method === "rules" && <RulesEditor value={seg} onChange={onChange} />}
      <PercentSlider
        label={t("segmentation.a")}
        value={seg.params.a}
        min={0.5}
        max={Math.min(0.95, seg.params.b - 0.01)}
        onChange={(v) => {
          setParam("a", v);
        }}
      />
      <PercentSlider
        label={t("segmentation.b")}
        value={seg.params.b}
        min={Math.max(0.6, seg.params.a + 0.01)}
        max={0.99}
        onChange={(v) => {
          setParam("b", v);
        }}
      />
      <Table size="extra-small" aria-label={t("segmentation.preview")}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("segmentation.segment")}</TableHeaderCell>
            <TableHeaderCell>{t("segmentation.clients")}</TableHeaderCell>
            <TableHeaderCell>{t("field.salesN")}</TableHeaderCell>
            <TableHeaderCell>{t("field.potential")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {summary.map((row) => (
            <TableRow key={row.segment}>
              <TableCell>{segmentLabel(row.segment, language)}</TableCell>
              <TableCell className={styles.numberCell}>{number(row.clients)}</TableCell>
              <TableCell className={styles.numberCell}>{number(row.salesN)}</TableCell>
              <TableCell className={styles.numberCell}>{number(row.potential)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <SegmentBarChart
        title={t("segmentation.chart")}
        series={[t("segmentation.clients"), t("field.salesN"), t("field.potential")]}
        groups={summary.map((row) => ({
          key: row.segment,
          label: segmentLabel(row.segment, language),
          colour: segmentColour(row.segment),
          shares: [
            share(row.clients, totals.clients),
            share(row.salesN, totals.salesN),
            share(row.potential, totals.potential),
          ],
        }))}
        formatShare={(s) => percent(s)}
      />
      <OverrideEditor value={seg} onChange={onChange} outcome={outcome.segmented} />
    </div>
  );
}
