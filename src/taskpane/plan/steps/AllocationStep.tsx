import {
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import { useState } from "react";
import type { ReactNode } from "react";
import type { ShortfallMode } from "../../../core/plan";
import type { ChannelCounts } from "../../../core/types";
import { channelLabel, segmentLabel } from "../../i18n/labels";
import { useI18n } from "../../i18n/useI18n";
import { errorText } from "../../shell/errorText";
import type { AllocationMethod } from "../planModel.types";
import type { Channel } from "../../../core/types";
import type { AllocationOutcome } from "../allocationModel";
import type { PlanChoices } from "../planModel.types";
import type { StepProps } from "../PlanWizard.types";
import { usePlanWizardStyles } from "../usePlanWizardStyles.styles";

const METHODS: readonly AllocationMethod[] = ["norms", "optimized"];
const MODES: readonly ShortfallMode[] = ["proportional", "priority"];

/** The allocation step's part of the choices: the method and what to do when the norms exceed the capacity. */
export type AllocationValue = Pick<PlanChoices, "allocation" | "shortfall">;

export interface AllocationStepProps extends StepProps<AllocationValue, AllocationOutcome | null> {
  channels: readonly Channel[];
}

export function AllocationStep({
  value: choices,
  onChange,
  outcome,
  channels,
}: AllocationStepProps): ReactNode {
  const { t, language, number } = useI18n();
  const styles = usePlanWizardStyles();
  const [clientId, setClientId] = useState("");
  const counts = (c: ChannelCounts): string =>
    channels
      .filter((ch) => (c[ch.id] ?? 0) > 0)
      .map((ch) => `${number(c[ch.id] ?? 0)} ${channelLabel(ch.id, language, channels)}`)
      .join(", ");

  return (
    <div className={styles.step}>
      <Field label={t("allocation.method")}>
        <RadioGroup
          value={choices.allocation}
          onChange={(_, data) => {
            onChange((c) => ({ ...c, allocation: data.value as AllocationMethod }));
          }}
        >
          {METHODS.map((m) => (
            <Radio key={m} value={m} label={t(`allocation.method.${m}`)} />
          ))}
        </RadioGroup>
      </Field>
      {choices.allocation === "norms" && (
        <Field label={t("allocation.mode")}>
          <RadioGroup
            value={choices.shortfall.mode}
            onChange={(_, data) => {
              onChange((c) => ({
                ...c,
                shortfall: { ...c.shortfall, mode: data.value as ShortfallMode },
              }));
            }}
          >
            {MODES.map((m) => (
              <Radio key={m} value={m} label={t(`allocation.mode.${m}`)} />
            ))}
          </RadioGroup>
        </Field>
      )}
      <Checkbox
        checked={choices.shortfall.floor}
        label={t("allocation.floor")}
        onChange={(_, data) => {
          onChange((c) => ({ ...c, shortfall: { ...c.shortfall, floor: data.checked === true } }));
        }}
      />
      {outcome === null && <Text>{t("allocation.needsCapacity")}</Text>}
      {outcome !== null && !outcome.ok && (
        <MessageBar intent="error">
          <MessageBarBody>{errorText(outcome.error, language, t("allocation.failed"))}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.ok === true && (
        <>
          <Table size="extra-small" aria-label={t("allocation.perSegment")}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("segmentation.segment")}</TableHeaderCell>
                <TableHeaderCell>{t("segmentation.clients")}</TableHeaderCell>
                <TableHeaderCell>{t("allocation.norm")}</TableHeaderCell>
                <TableHeaderCell>{t("allocation.planned")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {outcome.perSegment.map((row) => (
                <TableRow key={row.segment}>
                  <TableCell>{segmentLabel(row.segment, language)}</TableCell>
                  <TableCell className={styles.numberCell}>{number(row.clients)}</TableCell>
                  <TableCell>{counts(row.norm)}</TableCell>
                  <TableCell>{counts(row.planned)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Text role="status" block>
            {outcome.result.constrained ? t("allocation.constrained") : t("allocation.notConstrained")}
          </Text>
          {outcome.result.pools
            .filter((p) => p.demand > p.result.capacity)
            .map((p) => (
              <Text key={`${p.channel}.${p.pool}`} block>
                {t("allocation.shortfall", {
                  channel: channelLabel(p.channel, language, channels),
                  demand: number(p.demand),
                  capacity: number(p.result.capacity),
                  missing: number(p.demand - p.result.capacity),
                })}
              </Text>
            ))}
          {outcome.visitDayValue !== null && (
            <Text block>
              {t("allocation.shadow", {
                visit: number(outcome.visitShadowPrice ?? 0, 2),
                day: number(outcome.visitDayValue, 2),
              })}
            </Text>
          )}
          {outcome.result.leftAtZero.length > 0 && (
            <Field label={t("allocation.leftAtZero", { count: number(outcome.result.leftAtZero.length) })}>
              <ul
                aria-label={t("allocation.leftAtZero", { count: number(outcome.result.leftAtZero.length) })}
              >
                {outcome.result.leftAtZero.map((id) => (
                  <li key={id}>{id}</li>
                ))}
              </ul>
            </Field>
          )}
          {outcome.result.notes.length > 0 && (
            <ul aria-label={t("allocation.notes")}>
              {(language === "fr" ? outcome.result.notesFr : outcome.result.notes).map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
          <Field label={t("allocation.why")}>
            <Select
              value={clientId}
              onChange={(_, data) => {
                setClientId(data.value);
              }}
            >
              <option value="">—</option>
              {outcome.result.clients.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.id}
                </option>
              ))}
            </Select>
          </Field>
          {outcome.result.clients
            .filter((c) => c.id === clientId)
            .map((c) => (
              <div key={c.id} role="region" aria-label={t("allocation.explanationOf", { client: c.id })}>
                <Text block>
                  {t("allocation.clientLine", {
                    segment: segmentLabel(c.segment, language),
                    norm: counts(c.norm),
                    planned: counts(c.planned),
                  })}
                </Text>
                <Text block>{language === "fr" ? c.assignment.reasonFr : c.assignment.reason}</Text>
                <Text block>{language === "fr" ? c.explanationFr : c.explanation}</Text>
              </div>
            ))}
        </>
      )}
    </div>
  );
}
