import {
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
import { channelLabel } from "../../i18n/labels";
import { useI18n } from "../../i18n/useI18n";
import { NumberField } from "../../shared/NumberField";
import { errorText } from "../../shell/errorText";
import type { CapacityChoices } from "../planModel.types";
import type { StepProps } from "../PlanWizard.types";
import { usePlanWizardStyles } from "../usePlanWizardStyles.styles";

const OP_SIGN: Readonly<Record<ExplanationLine["op"], string>> = {
  start: "",
  minus: "− ",
  times: "× ",
  equals: "= ",
  info: "",
};

export function CapacityStep({ wizard }: StepProps): ReactNode {
  const { t, language, number, percent } = useI18n();
  const styles = usePlanWizardStyles();
  const { choices, derived } = wizard;
  const cap = choices.capacity;
  const set = (change: Partial<CapacityChoices>): void => {
    wizard.update((c) => ({ ...c, capacity: { ...c.capacity, ...change } }));
  };
  const outcome = derived.capacity;
  const unit = (line: ExplanationLine): string => t(`capacity.unit.${line.unit}`);
  const formatLine = (line: ExplanationLine): string =>
    line.unit === "share" ? percent(line.value) : `${number(line.value, 2)} ${unit(line)}`;

  return (
    <div className={styles.step}>
      <div className={styles.row}>
        <NumberField
          label={t("capacity.year")}
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
          value={cap.leaveDays}
          min={0}
          onChange={(leaveDays) => {
            set({ leaveDays });
          }}
        />
        <NumberField
          label={t("capacity.nonField")}
          value={cap.nonFieldDays}
          min={0}
          onChange={(nonFieldDays) => {
            set({ nonFieldDays });
          }}
        />
        <NumberField
          label={t("capacity.prospecting")}
          value={Math.round(cap.prospectingShare * 100)}
          min={0}
          max={100}
          onChange={(pct) => {
            set({ prospectingShare: pct / 100 });
          }}
        />
      </div>
      <div className={styles.row}>
        {choices.channels.map((ch) => (
          <NumberField
            key={ch.id}
            label={t("capacity.perDay", { channel: channelLabel(ch.id, language, choices.channels) })}
            value={cap.contactsPerDay[ch.id] ?? 0}
            min={0}
            onChange={(n) => {
              set({ contactsPerDay: { ...cap.contactsPerDay, [ch.id]: n } });
            }}
          />
        ))}
      </div>
      {!outcome.ok && outcome.error === null && <Spinner size="tiny" label={t("capacity.loading")} />}
      {!outcome.ok && outcome.error !== null && (
        <MessageBar intent="error">
          <MessageBarBody>{errorText(outcome.error, language, t("common.unexpected"))}</MessageBarBody>
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
          <Table size="extra-small" aria-label={t("capacity.versus")}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("capacity.channel")}</TableHeaderCell>
                <TableHeaderCell>{t("capacity.demand")}</TableHeaderCell>
                <TableHeaderCell>{t("capacity.capacity")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {choices.channels.map((ch) => (
                <TableRow key={ch.id}>
                  <TableCell>{channelLabel(ch.id, language, choices.channels)}</TableCell>
                  <TableCell className={styles.numberCell}>{number(derived.demand[ch.id] ?? 0)}</TableCell>
                  <TableCell className={styles.numberCell}>
                    {number(outcome.result.perChannel[ch.id] ?? 0)}
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
