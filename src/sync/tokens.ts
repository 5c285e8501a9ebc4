/** Where the sync client gets its bearer token: a personal access token or Office single sign-on. */
export interface TokenProvider {
  getToken(): Promise<string>;
  /** Called after a 401, so the next getToken fetches a fresh token. */
  invalidate(): void;
}

export function patTokenProvider(token: string): TokenProvider {
  return { getToken: () => Promise.resolve(token), invalidate: () => undefined };
}

/**
 * Office SSO: pass `() => OfficeRuntime.auth.getAccessToken({ allowSignInPrompt: true })` (the task
 * pane owns the Office API; this layer only caches the token until the server refuses it).
 */
export function ssoTokenProvider(getAccessToken: () => Promise<string>): TokenProvider {
  let cached: Promise<string> | null = null;
  return {
    getToken: () =>
      (cached ??= getAccessToken().catch((error: unknown) => {
        cached = null;
        throw error;
      })),
    invalidate: () => {
      cached = null;
    },
  };
}
