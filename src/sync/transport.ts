/** JSON over fetch with retry and exponential backoff (network errors, 5xx, 408, 429; 401 once). */
import { SyncHttpError, SyncUnavailableError } from "./errors";
import type { TokenProvider } from "./tokens";

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseDelayMs: 250, maxDelayMs: 8000 };

export interface HttpOptions {
  baseUrl: string;
  tokens: TokenProvider;
  fetch?: FetchLike;
  retry?: RetryPolicy;
  clientApp?: string;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const retryable = (status: number): boolean => status >= 500 || status === 408 || status === 429;

export async function requestJson<T>(
  options: HttpOptions,
  method: "GET" | "POST",
  path: string,
  body?: unknown,
): Promise<T> {
  const retry = options.retry ?? DEFAULT_RETRY;
  const doFetch = options.fetch ?? ((url, init) => fetch(url, init));
  const sleep = options.sleep ?? defaultSleep;
  let lastError: unknown = null;
  let reauthenticated = false;
  for (let attempt = 1; attempt <= retry.attempts; attempt++) {
    if (attempt > 1) {
      const delay = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 2));
      await sleep(delay / 2 + Math.random() * (delay / 2));
    }
    let response: Response;
    try {
      const headers: Record<string, string> = {
        authorization: `Bearer ${await options.tokens.getToken()}`,
        "x-cadence-client": options.clientApp ?? "cadence-addin",
      };
      if (body !== undefined) headers["content-type"] = "application/json";
      response = await doFetch(options.baseUrl.replace(/\/$/, "") + path, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (error: unknown) {
      lastError = error;
      continue;
    }
    if (response.ok) return (await response.json()) as T;
    const payload = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string; details?: unknown };
    } | null;
    const code = payload?.error?.code ?? `HTTP_${response.status}`;
    const message = payload?.error?.message ?? `HTTP ${response.status}`;
    if (response.status === 401 && !reauthenticated) {
      reauthenticated = true;
      options.tokens.invalidate();
      attempt -= 1;
      continue;
    }
    if (!retryable(response.status))
      throw new SyncHttpError(response.status, code, payload?.error?.details, message);
    lastError = new SyncHttpError(response.status, code, payload?.error?.details, message);
  }
  throw new SyncUnavailableError(retry.attempts, lastError);
}
