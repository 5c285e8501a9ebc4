/** JSON over fetch with retry and exponential backoff (network errors, 5xx, 408, 429; 401 once). */
import { SyncHttpError, SyncUnavailableError } from "./errors";
import type { TokenProvider } from "./tokens";

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** The longest Retry-After honoured (default 60 s). */
  maxRetryAfterMs?: number;
}

/** Retry-After in seconds or as an HTTP date → milliseconds to wait (0 when absent), capped. */
export function retryAfterOf(value: string | null, capMs: number, now = Date.now()): number {
  if (value === null || value.trim() === "") return 0;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now;
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, capMs) : 0;
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
  let retryAfterMs = 0;
  for (let attempt = 1; attempt <= retry.attempts; attempt++) {
    if (attempt > 1) {
      const delay = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 2));
      // The store's Retry-After (503 while its database restarts, 429) is a floor on the wait.
      await sleep(Math.max(retryAfterMs, delay / 2 + Math.random() * (delay / 2)));
      retryAfterMs = 0;
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
    retryAfterMs = retryAfterOf(response.headers.get("retry-after"), retry.maxRetryAfterMs ?? 60_000);
    lastError = new SyncHttpError(response.status, code, payload?.error?.details, message);
  }
  throw new SyncUnavailableError(retry.attempts, lastError);
}
