/**
 * Browser tests drive Debian's Chromium with playwright-core (nothing downloads a browser). CI installs
 * it (.ci/run); on a developer machine without it, browser tests are skipped and the run ends by naming
 * them (test/support/externalTools.ts), unless CI=true, where a missing browser is a failure.
 */
import type { Browser } from "playwright-core";
import { chromium } from "playwright-core";
import { CHROMIUM_TOOL, requireTool } from "./externalTools";

export const CHROMIUM = CHROMIUM_TOOL.candidates[0] ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** True when the browser suite `suiteFile` (its __filename) can run here; throws in CI when the browser is missing. */
export function browserAvailable(suiteFile: string): boolean {
  return requireTool(suiteFile, CHROMIUM_TOOL) !== undefined;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}
