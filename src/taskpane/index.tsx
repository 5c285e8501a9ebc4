/** The task pane's entry: waits for Office (when present), picks the language, renders the app. */
import { createRoot } from "react-dom/client";
import { resolveExcelRun } from "../excel/host";
import { lazyGateway } from "./engine/lazyGateway";
import { rememberLanguage, startLanguage } from "./i18n/languageChoice";
import { App } from "./shell/App";
import { storeUrlFor } from "./shell/deployment";
import { lazySyncService } from "./sync/lazySyncService";

/** Office.onReady never settles on a plain page without Office: do not wait for it forever. */
const OFFICE_WAIT_MS = 3000;

function officeReady(): Promise<void> {
  if (typeof Office === "undefined") return Promise.resolve();
  return Promise.race([
    Office.onReady().then(() => undefined),
    new Promise<void>((resolve) => setTimeout(resolve, OFFICE_WAIT_MS)),
  ]);
}

function officeLanguage(): string | undefined {
  try {
    return typeof Office === "undefined" ? undefined : Office.context.displayLanguage;
  } catch {
    return undefined;
  }
}

/** The workbench's ?lang= (fr, fr-FR, en…), read from the page that frames the pane; undefined elsewhere. */
function workbenchLanguage(): string | undefined {
  try {
    const search = window.parent === window ? location.search : window.parent.location.search;
    return new URLSearchParams(search).get("lang") ?? undefined;
  } catch {
    return undefined;
  }
}

/** Office single sign-on where the host offers it (the store verifies the Entra token); else null. */
function officeSso(): (() => Promise<string>) | null {
  const auth = (globalThis as { OfficeRuntime?: { auth?: { getAccessToken(o: object): Promise<string> } } })
    .OfficeRuntime?.auth;
  if (auth === undefined) return null;
  return () => auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true });
}

/** The add-in origin's storage; null where the browser refuses it. */
function localStore(): Storage | null {
  try {
    return globalThis.localStorage;
  } catch {
    return null;
  }
}

async function start(): Promise<void> {
  await officeReady();
  // The workbench page (the pane's parent frame) stands in for Office's display language with ?lang=.
  const displayLanguage = officeLanguage() ?? workbenchLanguage();
  const hostTag = displayLanguage ?? navigator.language;
  const storage = localStore();
  const language = startLanguage(storage, displayLanguage, navigator.language);
  const run = resolveExcelRun();
  const gateway = lazyGateway(async () => {
    const { createGateway } = await import("../excel/gateway");
    return createGateway(run, { lang: language });
  });
  // The workbench loads the pane in a same-origin frame: its own ?store= applies to the pane (development).
  const parentSearch = ((): string => {
    try {
      return window.parent === window ? "" : window.parent.location.search;
    } catch {
      return "";
    }
  })();
  const url = storeUrlFor(location.search !== "" ? location.search : parentSearch);
  const sync = lazySyncService(url, async () => {
    const [{ createSyncService }, { createSyncGateway }, { defaultTokenStore }] = await Promise.all([
      import("./sync/syncService"),
      import("../excel/syncSheets"),
      import("./sync/tokenStore"),
    ]);
    const gatewayForSync = createSyncGateway(run);
    return createSyncService({
      storeUrl: url,
      gateway: () => Promise.resolve(gatewayForSync),
      tokens: defaultTokenStore(),
      ...(officeSso() !== null ? { sso: officeSso() as () => Promise<string> } : {}),
    });
  });
  const element = document.getElementById("root");
  if (element === null) throw new Error("taskpane.html has no #root element.");
  createRoot(element).render(
    <App
      gateway={gateway}
      initialLanguage={language}
      hostTag={hostTag}
      sync={sync}
      onLanguageChange={(chosen) => {
        rememberLanguage(storage, chosen);
      }}
    />,
  );
  // Start fetching the gateway right after the first paint, so the first click does not wait for it.
  void gateway.ready();
}

void start();
