// Where a build of the add-in is deployed, read at build time (webpack.config.js): ADDIN_BASE_URL is the
// https address dist/ is served from (the manifest's URLs are rewritten to it), CADENCE_STORE_URL the shared
// store the task pane syncs with. Without them the build is for development: https://localhost:3000 and
// http://localhost:4000, as `npm start` serves them. docs/deploy.md describes a deployment.

/** The origin every URL of the source manifest.xml uses (the development server of `npm start`). */
const DEV_BASE_URL = "https://localhost:3000";
/** The store `npm start` runs (cadence serve on SQLite). */
const DEV_STORE_URL = "http://localhost:4000";

class DeploymentError extends Error {}

function parseUrl(name, value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new DeploymentError(`${name} is not a URL: '${value}' (e.g. https://addins.example.com/cadence)`);
  }
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "")
    throw new DeploymentError(
      `${name} must be a plain address, without query, fragment or credentials: '${value}'`,
    );
  return url;
}

/** ADDIN_BASE_URL without its trailing slash, or null when unset (a development build). */
function addinBaseUrl(env = process.env) {
  const raw = (env.ADDIN_BASE_URL ?? "").trim();
  if (raw === "") return null;
  const url = parseUrl("ADDIN_BASE_URL", raw);
  // Office loads add-ins over https only.
  if (url.protocol !== "https:") throw new DeploymentError(`ADDIN_BASE_URL must be https: '${raw}'`);
  return url.href.replace(/\/+$/, "");
}

/** CADENCE_STORE_URL without its trailing slash, or the development store. */
function storeUrl(env = process.env) {
  const raw = (env.CADENCE_STORE_URL ?? "").trim();
  if (raw === "") return DEV_STORE_URL;
  const url = parseUrl("CADENCE_STORE_URL", raw);
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new DeploymentError(`CADENCE_STORE_URL must be http or https: '${raw}'`);
  return url.href.replace(/\/+$/, "");
}

/**
 * The manifest for a deployment at `baseUrl`: every development URL moved under it, and the AppDomain (an
 * origin, never a path) set to its origin. Throws when a development URL would be left behind.
 */
function manifestFor(xml, baseUrl) {
  if (baseUrl === null) return xml;
  const origin = new URL(baseUrl).origin;
  const out = xml
    .replaceAll(`<AppDomain>${DEV_BASE_URL}</AppDomain>`, `<AppDomain>${origin}</AppDomain>`)
    .replaceAll(`${DEV_BASE_URL}/`, `${baseUrl}/`);
  if (/localhost/i.test(out))
    throw new DeploymentError("manifest.xml still names localhost after the rewrite");
  return out;
}

module.exports = { DEV_BASE_URL, DEV_STORE_URL, DeploymentError, addinBaseUrl, storeUrl, manifestFor };
