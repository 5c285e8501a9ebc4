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
