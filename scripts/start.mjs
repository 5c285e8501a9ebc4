// `npm start`: builds and serves the add-in over https on port 3000 (dev server, never used in CI), starts
// the shared store on SQLite (port 4000), and sideloads into Excel where Excel is installed, but only with a
// certificate Excel trusts (scripts/dev-certs.js: installs office-addin-dev-certs' one when someone is there
// to grant the rights it asks for, else prints the exact steps); elsewhere it prints what it serves and how
// to sideload. Ctrl-C stops everything.
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
const { certificateFiles, decideSideload } = require(path.join(root, "scripts", "dev-certs.js"));

const PORT = Number(process.env.PORT ?? 3000);
const STORE_PORT = Number(process.env.CADENCE_STORE_PORT ?? 4000);

/** office-addin-dev-certs' certificate when it is there and valid, else a self-signed one (never sideloaded). */
function httpsServer(files, useCertificate) {
  if (!useCertificate) return { type: "https" };
  return {
    type: "https",
    options: { cert: readFileSync(files.cert), key: readFileSync(files.key), ca: readFileSync(files.ca) },
  };
}

/** Runs an npx command; resolves its exit code and what it printed. */
function npx(args, inherit) {
  return new Promise((resolve) => {
    const child = spawn("npx", ["--yes", ...args], {
      cwd: root,
      stdio: inherit ? "inherit" : ["ignore", "pipe", "pipe"],
      shell: process.platform === "win32",
    });
    let out = "";
    child.stdout?.on("data", (d) => (out += d));
    child.stderr?.on("data", (d) => (out += d));
    child.on("error", () => resolve({ code: 1, out }));
    child.on("exit", (code) => resolve({ code: code ?? 1, out }));
  });
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
}

async function main() {
  const base = `https://localhost:${PORT}`;
  const files = certificateFiles(os.homedir());
  const decision = await decideSideload({
    platform: process.platform,
    files,
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    ci: process.env.CI === "true",
    base,
    // "You have trusted access to https://localhost." or "You need to install certificates…".
    verify: async () =>
      /You have trusted access/i.test((await npx(["office-addin-dev-certs", "verify"], false)).out),
    install: async () => (await npx(["office-addin-dev-certs", "install"], true)).code === 0,
  });
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
      server: httpsServer(files, decision.useCertificate),
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
  // Sync (issue 10): on a new development database, a demo manager and two reps, tokens printed once.
  await new Promise((resolve) => {
    const demo = spawn(process.execPath, [path.join(root, "bin", "cadence.js"), "demo-org"], {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
    });
    demo.on("exit", resolve);
    demo.on("error", resolve);
  });
  const store = startStore();
  console.log(`
Cadence is served at ${base}
  Workbench (Cadence in a plain browser, no Excel needed): ${base}/workbench.html
  Task pane:               ${base}/taskpane.html
  Custom functions:        ${base}/functions.json (French: functions-fr.json)
  Manifest:                ${path.join(root, "manifest.xml")}
  Shared store (SQLite):   http://localhost:${STORE_PORT} (health: /health)
`);
  if (decision.sideload) sideload();
  else if (decision.message !== null) console.log(`${decision.message}\nPress Ctrl-C to stop.`);
  else {
    console.log(`Excel is not installed here. To use Cadence in Excel:
  - Excel on the web: Home > Add-ins > More Add-ins > Upload My Add-in, then pick manifest.xml.
  - Excel on Windows or Mac: run 'npm start' there; it sideloads manifest.xml for you.
The first time, your browser may warn about the certificate of ${base}: accept it, or run
'npx office-addin-dev-certs install' once to trust a local development certificate (it asks for
administrator rights).
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
