import {
  Button,
  Checkbox,
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
import type { ReactNode } from "react";
import * as parse from "../../../core/parse";
import type { ColumnMapping } from "../../../core/parse";
import type { Progress, SourceRead, WorkbookGateway } from "../../../excel/gateway.types";
import { useI18n } from "../../i18n/useI18n";
import { cellAddress } from "../../shell/a1";
import { errorText } from "../../shell/errorText";
import { missingColumns } from "../planModel";
import type { SourceStepProps } from "../PlanWizard.types";
import { usePlanWizardStyles } from "../usePlanWizardStyles.styles";
import { issueCell, useSourceStep } from "./useSourceStep";
import { singleClick } from "../../shared/singleClick";

const SHOWN_ISSUES = 50;

export function SourceStep(props: SourceStepProps): ReactNode {
  const { value, onChange, outcome: parsed, gateway } = props;
  const { t, language, number } = useI18n();
  const styles = usePlanWizardStyles();
  const source = useSourceStep(props, language);
  const detected = new Map(parsed?.columns.map((c) => [c.field, c.index]) ?? []);
  const headers = value.source?.headers ?? [];
  const missing = parsed === null ? [] : missingColumns(parsed);
  // A rep's own list read well: the plan workbook is the next step (the one tracking needs).
  const workbookNext = source.copies && parsed !== null && parsed.clients.length > 0 && missing.length === 0;

  const setMapping = (field: parse.BaseField, column: string): void => {
    onChange((v) => {
      const mapping: ColumnMapping = { ...v.mapping, [field]: column === "" ? null : Number(column) };
      return { ...v, mapping };
    });
  };

  return (
    <div className={styles.step}>
      <div className={styles.row}>
        <Button
          appearance={workbookNext ? "secondary" : "primary"}
          disabled={source.busy}
          onClick={singleClick(() => void source.read("selection"))}
        >
          {t("source.readSelection")}
        </Button>
        <Button disabled={source.busy} onClick={singleClick(() => void source.read("clients"))}>
          {t("source.readClients")}
        </Button>
        <Button
          ref={source.createButton}
          appearance={workbookNext ? "primary" : "secondary"}
          disabled={source.busy}
          onClick={singleClick(() => void source.createWorkbook())}
        >
          {t(source.copies ? "source.createFromPortfolio" : "source.create")}
        </Button>
        {source.creating && <Button onClick={source.cancel}>{t("common.cancel")}</Button>}
      </div>
      <Text size={200}>{t(source.copies ? "source.createHintCopy" : "source.createHint")}</Text>
      <div className={styles.row}>
        <Field label={t("source.tableName")}>
          <Input
            value={source.tableName}
            onChange={(_, data) => {
              source.setTableName(data.value);
            }}
          />
        </Field>
        <Button
          disabled={source.busy || source.tableName.trim() === ""}
          onClick={singleClick(() => void source.read({ table: source.tableName.trim() }))}
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
      {value.source !== null && parsed !== null && (
        <>
          <Text>
            {t("source.read", {
              where: `${value.source.location.sheet}!${value.source.location.address}`,
              clients: number(parsed.clients.length),
            })}
          </Text>
          {missing.length > 0 ? (
            <MessageBar intent="error">
              <MessageBarBody>
                {t("source.missingColumns", {
                  fields: missing
                    .map((m) =>
                      m === "idOrName"
                        ? t("source.idOrName", { id: t("field.id"), name: t("field.name") })
                        : t("common.quoted", { text: t(`field.${m}`) }),
                    )
                    .join(t("source.and")),
                  columns: headers
                    .map((h, i) => t("common.quoted", { text: h === "" ? parse.columnLetter(i) : h }))
                    .join(", "),
                })}
              </MessageBarBody>
            </MessageBar>
          ) : (
            parsed.clients.length === 0 && (
              <MessageBar intent="warning">
                <MessageBarBody>{t("source.noClients")}</MessageBarBody>
              </MessageBar>
            )
          )}
          {workbookNext && (
            <Checkbox
              checked={value.ownSheet}
              label={t("source.ownSheet")}
              onChange={(_, data) => {
                onChange((v) => ({ ...v, ownSheet: data.checked === true }));
              }}
            />
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
                const chosen = Object.hasOwn(value.mapping, field)
                  ? value.mapping[field]
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
          {/* Without the required columns every row's issue is the same one: the message above says it. */}
          {missing.length === 0 && (
            <IssueList source={value.source} issues={parsed.issues} gateway={gateway} />
          )}
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

interface IssueListProps {
  source: SourceRead;
  issues: readonly parse.ParseIssue[];
  gateway: WorkbookGateway;
}

function IssueList({ source, issues, gateway }: IssueListProps): ReactNode {
  const { t, language, number } = useI18n();
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
