import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  Spinner,
  TableRow,
  Text,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { ExplanationLine } from "../../../core/capacity";
import { weighted } from "../../../core/norms";
import { channelLabel } from "../../i18n/labels";
import { useI18n } from "../../i18n/useI18n";
import { DatedPeriodsField } from "../../shared/DatedPeriodsField";
import { NumberField } from "../../shared/NumberField";
import { errorText } from "../../shell/errorText";
import type { Unfunded } from "../../../core/plan";
import type { Channel, ChannelCounts } from "../../../core/types";
import type { CapacityOutcome } from "../../engine/calendarEngine";
import { hasCapacity } from "../planModel";
import type { CapacityChoices } from "../planModel.types";
import type { StepProps, ValidityFn } from "../PlanWizard.types";
import { usePlanWizardStyles } from "../usePlanWizardStyles.styles";

const OP_SIGN: Readonly<Record<ExplanationLine["op"], string>> = {
  start: "",
  minus: "− ",
  times: "× ",
  equals: "= ",
  info: "",
};

/** What the capacity choices give: the capacity, the norms' demand, and the remote days the plan leaves unfunded. */
export interface CapacityStepOutcome {
  capacity: CapacityOutcome;
  demand: ChannelCounts;
  unfunded: Unfunded | null;
}

export interface CapacityStepProps extends StepProps<CapacityChoices, CapacityStepOutcome> {
  channels: readonly Channel[];
  onValidity: ValidityFn;
}

export function CapacityStep({
  value: cap,
  onChange,
  outcome: derived,
  channels,
  onValidity,
}: CapacityStepProps): ReactNode {
  const { t, language, number, percent } = useI18n();
  const styles = usePlanWizardStyles();
  const set = (change: Partial<CapacityChoices>): void => {
    onChange((c) => ({ ...c, ...change }));
  };
  const valid = (field: string) => (ok: boolean) => {
    onValidity(`capacity.${field}`, ok);
  };
  // The core names its inputs (leaveDays…): the rep reads the labels of the fields they typed in.
  const labels: Readonly<Record<string, string>> = {
    leaveDays: t("capacity.leave"),
    rttDays: t("capacity.rtt"),
    nonFieldDays: t("capacity.nonField"),
    prospectingShare: t("capacity.prospecting"),
    remoteShare: t("capacity.remoteDays"),
    remotePerDay: t("capacity.remotePerDay"),
    contactsPerDay: t("capacity.visitsPerDay"),
    period: t("capacity.year"),
  };
  const fieldName = (field: string): string | undefined => labels[field.split(/[.[]/)[0] ?? ""];
  const outcome = derived.capacity;
  const weight = (id: string): number => channels.find((c) => c.id === id)?.weight ?? 0;
  /** Contacts of a channel the remote pool would hold if it all went to that channel. */
  const remoteContacts = (ve: number, id: string): number =>
    weight(id) > 0 ? Math.floor(ve / weight(id) + 1e-9) : 0;
  const remoteDemand = weighted(
    Object.fromEntries(
      Object.entries(derived.demand).filter(([id]) => id !== "visit" && channels.some((c) => c.id === id)),
    ),
    channels,
  );
  // The core's plan says how many remote days unfunded norms would need.
  const unfunded = derived.unfunded;
  const unit = (line: ExplanationLine): string => t(`capacity.unit.${line.unit}`);
  const formatLine = (line: ExplanationLine): string =>
    line.unit === "share" ? percent(line.value) : `${number(line.value, 2)} ${unit(line)}`;

  return (
    <div className={styles.step}>
      <div className={styles.row}>
        <NumberField
          label={t("capacity.year")}
          onValidity={valid("year")}
          value={cap.year}
          min={2000}
          max={2100}
          integer
          onChange={(year) => {
            set({ year });
          }}
        />
        <Field label={t("capacity.country")}>
          <Input
            className={styles.narrowInput}
            value={cap.country}
            onChange={(_, data) => {
              set({ country: data.value.toUpperCase() });
            }}
          />
        </Field>
        <Field label={t("capacity.region")} hint={t("capacity.regionHint")}>
          <Input
            className={styles.narrowInput}
            value={cap.region}
            onChange={(_, data) => {
              set({ region: data.value });
            }}
          />
        </Field>
      </div>
      <div className={styles.row}>
        <NumberField
          label={t("capacity.leave")}
          onValidity={valid("leave")}
          value={cap.leaveDays}
          min={0}
          onChange={(leaveDays) => {
            set({ leaveDays });
          }}
        />
        <NumberField
          label={t("capacity.rtt")}
          onValidity={valid("rtt")}
          value={cap.rttDays}
          min={0}
          onChange={(rttDays) => {
            set({ rttDays });
          }}
        />
        <NumberField
          label={t("capacity.nonField")}
          onValidity={valid("nonField")}
          value={cap.nonFieldDays}
          min={0}
          onChange={(nonFieldDays) => {
            set({ nonFieldDays });
          }}
        />
        <NumberField
          label={t("capacity.prospecting")}
          onValidity={valid("prospecting")}
          value={Math.round(cap.prospectingShare * 100)}
          min={0}
          max={100}
          onChange={(pct) => {
            set({ prospectingShare: pct / 100 });
          }}
        />
      </div>
      <div className={styles.row}>
        <DatedPeriodsField
          label={t("capacity.leavePeriods")}
          hint={t("capacity.periodsHint")}
          value={cap.leavePeriods}
          onChange={(leavePeriods) => {
            set({ leavePeriods });
          }}
        />
        <DatedPeriodsField
          label={t("capacity.rttPeriods")}
          value={cap.rttPeriods}
          onChange={(rttPeriods) => {
            set({ rttPeriods });
          }}
        />
      </div>
      {outcome.ok && outcome.result.suggestedNonFieldDays !== cap.nonFieldDays && (
        <Text size={200}>
          {t("capacity.nonFieldHint", { days: number(outcome.result.suggestedNonFieldDays) })}{" "}
          <Button
            size="small"
            appearance="transparent"
            onClick={() => {
              set({ nonFieldDays: outcome.result.suggestedNonFieldDays });
            }}
          >
            {t("capacity.useSuggestion", { days: number(outcome.result.suggestedNonFieldDays) })}
          </Button>
        </Text>
      )}
      <div className={styles.row}>
        <NumberField
          label={t("capacity.visitsPerDay")}
          onValidity={valid("visitsPerDay")}
          value={cap.contactsPerDay.visit ?? 0}
          min={0}
          onChange={(n) => {
            set({ contactsPerDay: { ...cap.contactsPerDay, visit: n } });
          }}
        />
        <NumberField
          label={t("capacity.remoteDays")}
          onValidity={valid("remoteDays")}
          value={Math.round(cap.remoteShare * 5 * 10) / 10}
          min={0}
          max={5}
          onChange={(days) => {
            set({ remoteShare: days / 5 });
          }}
        />
        <NumberField
          label={t("capacity.remotePerDay")}
          onValidity={valid("remotePerDay")}
          value={cap.remotePerDay}
          min={0}
          onChange={(remotePerDay) => {
            set({ remotePerDay });
          }}
        />
      </div>
      {!outcome.ok && outcome.error === null && <Spinner size="tiny" label={t("capacity.loading")} />}
      {!outcome.ok && outcome.error !== null && (
        <MessageBar intent="error">
          <MessageBarBody>
            {errorText(outcome.error, language, t("common.unexpected"), fieldName)}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome.ok && !hasCapacity(outcome.result) && (
        <MessageBar intent="error">
          <MessageBarBody>{t("capacity.none")}</MessageBarBody>
        </MessageBar>
      )}
      {outcome.ok && (
        <>
          <Text className={styles.headline} role="status">
            {t("capacity.headline", {
              demand: number(derived.demand.visit ?? 0),
              capacity: number(outcome.result.perChannel.visit ?? 0),
            })}
          </Text>
          <ol className={styles.explanation} aria-label={t("capacity.explanation")}>
            {outcome.result.lines.map((line) => (
              <li key={line.key}>
                {OP_SIGN[line.op]}
                {t("common.labelValue", {
                  label: language === "fr" ? line.labelFr : line.labelEn,
                  value: formatLine(line),
                })}
              </li>
            ))}
          </ol>
          <ul aria-label={t("capacity.pools")}>
            <li>
              {t("capacity.pool.field", {
                days: number(outcome.result.fieldDays),
                visits: number(outcome.result.perChannel.visit ?? 0),
              })}
            </li>
            <li>
              {t("capacity.pool.remote", {
                days: number(outcome.result.remote.days),
                ve: number(outcome.result.remote.visitEquivalents, 1),
                calls: number(remoteContacts(outcome.result.remote.visitEquivalents, "call")),
                videos: number(remoteContacts(outcome.result.remote.visitEquivalents, "video")),
              })}
            </li>
            <li>
              {unfunded !== null
                ? t("capacity.pool.unfunded", {
                    ve: number(unfunded.visitEquivalents, 1),
                    days: number(unfunded.days),
                  })
                : t("capacity.pool.remoteDemand", { ve: number(remoteDemand, 1) })}
            </li>
          </ul>
          <Table size="extra-small" aria-label={t("capacity.versus")}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("capacity.channel")}</TableHeaderCell>
                <TableHeaderCell>{t("capacity.demand")}</TableHeaderCell>
                <TableHeaderCell>{t("capacity.capacity")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {channels.map((ch) => (
                <TableRow key={ch.id}>
                  <TableCell>{channelLabel(ch.id, language, channels)}</TableCell>
                  <TableCell className={styles.numberCell}>{number(derived.demand[ch.id] ?? 0)}</TableCell>
                  <TableCell className={styles.numberCell}>
                    {ch.id === "visit"
                      ? number(outcome.result.perChannel.visit ?? 0)
                      : `≤ ${number(remoteContacts(outcome.result.remote.visitEquivalents, ch.id))}`}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </div>
  );
}
