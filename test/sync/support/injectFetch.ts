/** A fetch that goes to a Fastify app in-process (app.inject), with optional network faults. */
import type { FastifyInstance } from "fastify";
import type { FetchLike } from "../../../src/sync";

export interface Faults {
  /** The request reaches the server but the answer is lost (the client sees a network error). */
  loseAnswer?: (url: string) => boolean;
  /** The request never reaches the server. */
  failBefore?: (url: string) => boolean;
}

export function injectFetch(app: FastifyInstance, faults: Faults = {}): FetchLike {
  return async (url, init) => {
    if (faults.failBefore?.(url)) throw new TypeError("fetch failed (simulated: unreachable)");
    const { pathname, search } = new URL(url);
    const res = await app.inject({
      method: init.method as "GET" | "POST",
      url: pathname + search,
      headers: init.headers as Record<string, string>,
      ...(typeof init.body === "string" ? { payload: init.body } : {}),
    });
    if (faults.loseAnswer?.(url)) throw new TypeError("fetch failed (simulated: answer lost)");
    return new Response(res.body, {
      status: res.statusCode,
      headers: { "content-type": "application/json" },
    });
  };
}

export const noSleep = (): Promise<void> => Promise.resolve();
