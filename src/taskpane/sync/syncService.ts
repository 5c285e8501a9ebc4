/**
 * What the Sync panel drives: sign-in (Office SSO where the deployment configures it, else a pasted
 * personal access token kept in the add-in's storage), who is signed in (/me), the workbook's sync
 * state (last sync, pending, held fields) and a sync, with the rep's choices on held fields.
 */
import type { SyncGateway } from "../../excel/syncSheets";
import {
  fetchMe,
  parseState,
  patTokenProvider,
  runSync,
  ssoTokenProvider,
  workbookHost,
  type FetchLike,
  type HeldField,
  type Me,
  type SyncSummary,
  type StoreRequest,
  type TokenProvider,
} from "../../sync";
import type { CellValue } from "../../core/types";
import { requestJson } from "../../sync/transport";
import type { TokenStore } from "./tokenStore";

export interface SyncStatus {
  lastSync: string | null;
  pending: number;
  held: HeldField[];
}

export interface Session {
  person: Me;
  /** How the rep signed in. */
  via: "sso" | "token";
}

export interface Choice {
  table: string;
  rowId: string;
  field: string;
  choice: "mine" | "theirs";
  /** The rep's value as the panel showed it beside the button. */
  mine?: unknown;
}

export interface SyncService {
  storeUrl: string;
  /** The session from a saved token or SSO, or null when nobody is signed in. */
  resume(): Promise<Session | null>;
  signInWithToken(token: string): Promise<Session>;
  signOut(): Promise<void>;
  status(): Promise<SyncStatus>;
  sync(choices?: readonly Choice[]): Promise<SyncSummary>;
  /** A call to the store as the signed-in person (the managers' Team views: src/sync/team.ts). */
  request: StoreRequest;
}

export interface SyncServiceOptions {
  storeUrl: string;
  gateway: () => Promise<SyncGateway>;
  tokens: TokenStore;
  /** Office SSO, when the deployment configures it (Office.auth.getAccessToken). */
  sso?: () => Promise<string>;
  fetch?: FetchLike;
  /** Fewer, shorter retries than the default: the rep is waiting. */
  retry?: { attempts: number; baseDelayMs: number; maxDelayMs: number };
}

export function createSyncService(o: SyncServiceOptions): SyncService {
  let provider: TokenProvider | null = null;
  let session: Session | null = null;
  const http = (tokens: TokenProvider) => ({
    baseUrl: o.storeUrl,
    tokens,
    clientApp: "cadence-addin",
    retry: o.retry ?? { attempts: 3, baseDelayMs: 300, maxDelayMs: 2000 },
    ...(o.fetch !== undefined ? { fetch: o.fetch } : {}),
  });
  const open = async (tokens: TokenProvider, via: Session["via"]): Promise<Session> => {
    const person = await fetchMe(http(tokens));
    provider = tokens;
    session = { person, via };
    return session;
  };
  return {
    storeUrl: o.storeUrl,
    async resume() {
      if (o.sso !== undefined) {
        try {
          return await open(ssoTokenProvider(o.sso), "sso");
        } catch {
          // SSO not configured or refused here: the personal access token is the fallback.
        }
      }
      const saved = await o.tokens.load();
      if (saved === null || saved === "") return null;
      return open(patTokenProvider(saved), "token");
    },
    async signInWithToken(token) {
      const s = await open(patTokenProvider(token.trim()), "token");
      await o.tokens.save(token.trim());
      return s;
    },
    async signOut() {
      provider = null;
      session = null;
      await o.tokens.clear();
    },
    async status() {
      const input = await (await o.gateway()).read();
      const meta = parseState(input.state);
      return { lastSync: meta.lastSync, pending: meta.outbox.length, held: meta.held };
    },
    async request<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
      if (provider === null) throw new Error("Not signed in.");
      return requestJson<T>(http(provider), method, path, body);
    },
    async sync(choices = []) {
      if (provider === null || session === null) throw new Error("Not signed in.");
      const gateway = await o.gateway();
      const io = {
        read: async () => {
          const input = await gateway.read();
          // The panel's buttons speak like the Conflits sheet's Choice column.
          const rows = choices.map((c) => [
            "",
            "",
            "",
            "",
            c.mine as CellValue,
            "",
            "",
            c.choice,
            `${c.table}/${c.rowId}#${c.field}`,
          ]);
          return { ...input, conflictRows: [...input.conflictRows, ...rows] };
        },
        write: (w: Parameters<SyncGateway["write"]>[0]) => gateway.write(w),
      };
      return runSync(workbookHost(io), { ...http(provider), personId: session.person.id });
    },
  };
}
