import { FluentProvider, Tab, TabList, webLightTheme } from "@fluentui/react-components";
import { useState } from "react";
import type { ReactNode } from "react";
import { ActionsView } from "../actions/ActionsView";
import { I18nProvider } from "../i18n/I18nProvider";
import { useI18n } from "../i18n/useI18n";
import { PlanWizard } from "../plan/PlanWizard";
import { ToursView } from "../tours/ToursView";
import { TrackView } from "../track/TrackView";
import type { AppProps, TabId } from "./App.types";
import { LanguageSwitch } from "./LanguageSwitch";
import { TeamPlaceholder } from "./TeamPlaceholder";
import { useAppStyles } from "./useAppStyles.styles";

export function App(props: AppProps): ReactNode {
  return (
    <FluentProvider theme={webLightTheme}>
      <I18nProvider initialLanguage={props.initialLanguage} hostTag={props.hostTag}>
        <Shell {...props} />
      </I18nProvider>
    </FluentProvider>
  );
}

function Shell({ gateway, initialTab = "plan" }: AppProps): ReactNode {
  const { t } = useI18n();
  const styles = useAppStyles();
  const [tab, setTab] = useState<TabId>(initialTab);
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <TabList
          selectedValue={tab}
          onTabSelect={(_, data) => {
            setTab(data.value as TabId);
          }}
          aria-label={t("app.sections")}
        >
          <Tab value="plan">{t("tab.plan")}</Tab>
          <Tab value="track">{t("tab.track")}</Tab>
          <Tab value="actions">{t("tab.actions")}</Tab>
          <Tab value="tours">{t("tab.tours")}</Tab>
          <Tab value="team">{t("tab.team")}</Tab>
        </TabList>
        <LanguageSwitch />
      </header>
      <main className={styles.body}>
        {/* The wizard stays mounted (hidden) so a rep who glances at another tab keeps their choices. */}
        <div hidden={tab !== "plan"}>
          <PlanWizard gateway={gateway} />
        </div>
        {tab === "track" && <TrackView gateway={gateway} />}
        {tab === "actions" && <ActionsView gateway={gateway} />}
        {tab === "tours" && <ToursView gateway={gateway} />}
        {tab === "team" && <TeamPlaceholder />}
      </main>
    </div>
  );
}
