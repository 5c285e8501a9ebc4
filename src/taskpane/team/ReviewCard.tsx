/** One rep's steering review: the frozen KPIs, the history, decisions and new actions, Record. */
import {
  Button,
  Card,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
} from "@fluentui/react-components";
import { useState } from "react";
import type { ReactNode } from "react";
import { useI18n } from "../i18n/useI18n";
import { teamErrorText } from "./teamText";
import type { CardState, DraftAction } from "./useTeam";

export interface ReviewCardProps {
  state: CardState;
  onDecisions: (text: string) => void;
  onAddAction: (a: DraftAction) => void;
  onRecord: () => void;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function ReviewCard({ state, onDecisions, onAddAction, onRecord }: ReviewCardProps): ReactNode {
  const { t, percent, language } = useI18n();
  const { card } = state;
  const pct = (v: number | null): string => (v === null ? "—" : percent(v));
  const empty: DraftAction = { clientId: "", action: "", owner: card.rep, dueDate: "" };
  const [draft, setDraft] = useState<DraftAction>(empty);
  const [draftError, setDraftError] = useState(false);
  const locked = state.status !== "draft";
  return (
    <Card data-testid={`review-card-${card.rep}`} aria-label={card.rep}>
      <Text weight="semibold">{card.rep}</Text>
      <Text size={200}>
        {t("team.card.kpis", {
          attainment: pct(card.kpis.attainment),
          pace: pct(card.kpis.pace),
          reach: pct(card.kpis.reach),
          coverage: pct(card.kpis.coverage),
          under: card.kpis.under,
          over: card.kpis.over,
        })}
      </Text>
      <Text size={200}>
        {t("team.card.symptoms", { saturated: card.kpis.saturatedTop, neglected: card.kpis.neglectedAtRisk })}
      </Text>
      <Text size={200}>
        {card.previous === null
          ? t("team.card.noPrevious")
          : t("team.card.previous", { date: card.previous.date, decisions: card.previous.decisions })}
      </Text>
      <Text size={200}>
        {t("team.card.actions", { n: card.openActions.length, overdue: card.overdueActions })}
      </Text>
      <ul>
        {card.openActions.map((a, i) => (
          <li key={i}>
            <Text size={200}>
              {[a.action, a.clientId, a.owner, a.dueDate].filter((x) => x !== "").join(" · ")}
            </Text>
          </li>
        ))}
        {state.actions.map((a) => (
          <li key={a.id}>
            <Text size={200} weight="semibold">
              {[a.action, a.clientId, a.owner, a.dueDate].filter((x) => x !== "").join(" · ")}
            </Text>
          </li>
        ))}
      </ul>
      <Field label={t("team.card.decisions")}>
        <Textarea
          value={state.decisions}
          disabled={locked}
          data-testid="review-decisions"
          onChange={(_, d) => {
            onDecisions(d.value);
          }}
        />
      </Field>
      {!locked && (
        <form
          aria-label={t("team.card.newAction")}
          onSubmit={(e) => {
            e.preventDefault();
            if (draft.action.trim() === "" || draft.owner.trim() === "" || !ISO.test(draft.dueDate)) {
              setDraftError(true);
              return;
            }
            setDraftError(false);
            onAddAction({ ...draft, action: draft.action.trim(), owner: draft.owner.trim() });
            setDraft(empty);
          }}
        >
          <Field label={t("team.card.newAction")}>
            <Input
              value={draft.action}
              data-testid="review-action"
              onChange={(_, d) => {
                setDraft({ ...draft, action: d.value });
              }}
            />
          </Field>
          <Field label={t("team.card.client")}>
            <Input
              value={draft.clientId}
              data-testid="review-action-client"
              onChange={(_, d) => {
                setDraft({ ...draft, clientId: d.value });
              }}
            />
          </Field>
          <Field label={t("team.card.owner")}>
            <Input
              value={draft.owner}
              onChange={(_, d) => {
                setDraft({ ...draft, owner: d.value });
              }}
            />
          </Field>
          <Field label={t("team.card.due")}>
            <Input
              type="date"
              value={draft.dueDate}
              data-testid="review-action-due"
              onChange={(_, d) => {
                setDraft({ ...draft, dueDate: d.value });
              }}
            />
          </Field>
          <Button type="submit">{t("team.card.addAction")}</Button>
          {draftError && (
            <MessageBar intent="warning">
              <MessageBarBody>{t("team.err.actionFields")}</MessageBarBody>
            </MessageBar>
          )}
        </form>
      )}
      {state.status === "recorded" ? (
        <MessageBar intent="success" data-testid="review-recorded">
          <MessageBarBody>{t("team.card.recorded", { n: state.actions.length })}</MessageBarBody>
        </MessageBar>
      ) : (
        <Button appearance="primary" disabled={locked} onClick={onRecord}>
          {state.status === "recording" ? t("team.card.recording") : t("team.card.record")}
        </Button>
      )}
      {state.error !== null && (
        <MessageBar intent="error">
          <MessageBarBody>{teamErrorText(t, language, state.error)}</MessageBarBody>
        </MessageBar>
      )}
    </Card>
  );
}
