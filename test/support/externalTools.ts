/**
 * The programs some suites need beyond Node (Chromium for the browser tests, LibreOffice for the file
 * round trip). Under CI=true a missing one fails the suite; elsewhere the suite is skipped and leaves
 * a note that test/support/skippedSuitesReporter.js prints at the end of the run, with the apt-get line.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface ExternalTool {
  /** What a person calls it. */
  name: string;
  /** Where it is looked for: absolute paths, or command names searched on PATH. */
  candidates: readonly string[];
  /** The Debian package that provides it. */
  apt: string;
}

/** Environment variable naming the folder where skipped suites leave their notes (set by the reporter). */
export const SKIPPED_DIR_ENV = "CADENCE_SKIPPED_SUITES_DIR";

export const CHROMIUM_TOOL: ExternalTool = {
  name: "Chromium",
  candidates: [process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"],
  apt: "chromium",
};

export const LIBREOFFICE_TOOL: ExternalTool = {
  name: "LibreOffice",
  candidates: ["soffice", "libreoffice"],
  apt: "libreoffice-calc",
};

/** The first candidate that exists (a path) or is found on PATH (a command name). */
export function findTool(tool: ExternalTool, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dirs = (env.PATH ?? "").split(path.delimiter).filter((d) => d !== "");
  for (const candidate of tool.candidates) {
    if (path.isAbsolute(candidate)) {
      if (existsSync(candidate)) return candidate;
      continue;
    }
    for (const dir of dirs) {
      const full = path.join(dir, candidate);
      if (existsSync(full)) return full;
    }
  }
  return undefined;
}

export const aptLine = (packages: readonly string[]): string =>
  `sudo apt-get install -y ${[...new Set(packages)].join(" ")}`;

export interface SkippedSuite {
  suite: string;
  tool: string;
  looked: readonly string[];
  apt: string;
}

/**
 * Where `tool` is, for a suite (`suiteFile`, its __filename) that cannot run without it. Missing under
 * CI=true: throws, so the run fails. Missing elsewhere: records the skip and returns undefined.
 */
export function requireTool(
  suiteFile: string,
  tool: ExternalTool,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const found = findTool(tool, env);
  if (found !== undefined) return found;
  const looked = tool.candidates.join(", ");
  if (env.CI === "true")
    throw new Error(`${tool.name} not found (looked for ${looked}); CI needs it: ${aptLine([tool.apt])}`);
  const suite = path.relative(path.resolve(__dirname, "..", ".."), suiteFile);
  const note: SkippedSuite = { suite, tool: tool.name, looked: tool.candidates, apt: tool.apt };
  const dir = env[SKIPPED_DIR_ENV];
  if (dir !== undefined && dir !== "") {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${suite.replace(/[^\w.-]+/g, "_")}.json`), JSON.stringify(note));
  } else {
    console.warn(`${suite} not run: no ${tool.name} (looked for ${looked}). ${aptLine([tool.apt])}`);
  }
  return undefined;
}
