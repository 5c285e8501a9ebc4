import { MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { ContactsImportResult } from "../../excel/gateway.types";
import { useI18n } from "../i18n/useI18n";
import { useTrackStyles } from "./useTrackStyles.styles";

const SHOWN_ISSUES = 20;

/** What the import did: rows added, duplicates skipped, unmatched rows and where to fix them. */
export function ImportSummary({ result }: { result: ContactsImportResult }): ReactNode {
  const { t, number } = useI18n();
  const styles = useTrackStyles();
  const needsFixing = result.unmatched > 0 || result.issues.length > 0;
  // An export imported again (or a second click): say plainly that nothing was added, and why.
  const nothingNew = result.appended === 0 && result.duplicates > 0;
  return (
    <section aria-label={t("track.importResult")}>
      <MessageBar intent={needsFixing ? "warning" : nothingNew ? "info" : "success"}>
        <MessageBarBody>
          {nothingNew
            ? t("track.nothingNew", { n: number(result.duplicates) })
            : t("track.imported", {
                appended: number(result.appended),
                duplicates: number(result.duplicates),
              })}
          {result.unmatched > 0 &&
            ` ${t("track.unmatched", { n: number(result.unmatched), sheet: result.unmatchedSheet ?? "" })}`}
        </MessageBarBody>
      </MessageBar>
      {result.excluded.length > 0 && (
        <Text block size={200}>
          {t("track.excluded", {
            n: number(result.excluded.reduce((s, e) => s + e.rows, 0)),
            values: result.excluded.map((e) => `${e.value} (${number(e.rows)})`).join(", "),
          })}
        </Text>
      )}
      {result.newNames.length > 0 && (
        <Text block size={200}>
          {t("track.newNames", { n: number(result.newNames.length), names: result.newNames.join(", ") })}
        </Text>
      )}
      {result.issues.length > 0 && (
        <ul className={styles.list} aria-label={t("track.importIssues")}>
          {result.issues.slice(0, SHOWN_ISSUES).map((issue, i) => (
            <li key={`${issue.row}-${issue.column}-${i}`}>
              <Text size={200}>
                {t("track.issueLine", { row: issue.row, column: issue.column, message: issue.message })}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
