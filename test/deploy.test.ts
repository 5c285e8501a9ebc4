/**
 * A deployment build: `ADDIN_BASE_URL=https://… npm run build` writes dist/manifest.xml for that address
 * (no localhost left, the support page real and served), and CADENCE_STORE_URL names the store the pane
 * syncs with (scripts/deployment.js, src/taskpane/shell/deployment.ts, docs/deploy.md).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { DEV_STORE_URL, STORE_URL, storeUrlFor } from "../src/taskpane/shell/deployment";
import { ROOT } from "./support/build";

interface Deployment {
  DEV_BASE_URL: string;
  DEV_STORE_URL: string;
  addinBaseUrl: (env: NodeJS.ProcessEnv) => string | null;
  storeUrl: (env: NodeJS.ProcessEnv) => string;
  manifestFor: (xml: string, baseUrl: string | null) => string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS, as webpack.config.js loads it
const deployment = require("../scripts/deployment.js") as Deployment;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack's own CommonJS config
const webpackConfig = require("../webpack.config.js") as (
  env: object,
  argv: object,
) => { plugins: unknown[] };
const sourceManifest = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

describe("the build-time deployment settings", () => {
  it("take ADDIN_BASE_URL as an https address, without its trailing slash; none is a development build", () => {
    expect(deployment.addinBaseUrl({})).toBeNull();
    expect(deployment.addinBaseUrl({ ADDIN_BASE_URL: "https://addins.example.com/cadence/" })).toBe(
      "https://addins.example.com/cadence",
    );
    expect(() => deployment.addinBaseUrl({ ADDIN_BASE_URL: "http://addins.example.com" })).toThrow(
      /must be https/,
    );
    expect(() => deployment.addinBaseUrl({ ADDIN_BASE_URL: "addins.example.com" })).toThrow(/not a URL/);
    expect(() => deployment.addinBaseUrl({ ADDIN_BASE_URL: "https://a.example.com/?v=1" })).toThrow(
      /without query/,
    );
  });

  it("take CADENCE_STORE_URL for the store, http://localhost:4000 in development, the pane's one constant", () => {
    expect(deployment.storeUrl({})).toBe("http://localhost:4000");
    expect(deployment.storeUrl({ CADENCE_STORE_URL: "https://store.example.com/" })).toBe(
      "https://store.example.com",
    );
    expect(() => deployment.storeUrl({ CADENCE_STORE_URL: "ftp://store.example.com" })).toThrow(
      /http or https/,
    );
    expect(DEV_STORE_URL).toBe(deployment.DEV_STORE_URL);
    // Jest has no DefinePlugin: the pane's constant is the development store.
    expect(STORE_URL).toBe(DEV_STORE_URL);
  });

  it("the pane's store: the build's, or ?store= in a development build only (never in a deployment's)", () => {
    expect(storeUrlFor("")).toBe(DEV_STORE_URL);
    expect(storeUrlFor("?store=http://localhost:4001/")).toBe("http://localhost:4001");
    expect(storeUrlFor("?today=2026-11-28&store=https://10.0.0.2:8443")).toBe("https://10.0.0.2:8443");
    expect(storeUrlFor("?store=javascript:alert(1)")).toBe(DEV_STORE_URL);
    expect(storeUrlFor("?store=http://evil.example.com", true)).toBe(STORE_URL);
  });

  it("webpack hands the store URL to the pane's constant", () => {
    const saved = process.env.CADENCE_STORE_URL;
    process.env.CADENCE_STORE_URL = "https://store.example.com";
    try {
      const config = webpackConfig({}, { mode: "production" });
      const defined = config.plugins
        .map((p) => (p as { definitions?: Record<string, unknown> }).definitions)
        .find((d) => d !== undefined && "__CADENCE_STORE_URL__" in d);
      expect(defined?.__CADENCE_STORE_URL__).toBe(JSON.stringify("https://store.example.com"));
    } finally {
      if (saved === undefined) delete process.env.CADENCE_STORE_URL;
      else process.env.CADENCE_STORE_URL = saved;
    }
  });

  it("the development manifest points its support and learn-more links at the support page", () => {
    expect(sourceManifest).toContain(
      '<SupportUrl DefaultValue="https://localhost:3000/assets/support.html" />',
    );
    expect(sourceManifest).toMatch(
      /id="GetStarted.LearnMoreUrl" DefaultValue="https:\/\/localhost:3000\/assets\/support\.html"/,
    );
    expect(deployment.manifestFor(sourceManifest, null)).toBe(sourceManifest);
  });
});

describe("ADDIN_BASE_URL=https://addins.example.com/cadence npm run build", () => {
  const BASE = "https://addins.example.com/cadence";
  const out = mkdtempSync(path.join(os.tmpdir(), "cadence-deploy-"));
  let manifest = "";

  beforeAll(() => {
    execFileSync(
      process.execPath,
      [path.join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out],
      {
        cwd: ROOT,
        env: { ...process.env, ADDIN_BASE_URL: BASE, CADENCE_STORE_URL: "https://store.example.com" },
        stdio: "pipe",
        timeout: 600_000,
      },
    );
    manifest = readFileSync(path.join(out, "manifest.xml"), "utf8");
  }, 600_000);

  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
  });

  it("writes a manifest with no localhost, every URL under the deployment and served from the build", () => {
    expect(manifest).not.toMatch(/localhost/i);
    const urls = [...manifest.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(12);
    for (const url of urls) {
      expect(url.startsWith(`${BASE}/`)).toBe(true);
      const file = path.join(out, url.slice(BASE.length));
      expect({ url, exists: existsSync(file) }).toEqual({ url, exists: true });
    }
  });

  it("parses as the same manifest: AppDomain the deployment's origin, support and learn-more on the support page", () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", removeNSPrefix: true });
    const app = (parser.parse(manifest) as { OfficeApp: Record<string, unknown> }).OfficeApp;
    const source = (parser.parse(sourceManifest) as { OfficeApp: Record<string, unknown> }).OfficeApp;
    expect(app.Id).toBe(source.Id);
    expect((app.AppDomains as { AppDomain: string }).AppDomain).toBe("https://addins.example.com");
    expect((app.SupportUrl as Record<string, string>)["@DefaultValue"]).toBe(`${BASE}/assets/support.html`);
    expect(manifest).toContain(`id="GetStarted.LearnMoreUrl" DefaultValue="${BASE}/assets/support.html"`);
    expect(manifest).toContain(`<bt:Override Locale="fr-CA" Value="${BASE}/functions-fr.json" />`);
    const support = readFileSync(path.join(out, "assets", "support.html"), "utf8");
    expect(support).toContain("Cadence: help and support");
    expect(support).toContain("Cadence : aide et assistance");
  });
});
