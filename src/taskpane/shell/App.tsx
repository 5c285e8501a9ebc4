import { FluentProvider, Tab, TabList, webLightTheme } from "@fluentui/react-components";
import { useMemo, useState } from "react";
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
import { SessionContext } from "./session";
import { createSyncTrigger, withSyncAfterWrites } from "../sync/autoSync";
import { SyncPanel } from "../sync/SyncPanel";
import { ManagerTeam } from "../team/ManagerTeam";
import type { Session } from "../sync/syncService";
import { useAppStyles } from "./useAppStyles.styles";

export function App(props: AppProps): ReactNode {
  return (
    <FluentProvider theme={webLightTheme}>
      <I18nProvider
        initialLanguage={props.initialLanguage}
        hostTag={props.hostTag}
        onLanguageChange={props.onLanguageChange}
      >
        <Shell {...props} />
      </I18nProvider>
    </FluentProvider>
  );
}

function Shell({ gateway: plainGateway, initialTab = "plan", sync }: AppProps): ReactNode {
  const { t } = useI18n();
  const styles = useAppStyles();
  const [tab, setTab] = useState<TabId>(initialTab);
  const [visited, setVisited] = useState<ReadonlySet<TabId>>(() => new Set([initialTab]));
  const [session, setSession] = useState<Session | null>(null);
  const trigger = useMemo(() => createSyncTrigger(), []);
  // Write plan, an import and a new action are followed by a sync when the rep is signed in.
  const gateway = useMemo(
    () => (sync === undefined ? plainGateway : withSyncAfterWrites(plainGateway, trigger)),
    [plainGateway, sync, trigger],
  );
  return (
    <SessionContext.Provider value={session}>
      <div className={styles.root}>
        <header className={styles.header}>
          <TabList
            selectedValue={tab}
            onTabSelect={(_, data) => {
              const next = data.value as TabId;
              setTab(next);
              setVisited((seen) => (seen.has(next) ? seen : new Set([...seen, next])));
            }}
            aria-label={t("app.sections")}
          >
            <Tab value="plan">{t("tab.plan")}</Tab>
            <Tab value="track">{t("tab.track")}</Tab>
            <Tab value="actions">{t("tab.actions")}</Tab>
            <Tab value="tours">{t("tab.tours")}</Tab>
            <Tab value="team">{sync === undefined ? t("tab.team") : t("tab.sync")}</Tab>
          </TabList>
          <LanguageSwitch />
        </header>
        <main className={styles.body}>
          {/* The wizard stays mounted (hidden) so a rep who glances at another tab keeps their choices. */}
          <div hidden={tab !== "plan"}>
            <PlanWizard gateway={gateway} />
          </div>
          {/* Mounted from its first visit on, then hidden: the import form and its last message stay. */}
          {visited.has("track") && (
            <div hidden={tab !== "track"}>
              <TrackView gateway={gateway} visible={tab === "track"} />
            </div>
          )}
          {tab === "actions" && <ActionsView gateway={gateway} />}
          {tab === "tours" && <ToursView gateway={gateway} />}
          {sync === undefined ? (
            tab === "team" && <TeamPlaceholder />
          ) : (
            // Mounted while hidden: it syncs when the workbook opens and after writes, whatever the tab.
            <div hidden={tab !== "team"}>
              <SyncPanel service={sync} onSession={setSession} trigger={trigger} />
              <ManagerTeam gateway={gateway} request={sync.request} />
            </div>
          )}
        </main>
      </div>
    </SessionContext.Provider>
  );
}
