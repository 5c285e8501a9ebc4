import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
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
import type { ActionRow } from "../../excel/gateway.types";
import { useI18n } from "../i18n/useI18n";
import { errorText } from "../shell/errorText";
import { todayIso } from "../shell/today";
import { ActionForm } from "./ActionForm";
import type { ActionsViewProps } from "./ActionsView.types";
import { clientLabel, emptyDraft, isOverdue } from "./actionsLogic";
import { useActions } from "./useActions";
import { useActionsViewStyles } from "./useActionsViewStyles.styles";

type Editing = { mode: "new" } | { mode: "edit"; row: ActionRow } | null;

export function ActionsView({ gateway }: ActionsViewProps): ReactNode {
  const { t, language, date } = useI18n();
  const styles = useActionsViewStyles();
  const actions = useActions(gateway);
  const [editing, setEditing] = useState<Editing>(null);
  const today = todayIso();

  const save = async (row: ActionRow): Promise<void> => {
    if (await actions.save(row)) setEditing(null);
  };

  return (
    <section className={styles.root} aria-label={t("tab.actions")}>
      <div className={styles.toolbar}>
        <Button
          appearance="primary"
          onClick={() => {
            setEditing({ mode: "new" });
          }}
        >
          {t("actions.new")}
        </Button>
        <Button onClick={() => void actions.reload()}>{t("common.reload")}</Button>
      </div>
      {actions.error !== null && (
        <MessageBar intent="error">
          <MessageBarBody>{errorText(actions.error, language, t("actions.error"))}</MessageBarBody>
        </MessageBar>
      )}
      {editing !== null && (
        <ActionForm
          key={editing.mode === "edit" ? `${editing.row.clientId}/${editing.row.action}` : "new"}
          initial={editing.mode === "edit" ? editing.row : emptyDraft()}
          editing={editing.mode === "edit"}
          onSave={(draft) => void save(draft)}
          clients={actions.clients}
          onCancel={() => {
            setEditing(null);
          }}
        />
      )}
      {actions.loading && <Spinner size="tiny" label={t("common.loading")} />}
      {!actions.loading && actions.rows.length === 0 && <Text>{t("actions.empty")}</Text>}
      {actions.rows.length > 0 && (
        <Table size="small" aria-label={t("actions.listLabel")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("actions.client")}</TableHeaderCell>
              <TableHeaderCell>{t("actions.action")}</TableHeaderCell>
              <TableHeaderCell>{t("actions.owner")}</TableHeaderCell>
              <TableHeaderCell>{t("actions.due")}</TableHeaderCell>
              <TableHeaderCell>{t("actions.status")}</TableHeaderCell>
              <TableHeaderCell>{t("common.commands")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {actions.rows.map((row) => (
              <TableRow key={`${row.clientId}/${row.action}`}>
                <TableCell>{clientLabel(row.clientId, actions.clients)}</TableCell>
                <TableCell>{row.action}</TableCell>
                <TableCell>{row.owner}</TableCell>
                <TableCell className={isOverdue(row, today) ? styles.overdue : undefined}>
                  {row.due === "" ? "—" : date(row.due)}
                  {isOverdue(row, today) ? ` (${t("actions.overdue")})` : ""}
                </TableCell>
                <TableCell>
                  <Badge appearance="tint" color={row.status === "open" ? "brand" : "subtle"}>
                    {t(`actions.status.${row.status}`)}
                  </Badge>
                </TableCell>
                <TableCell>
                  <div className={styles.rowActions}>
                    <Button
                      size="small"
                      aria-label={t("actions.editOne", { action: row.action, client: row.clientId })}
                      onClick={() => {
                        setEditing({ mode: "edit", row });
                      }}
                    >
                      {t("common.edit")}
                    </Button>
                    {row.status === "open" && (
                      <Button
                        size="small"
                        aria-label={t("actions.closeOne", { action: row.action, client: row.clientId })}
                        onClick={() => void save({ ...row, status: "done" })}
                      >
                        {t("actions.close")}
                      </Button>
                    )}
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
