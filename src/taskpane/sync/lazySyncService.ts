/** The sync service loaded on first use (its code — the store client and the workbook mapping — is a separate chunk). */
import type { SyncService } from "./syncService";

export function lazySyncService(storeUrl: string, load: () => Promise<SyncService>): SyncService {
  let loading: Promise<SyncService> | null = null;
  const service = (): Promise<SyncService> => (loading ??= load());
  return {
    storeUrl,
    resume: async () => (await service()).resume(),
    signInWithToken: async (token) => (await service()).signInWithToken(token),
    signOut: async () => (await service()).signOut(),
    status: async () => (await service()).status(),
    sync: async (choices) => (await service()).sync(choices),
    request: async <T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> =>
      (await service()).request<T>(method, path, body),
  };
}
