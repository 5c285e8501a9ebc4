import {
  Input,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import * as norms from "../../../core/norms";
import type { ChannelCounts } from "../../../core/types";
import { channelLabel, segmentLabel } from "../../i18n/labels";
import { useI18n } from "../../i18n/useI18n";
import type { Segment } from "../../../core/types";
import type { PlanChoices } from "../planModel.types";
import type { StepProps } from "../PlanWizard.types";
import { usePlanWizardStyles } from "../usePlanWizardStyles.styles";

/** Norms per segment × channel and channel weights, with weighted totals that follow every keystroke. */
/** The norms step's part of the choices: the norm table and the channels' weights. */
export type NormsValue = Pick<PlanChoices, "norms" | "channels">;

export interface NormsStepProps extends StepProps<NormsValue, { demand: ChannelCounts }> {
  /** The segments of the chosen segmentation, one row each. */
  segments: readonly Segment[];
}

export function NormsStep({
  value: choices,
  onChange,
  outcome: derived,
  segments,
}: NormsStepProps): ReactNode {
  const { t, language, number } = useI18n();
  const styles = usePlanWizardStyles();
  const channels = choices.channels;
  const problems = [...norms.channelProblems(channels), ...norms.normTableProblems(choices.norms, channels)];

  const setCount = (segment: string, channel: string, value: number): void => {
    onChange((c) => {
      const row: ChannelCounts = { ...(c.norms[segment] ?? {}), [channel]: value };
      return { ...c, norms: { ...c.norms, [segment]: row } };
    });
  };
  const setWeight = (channel: string, weight: number): void => {
    onChange((c) => ({
      ...c,
      channels: c.channels.map((ch) => (ch.id === channel ? { ...ch, weight } : ch)),
    }));
  };
  const safeWeighted = (counts: ChannelCounts): number => {
    try {
      return norms.weighted(counts, channels);
    } catch {
      return Number.NaN;
    }
  };
  const numeric = (text: string): number => (text.trim() === "" ? 0 : Number(text));

  return (
    <div className={styles.step}>
      <Table size="extra-small" aria-label={t("norms.table")}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("segmentation.segment")}</TableHeaderCell>
            {channels.map((ch) => (
              <TableHeaderCell key={ch.id}>{channelLabel(ch.id, language, channels)}</TableHeaderCell>
            ))}
            <TableHeaderCell>{t("norms.weighted")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {segments.map((s) => {
            const row = choices.norms[s.id] ?? {};
            return (
              <TableRow key={s.id}>
                <TableCell>{segmentLabel(s.id, language)}</TableCell>
                {channels.map((ch) => (
                  <TableCell key={ch.id}>
                    <Input
                      className={styles.narrowInput}
                      type="number"
                      min={0}
                      aria-label={t("norms.cell", {
                        segment: segmentLabel(s.id, language),
                        channel: channelLabel(ch.id, language, channels),
                      })}
                      value={String(row[ch.id] ?? 0)}
                      onChange={(_, data) => {
                        setCount(s.id, ch.id, numeric(data.value));
                      }}
                    />
                  </TableCell>
                ))}
                <TableCell className={styles.numberCell}>{number(safeWeighted(row), 2)}</TableCell>
              </TableRow>
            );
          })}
          <TableRow>
            <TableCell>{t("norms.weight")}</TableCell>
            {channels.map((ch) => (
              <TableCell key={ch.id}>
                <Input
                  className={styles.narrowInput}
                  type="number"
                  min={0}
                  step={0.05}
                  aria-label={t("norms.weightOf", { channel: channelLabel(ch.id, language, channels) })}
                  value={String(ch.weight)}
                  onChange={(_, data) => {
                    setWeight(ch.id, numeric(data.value));
                  }}
                />
              </TableCell>
            ))}
            <TableCell />
          </TableRow>
          <TableRow aria-label={t("norms.demand")}>
            <TableCell>{t("norms.demand")}</TableCell>
            {channels.map((ch) => (
              <TableCell key={ch.id} className={styles.numberCell}>
                {number(derived.demand[ch.id] ?? 0)}
              </TableCell>
            ))}
            <TableCell className={styles.numberCell}>{number(safeWeighted(derived.demand), 1)}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      {problems.length > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>
            <div>{t("norms.invalid")}</div>
            {problems.map((p) => (
              <div key={`${p.segment ?? ""}/${p.channel ?? ""}/${p.code}`}>{p.message}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
