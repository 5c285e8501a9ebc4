/**
 * Bundle budget (issue 5 §4, issue 12 §13): every local script taskpane.html loads at start-up, gzipped,
 * must stay within 300 KB. taskpane.html is the shared runtime page Excel opens: task pane, ribbon
 * commands and custom functions together. Reads the <script> tags from the built HTML, so a chunk that
 * webpack splits off and loads later (import(): the holiday calendar) is not counted, and a static
 * import that drags it back into the start-up chunks is. `npx tsx scripts/check-bundle-size.ts [dist]`.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export const BUDGET_BYTES = 300 * 1024;
export const PAGE = "taskpane.html";
/** The level a web server or CDN typically uses. */
export const GZIP_LEVEL = 6;

export interface ScriptSize {
  src: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleReport {
  page: string;
  scripts: ScriptSize[];
  /** Scripts not built by us (Office.js, served by Microsoft's CDN in production): listed, not counted. */
  external: string[];
  totalGzipBytes: number;
  budgetBytes: number;
  withinBudget: boolean;
}

export class BundleCheckError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = "BundleCheckError";
  }
}

/** The src of every <script> in the page, in order (attribute quoted or not, as html-webpack-plugin minifies). */
export function scriptSources(html: string): string[] {
  const sources: string[] = [];
  for (const match of html.matchAll(/<script\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>/gi)) {
    // Groups of a regex match are undefined when they did not take part, whatever lib.d.ts says.
    const src = match.slice(1).find((group: string | undefined) => group !== undefined);
    if (src !== undefined) sources.push(src);
  }
  return sources;
}

const isExternal = (src: string): boolean => /^(https?:)?\/\//.test(src) || src.startsWith("office-js/");

export function measureBundle(dist: string, page = PAGE, budgetBytes = BUDGET_BYTES): BundleReport {
  const pagePath = path.join(dist, page);
  if (!existsSync(pagePath))
    throw new BundleCheckError(`${page} not found: build first (npm run build).`, pagePath);
  const sources = scriptSources(readFileSync(pagePath, "utf8"));
  const scripts: ScriptSize[] = [];
  const external: string[] = [];
  for (const src of sources) {
    if (isExternal(src)) {
      external.push(src);
      continue;
    }
    const file = path.join(dist, src.split(/[?#]/)[0] ?? src);
    if (!existsSync(file)) throw new BundleCheckError(`${page} loads ${src}, which is not in ${dist}.`, file);
    const content = readFileSync(file);
    scripts.push({ src, bytes: content.length, gzipBytes: gzipSync(content, { level: GZIP_LEVEL }).length });
  }
  const totalGzipBytes = scripts.reduce((sum, s) => sum + s.gzipBytes, 0);
  return {
    page,
    scripts,
    external,
    totalGzipBytes,
    budgetBytes,
    withinBudget: totalGzipBytes <= budgetBytes,
  };
}

/** The npm packages a built script holds, read from the sources of its source map (none without a map). */
export function packagesIn(dist: string, script: string): Set<string> {
  const mapFile = path.join(dist, `${script.split(/[?#]/)[0] ?? script}.map`);
  if (!existsSync(mapFile)) return new Set();
  const map = JSON.parse(readFileSync(mapFile, "utf8")) as { sources: string[] };
  const names = map.sources.flatMap((source) => {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
    return m?.[1] === undefined ? [] : [m[1]];
  });
  return new Set(names);
}

/** date-holidays and the dependencies that made the shared runtime page 383 KB (issue 12 §13). */
export const CALENDAR_PACKAGES = [
  "date-holidays",
  "date-holidays-parser",
  "astronomia",
  "moment",
  "moment-timezone",
  "date-chinese",
  "jalaali-js",
];

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

export function formatReport(report: BundleReport): string {
  const width = Math.max(
    ...report.scripts.map((s) => s.src.length),
    ...report.external.map((s) => s.length),
    5,
  );
  const lines = [`Initial JavaScript of ${report.page} (gzip level ${GZIP_LEVEL}):`];
  for (const s of report.scripts)
    lines.push(
      `  ${s.src.padEnd(width)}  ${kb(s.bytes).padStart(10)} raw  ${kb(s.gzipBytes).padStart(9)} gzip`,
    );
  for (const src of report.external) lines.push(`  ${src.padEnd(width)}  (external, not counted)`);
  const verdict = report.withinBudget ? "within" : "OVER";
  lines.push(
    `  ${"total".padEnd(width)}  ${kb(report.totalGzipBytes).padStart(25)} gzip — ${verdict} the budget of ${kb(report.budgetBytes)} (${((100 * report.totalGzipBytes) / report.budgetBytes).toFixed(0)} %)`,
  );
  return lines.join("\n");
}

function main(): void {
  const dist = path.resolve(process.argv[2] ?? path.join(__dirname, "..", "dist"));
  try {
    const report = measureBundle(dist);
    console.log(formatReport(report));
    if (!report.withinBudget) process.exitCode = 1;
  } catch (error: unknown) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  }
}

if (require.main === module) main();
