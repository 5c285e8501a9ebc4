/**
 * Where this build of the add-in talks to: the shared store's address, fixed at build time from
 * CADENCE_STORE_URL (webpack's DefinePlugin, scripts/deployment.js); http://localhost:4000, the store
 * `npm start` runs, in development and in tests. docs/deploy.md says how a company sets it.
 */
declare const __CADENCE_STORE_URL__: string | undefined;

export const DEV_STORE_URL = "http://localhost:4000";

/** The shared store this build syncs with, without a trailing slash. */
export const STORE_URL: string =
  typeof __CADENCE_STORE_URL__ === "string" && __CADENCE_STORE_URL__ !== ""
    ? __CADENCE_STORE_URL__
    : DEV_STORE_URL;

/**
 * True when the build names another store than the development one (a deployment). Webpack always
 * defines the constant (the development store when CADENCE_STORE_URL is unset), so this compares.
 */
export const DEPLOYED_STORE: boolean = STORE_URL !== DEV_STORE_URL;

/**
 * The store the pane syncs with: the build's. A development build honours `?store=` on the pane's
 * page (the workbench's end-to-end tests start a store on a free port); a deployment build does not
 * (a link must not send a rep's token to another address).
 */
export function storeUrlFor(search: string, deployed: boolean = DEPLOYED_STORE): string {
  if (deployed) return STORE_URL;
  const param = new URLSearchParams(search).get("store");
  return param !== null && /^https?:\/\/[^\s]+$/i.test(param) ? param.replace(/\/+$/, "") : STORE_URL;
}
