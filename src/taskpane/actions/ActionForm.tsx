import { Button, Field, Input, Option, Dropdown } from "@fluentui/react-components";
import { useState } from "react";
import type { ReactNode } from "react";
import type { ActionStatus } from "../../excel/gateway.types";
import { useI18n } from "../i18n/useI18n";
import type { ActionDraft } from "./ActionsView.types";
import { validateDraft } from "./actionsLogic";
import { useActionsViewStyles } from "./useActionsViewStyles.styles";

export interface ActionFormProps {
  initial: ActionDraft;
  /** When editing, the row's identity (client and action text) is kept. */
  editing: boolean;
  onSave: (draft: ActionDraft) => void;
  onCancel: () => void;
  /** The plan's clients (id → name), to refuse a code that is not one; null when unknown. */
  clients: ReadonlyMap<string, string> | null;
}

const STATUSES: readonly ActionStatus[] = ["open", "done", "cancelled"];

export function ActionForm({ initial, editing, onSave, onCancel, clients }: ActionFormProps): ReactNode {
  const { t } = useI18n();
  const styles = useActionsViewStyles();
  const [draft, setDraft] = useState<ActionDraft>(initial);
  const [submitted, setSubmitted] = useState(false);
  const problems = submitted ? validateDraft(draft, clients) : {};
  const problemText = (field: keyof ActionDraft): string | undefined => {
    const problem = problems[field];
    return problem === undefined
      ? undefined
      : t(`actions.problem.${problem}`, { client: draft.clientId.trim() });
  };
  const set = (field: keyof ActionDraft) => (value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
  };

  return (
    <form
      noValidate
      className={styles.form}
      aria-label={editing ? t("actions.editTitle") : t("actions.newTitle")}
      onSubmit={(event) => {
        event.preventDefault();
        setSubmitted(true);
        if (Object.keys(validateDraft(draft, clients)).length === 0) onSave(draft);
      }}
    >
      <Field label={t("actions.client")} required validationMessage={problemText("clientId")}>
        <Input
          value={draft.clientId}
          disabled={editing}
          onChange={(_, d) => {
            set("clientId")(d.value);
          }}
        />
      </Field>
      <Field label={t("actions.action")} required validationMessage={problemText("action")}>
        <Input
          value={draft.action}
          disabled={editing}
          onChange={(_, d) => {
            set("action")(d.value);
          }}
        />
      </Field>
      <Field label={t("actions.owner")}>
        <Input
          value={draft.owner}
          onChange={(_, d) => {
            set("owner")(d.value);
          }}
        />
      </Field>
      <Field label={t("actions.due")} required validationMessage={problemText("due")}>
        <Input
          type="date"
          value={draft.due}
          onChange={(_, d) => {
            set("due")(d.value);
          }}
        />
      </Field>
      <Field label={t("actions.status")}>
        <Dropdown
          value={t(`actions.status.${draft.status}`)}
          selectedOptions={[draft.status]}
          onOptionSelect={(_, d) => {
            if (d.optionValue !== undefined) set("status")(d.optionValue);
          }}
        >
          {STATUSES.map((status) => (
            <Option key={status} value={status}>
              {t(`actions.status.${status}`)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={styles.toolbar}>
        <Button appearance="primary" type="submit">
          {t("common.save")}
        </Button>
        <Button onClick={onCancel}>{t("common.cancel")}</Button>
      </div>
    </form>
  );
}
