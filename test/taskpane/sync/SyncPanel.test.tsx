/** @jest-environment jsdom */
/**
 * The Sync panel with a scripted service: sign-in with a token (then a sync), who and which role, the
 * status line "Synchronisé il y a 2 min · 12 modifications en attente · hors ligne", conflicts with
 * keep mine / take the store's sending the choice, errors in the rep's language, and a write elsewhere
 * in the pane (Write plan) triggering a sync.
 */
import "@testing-library/jest-dom";
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { I18nProvider } from "../../../src/taskpane/i18n/I18nProvider";
import { SyncHttpError, SyncUnavailableError, type SyncSummary } from "../../../src/sync";
import { createSyncTrigger } from "../../../src/taskpane/sync/autoSync";
import { SyncPanel } from "../../../src/taskpane/sync/SyncPanel";
import type { Choice, Session, SyncService, SyncStatus } from "../../../src/taskpane/sync/syncService";
import "../support/render";

const NOW = new Date("2026-12-07T10:00:00Z");
const summary = (over: Partial<SyncSummary> = {}): SyncSummary => ({
  pushed: 3,
  applied: 3,
  merged: 0,
  conflicts: [],
  pulled: { notes: 1 },
  pending: 0,
  offline: false,
  requests: 2,
  ...over,
});

function scripted(status: SyncStatus, saved: string | null = null) {
  const calls: { sync: (readonly Choice[])[]; signIn: string[] } = { sync: [], signIn: [] };
  const session: Session = { person: { id: "p1", name: "Paul Durand", role: "rep" }, via: "token" };
  let next: () => Promise<SyncSummary> = () => Promise.resolve(summary());
  const service: SyncService = {
    storeUrl: "http://localhost:4000",
    resume: () => Promise.resolve(saved === null ? null : session),
    signInWithToken: (token) => {
      calls.signIn.push(token);
      return token === "good"
        ? Promise.resolve(session)
        : Promise.reject(new SyncHttpError(401, "UNAUTHENTICATED", null, "no"));
    },
    signOut: () => Promise.resolve(),
    status: () => Promise.resolve(status),
    sync: (choices = []) => {
      calls.sync.push(choices);
      return next();
    },
    request: () => Promise.reject(new Error("the Sync panel makes no other call")),
  };
  return { service, calls, setNext: (f: () => Promise<SyncSummary>) => (next = f) };
}

const renderPanel = (service: SyncService, lang: "fr" | "en" = "en", trigger = createSyncTrigger()) =>
  render(
    <I18nProvider initialLanguage={lang}>
      <SyncPanel service={service} now={() => NOW} trigger={trigger} />
    </I18nProvider>,
  );

describe("Sync panel", () => {
  it("signs in with a token, shows who and the role, syncs; a refused token is said so", async () => {
    const user = userEvent.setup();
    const { service, calls } = scripted({ lastSync: null, pending: 0, held: [] });
    renderPanel(service);
    expect(await screen.findByText("Never synced")).toBeInTheDocument();
    await user.type(screen.getByLabelText(/Personal access token/), "bad");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByTestId("sync-error")).toHaveTextContent("Your token was refused");
    await user.clear(screen.getByLabelText(/Personal access token/));
    await user.type(screen.getByLabelText(/Personal access token/), "good");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByTestId("sync-who")).toHaveTextContent("Signed in as Paul Durand (rep)");
    await waitFor(() => {
      expect(calls.sync).toHaveLength(1);
    });
    expect(await screen.findByTestId("sync-result")).toHaveTextContent("Sent 3 changes, received 1 rows.");
  });

  it("says when it last synced, what waits and that the store is offline, in French", async () => {
    const { service, setNext } = scripted(
      { lastSync: "2026-12-07T09:58:00Z", pending: 12, held: [] },
      "saved",
    );
    setNext(() => Promise.resolve(summary({ offline: true, pending: 12, pushed: 0 })));
    renderPanel(service, "fr");
    await waitFor(() => {
      expect(screen.getByTestId("sync-status")).toHaveTextContent(
        "Synchronisé il y a 2 min · 12 modifications en attente · hors ligne",
      );
    });
  });

  it("lists conflicts; keep mine and take the store's send the choice; unreachable is said", async () => {
    const user = userEvent.setup();
    const held = [
      {
        table: "clients" as const,
        rowId: "r1",
        field: "name",
        base: "A",
        mine: "A (B)",
        theirs: "A (A)",
        reason: null,
        at: "",
      },
    ];
    const { service, calls, setNext } = scripted(
      { lastSync: "2026-12-07T09:00:00Z", pending: 0, held },
      "saved",
    );
    renderPanel(service);
    expect(await screen.findByText("Conflicts to settle (1)")).toBeInTheDocument();
    expect(screen.getByTestId("sync-conflicts")).toHaveTextContent("mine “A (B)”, store “A (A)”");
    await waitFor(() => {
      expect(calls.sync).toHaveLength(1);
    });
    await user.click(screen.getByRole("button", { name: "Take the store's" }));
    await waitFor(() => {
      expect(calls.sync[1]).toEqual([
        { table: "clients", rowId: "r1", field: "name", choice: "theirs", mine: "A (B)" },
      ]);
    });
    setNext(() => Promise.reject(new SyncUnavailableError(3, null)));
    await user.click(screen.getByRole("button", { name: "Keep mine" }));
    expect(await screen.findByTestId("sync-error")).toHaveTextContent("The store cannot be reached");
    expect(calls.sync[2]).toEqual([
      { table: "clients", rowId: "r1", field: "name", choice: "mine", mine: "A (B)" },
    ]);
  });

  it("syncs after a write elsewhere in the pane when signed in", async () => {
    const { service, calls } = scripted({ lastSync: null, pending: 0, held: [] }, "saved");
    const trigger = createSyncTrigger();
    renderPanel(service, "en", trigger);
    await waitFor(() => {
      expect(calls.sync).toHaveLength(1);
    });
    await screen.findByRole("button", { name: "Sync now" });
    await waitFor(() => {
      expect(screen.getByRole("button", { name: "Sync now" })).toBeEnabled();
    });
    act(() => {
      trigger.fire();
    });
    await waitFor(() => {
      expect(calls.sync).toHaveLength(2);
    });
  });
});
