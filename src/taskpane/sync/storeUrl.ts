/**
 * The shared store's URL: a deployment sets its own at build time (see docs/deploy.md when it lands);
 * in development it is http://localhost:4000; `?store=` on the pane's page overrides it (the
 * workbench's end-to-end tests start a store on a free port).
 */
export const DEFAULT_STORE_URL = "http://localhost:4000";

export function storeUrl(search: string): string {
  const param = new URLSearchParams(search).get("store");
  return param !== null && /^https?:\/\/[^\s]+$/i.test(param) ? param : DEFAULT_STORE_URL;
}
