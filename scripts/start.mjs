// `npm start`: builds and serves the add-in over https on port 3000 (dev server, never used in CI), starts
// the shared store on SQLite (port 4000), and sideloads into Excel where Excel is installed; elsewhere it
// prints what it serves and how to sideload. Ctrl-C stops everything.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const webpack = require("webpack");
const WebpackDevServer = require("webpack-dev-server");
const makeConfig = require(path.join(root, "webpack.config.js"));

const PORT = Number(process.env.PORT ?? 3000);
const STORE_PORT = Number(process.env.CADENCE_STORE_PORT ?? 4000);

/** Office's trusted dev certificate when present (office-addin-dev-certs), else a self-signed one. */
function httpsServer() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const cert = path.join(dir, "localhost.crt");
  const key = path.join(dir, "localhost.key");
  if (existsSync(cert) && existsSync(key)) {
    return {
      type: "https",
      options: {
        cert: readFileSync(cert),
        key: readFileSync(key),
        ca: readFileSync(path.join(dir, "ca.crt")),
      },
    };
  }
  return { type: "https" };
}

function startStore() {
  const child = spawn(
    process.execPath,
    [
      path.join(root, "bin", "cadence.js"),
      "serve",
      "--port",
      String(STORE_PORT),
      "--cors-origin",
      `https://localhost:${PORT}`,
    ],
    {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        CADENCE_CORS_ORIGIN: process.env.CADENCE_CORS_ORIGIN ?? `https://localhost:${PORT}`,
      },
    },
  );
  child.on("exit", (code) => {
    if (code !== 0 && code !== null)
      console.error(`The store stopped (exit ${code}); the add-in keeps running without it.`);
  });
  return child;
}

function sideload() {
  if (process.platform !== "win32" && process.platform !== "darwin") return false;
  const child = spawn(
    "npx",
    ["--yes", "office-addin-dev-settings", "sideload", path.join(root, "manifest.xml"), "desktop"],
    {
      cwd: root,
      stdio: "inherit",
      shell: process.platform === "win32",
    },
  );
  child.on("exit", (code) => {
    if (code !== 0)
      console.error("Could not sideload into Excel automatically; see README, 'Sideload by hand'.");
  });
  return true;
}

async function main() {
  const config = makeConfig({}, { mode: "development" });
  const compiler = webpack({
    ...config,
    mode: "development",
    stats: "errors-warnings",
    infrastructureLogging: { level: "warn" },
  });
  const server = new WebpackDevServer(
    {
      port: PORT,
      server: httpsServer(),
      headers: { "Access-Control-Allow-Origin": "*" },
      static: [
        { directory: path.join(root, "node_modules/@microsoft/office-js/dist"), publicPath: "/office-js" },
        { directory: path.join(root, "assets"), publicPath: "/assets" },
      ],
      client: { overlay: { warnings: false } },
      open: false,
    },
    compiler,
  );
  await server.start();
  const store = startStore();
  const base = `https://localhost:${PORT}`;
  console.log(`
Cadence is served at ${base}
  Workbench (Cadence in a plain browser, no Excel needed): ${base}/workbench.html
  Task pane:               ${base}/taskpane.html
  Custom functions:        ${base}/functions.json (French: functions-fr.json)
  Manifest:                ${path.join(root, "manifest.xml")}
  Shared store (SQLite):   http://localhost:${STORE_PORT} (health: /health)
`);
  if (!sideload()) {
    console.log(`Excel is not installed here. To use Cadence in Excel:
  - Excel on the web: Home > Add-ins > More Add-ins > Upload My Add-in, then pick manifest.xml.
  - Excel on Windows or Mac: run 'npm start' there; it sideloads manifest.xml for you.
The first time, your browser may warn about the self-signed certificate of ${base}: accept it, or run
'npx office-addin-dev-certs install' once to trust a local development certificate.
Press Ctrl-C to stop.`);
  }
  const stop = async () => {
    store.kill("SIGTERM");
    await server.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
