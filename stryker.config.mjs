// Mutation testing of the domain core (`npm run mutation`). Not part of CI: it takes a while.
// MUTATE=src/core/tracking npm run mutation tests one folder or file (comma-separated list; its own
// report and incremental file, so parts can be run one after the other on a busy machine); `npm run mutation:score` adds up
// every report in reports/mutation/. Incremental: a second run re-tests only the mutants whose code
// or tests changed.
const parts = (process.env.MUTATE ?? "")
  .split(",")
  .map((p) => p.trim().replace(/\/+$/, ""))
  .filter((p) => p !== "");
const tag =
  parts.length === 0
    ? "core"
    : parts
        .map((p) => p.replace(/^src\/core\/?/, "").replace(/\.ts$/, ""))
        .join("+")
        .replace(/[^\w+]+/g, "-");

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "jest",
  jest: {
    projectType: "custom",
    configFile: "jest.mutation.config.js",
    enableFindRelatedTests: false,
  },
  coverageAnalysis: "perTest",
  mutate:
    parts.length === 0 ? ["src/core/**/*.ts"] : parts.map((p) => (p.endsWith(".ts") ? p : `${p}/**/*.ts`)),
  checkers: [],
  ignoreStatic: true,
  incremental: true,
  incrementalFile: `reports/stryker-incremental-${tag}.json`,
  concurrency: 2,
  timeoutMS: 4000,
  dryRunTimeoutMinutes: 30,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: `reports/mutation/${tag}.html` },
  jsonReporter: { fileName: `reports/mutation/${tag}.json` },
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
  thresholds: { high: 90, low: 85, break: null },
};
