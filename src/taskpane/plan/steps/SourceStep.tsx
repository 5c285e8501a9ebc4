import {
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { ReactNode } from "react";
import * as parse from "../../../core/parse";
import type { ColumnMapping } from "../../../core/parse";
import type { Progress } from "../../../excel/gateway.types";
import { useI18n } from "../../i18n/useI18n";
import { cellAddress } from "../../shell/a1";
import { errorText } from "../../shell/errorText";
import type { StepProps } from "../PlanWizard.types";
import { usePlanWizardStyles } from "../usePlanWizardStyles.styles";
import { issueCell, useSourceStep } from "./useSourceStep";

const SHOWN_ISSUES = 50;

export function SourceStep({ wizard, gateway }: StepProps): ReactNode {
  const { t, language, number } = useI18n();
  const styles = usePlanWizardStyles();
  const source = useSourceStep(wizard, gateway, language);
  const [tableName, setTableName] = useState("");
  // The Cancel button goes away with the build: keyboard focus comes back to the create button.
  const createButton = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (source.busy || !refocus.current) return;
    refocus.current = false;
    createButton.current?.focus();
  }, [source.busy]);
  const { choices, derived } = wizard;
  const parsed = derived.parsed;
  const detected = new Map(parsed?.columns.map((c) => [c.field, c.index]) ?? []);
  const headers = choices.source?.headers ?? [];

  const setMapping = (field: parse.BaseField, value: string): void => {
    const mapping: ColumnMapping = { ...choices.mapping, [field]: value === "" ? null : Number(value) };
    wizard.update((c) => ({ ...c, mapping }));
  };

  return (
    <div className={styles.step}>
      <div className={styles.row}>
        <Button appearance="primary" disabled={source.busy} onClick={() => void source.read("selection")}>
          {t("source.readSelection")}
        </Button>
        <Button disabled={source.busy} onClick={() => void source.read("clients")}>
          {t("source.readClients")}
        </Button>
        <Button ref={createButton} disabled={source.busy} onClick={() => void source.createWorkbook()}>
          {t(source.copies ? "source.createFromPortfolio" : "source.create")}
        </Button>
        {source.creating && (
          <Button
            onClick={() => {
              refocus.current = true;
              source.cancel();
            }}
          >
            {t("common.cancel")}
          </Button>
        )}
      </div>
      <Text size={200}>{t(source.copies ? "source.createHintCopy" : "source.createHint")}</Text>
      <div className={styles.row}>
        <Field label={t("source.tableName")}>
          <Input
            value={tableName}
            onChange={(_, data) => {
              setTableName(data.value);
            }}
          />
        </Field>
        <Button
          disabled={source.busy || tableName.trim() === ""}
          onClick={() => void source.read({ table: tableName.trim() })}
        >
          {t("source.readTable")}
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {source.creating && <CreateProgress progress={source.progress} />}
        {source.cancelled !== null && (
          <MessageBar intent="warning">
            <MessageBarBody>{errorText(source.cancelled, language, t("common.unexpected"))}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {source.busy && !source.creating && <Spinner size="tiny" label={t("common.loading")} />}
      {source.error !== null && (
        <MessageBar intent="error">
          <MessageBarBody>{errorText(source.error, language, t("common.unexpected"))}</MessageBarBody>
        </MessageBar>
      )}
      {choices.source !== null && parsed !== null && (
        <>
          <Text>
            {t("source.read", {
              where: `${choices.source.location.sheet}!${choices.source.location.address}`,
              clients: number(parsed.clients.length),
            })}
          </Text>
          {parsed.clients.length === 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>{t("source.noClients")}</MessageBarBody>
            </MessageBar>
          )}
          <Table size="extra-small" aria-label={t("source.mapping")}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("source.field")}</TableHeaderCell>
                <TableHeaderCell>{t("source.column")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {parse.BASE_FIELDS.map((field) => {
                const chosen = Object.hasOwn(choices.mapping, field)
                  ? choices.mapping[field]
                  : detected.get(field);
                return (
                  <TableRow key={field}>
                    <TableCell>{t(`field.${field}`)}</TableCell>
                    <TableCell>
                      <Select
                        size="small"
                        aria-label={t("source.columnFor", { field: t(`field.${field}`) })}
                        value={chosen === undefined || chosen === null ? "" : String(chosen)}
                        onChange={(_, data) => {
                          setMapping(field, data.value);
                        }}
                      >
                        <option value="">{t("source.notUsed")}</option>
                        {headers.map((header, index) => (
                          <option key={`${index}-${header}`} value={String(index)}>
                            {header === "" ? parse.columnLetter(index) : header}
                          </option>
                        ))}
                      </Select>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          <IssueList {...{ wizard, gateway }} />
        </>
      )}
    </div>
  );
}

/** The plan workbook's build: checking the workbook, then its round trips to Excel. */
function CreateProgress({ progress }: { progress: Progress | null }): ReactNode {
  const { t, number } = useI18n();
  const building = progress !== null && progress.phase === "write" && progress.total > 0;
  return (
    <Field
      label={t("source.creating")}
      validationState="none"
      validationMessage={
        building
          ? t("source.creatingStep", { done: number(progress.done), total: number(progress.total) })
          : t("source.creatingCheck")
      }
    >
      <ProgressBar value={building ? progress.done / progress.total : undefined} />
    </Field>
  );
}

function IssueList({ wizard, gateway }: StepProps): ReactNode {
  const { t, language, number } = useI18n();
  const source = wizard.choices.source;
  const issues = wizard.derived.parsed?.issues ?? [];
  if (source === null) return null;
  if (issues.length === 0) return <Text>{t("source.noIssues")}</Text>;
  return (
    <section aria-label={t("source.issues")}>
      <Text weight="semibold">{t("source.issuesCount", { n: number(issues.length) })}</Text>
      <ul>
        {issues.slice(0, SHOWN_ISSUES).map((issue, i) => {
          const cell = issueCell(source, issue.row, issue.column);
          const address = cell === null ? null : cellAddress(cell.row, cell.column);
          return (
            <li key={`${issue.row}-${issue.column}-${i}`}>
              {parse.formatIssue(issue, language)}{" "}
              {address !== null && cell !== null && (
                <Link
                  as="button"
                  onClick={() => void gateway.selectCell(source.location.sheet, address)}
                  aria-label={t("source.goToCell", { cell: address })}
                >
                  {address}
                </Link>
              )}
            </li>
          );
        })}
      </ul>
      {issues.length > SHOWN_ISSUES && (
        <Text>{t("source.moreIssues", { n: number(issues.length - SHOWN_ISSUES) })}</Text>
      )}
    </section>
  );
}
