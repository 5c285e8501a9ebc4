import {
  Button,
  Field,
  Radio,
  RadioGroup,
  Select,
  Slider,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { useState } from "react";
import type { ReactNode } from "react";
import type { StrategicParams } from "../../../core/segment";
import { SegmentBarChart } from "../../charts/SegmentBarChart";
import { segmentColour, segmentLabel } from "../../i18n/labels";
import { useI18n } from "../../i18n/useI18n";
import { segmentsFor } from "../planModel";
import type { SegmentationChoices, SegmentationMethod } from "../planModel.types";
import type { StepProps } from "../PlanWizard.types";
import { usePlanWizardStyles } from "../usePlanWizardStyles.styles";

const METHODS: readonly SegmentationMethod[] = ["strategic", "abc", "crossAbc"];

export function SegmentationStep({ wizard }: StepProps): ReactNode {
  const { t, language, number, percent } = useI18n();
  const styles = usePlanWizardStyles();
  const seg = wizard.choices.segmentation;
  const set = (change: Partial<SegmentationChoices>): void => {
    wizard.update((c) => ({ ...c, segmentation: { ...c.segmentation, ...change } }));
  };
  const setParam = (key: keyof StrategicParams, value: number): void => {
    set({ params: { ...seg.params, [key]: value } });
  };
  const summary = wizard.derived.summary;
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
      <OverrideEditor wizard={wizard} />
    </div>
  );
}

function PercentSlider(props: {
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

function OverrideEditor({ wizard }: { wizard: StepProps["wizard"] }): ReactNode {
  const { t, language } = useI18n();
  const styles = usePlanWizardStyles();
  const seg = wizard.choices.segmentation;
  const segments = segmentsFor(seg);
  const clients = wizard.derived.segmented;
  const [clientId, setClientId] = useState("");
  const [segmentId, setSegmentId] = useState(segments[0]?.id ?? "");
  const setOverrides = (overrides: Record<string, string>): void => {
    wizard.update((c) => ({ ...c, segmentation: { ...c.segmentation, overrides } }));
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
