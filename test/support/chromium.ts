/**
 * Browser tests drive Debian's Chromium with playwright-core (nothing downloads a browser). CI installs
 * it (.ci/run); on a developer machine without it, browser tests say so and are not run, unless CI=true,
 * where a missing browser is a failure.
 */
import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** True when browser tests can run here; throws in CI when the browser is missing. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === "true")
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  console.warn(`Browser tests not run: no Chromium at ${CHROMIUM} (apt-get install -y chromium).`);
  return false;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}
